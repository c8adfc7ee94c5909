using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Features.Bulletins;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace KashiInvest.Web.Tests.Bulletins;

/// <summary>
/// Two Bureau users edit the same draft: when the other one saves first, what this one typed stays in the form, the
/// other version is shown beside it (to load or to dismiss), and the next save goes on the new version.
/// (A class of its own: it changes the demo draft, which <see cref="BulletinPageTests"/> submits.)
/// </summary>
public sealed class BulletinEditConflictTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private BulletinCommands Commands => database.Services.GetRequiredService<BulletinCommands>();

    private static string? Typed(IRenderedComponent<BulletinPage> page, string field) =>
        page.Find($"textarea[data-testid=bulletin-{field}], [data-testid=bulletin-{field}] textarea").GetAttribute("value");

    [Fact]
    public async Task Someone_elses_save_keeps_what_the_user_typed_shows_their_text_and_the_next_save_goes_on_the_new_version()
    {
        using var _ = new UiCulture("zh-CN");
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var draft = (await Commands.ListAsync(bureau, null, null)).Single(r => r.Status == BulletinStatus.Draft);

        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(bureau));
        context.Services.AddScoped(sp => new LiveFeed(sp.GetRequiredService<ILiveBus>(), sp.GetRequiredService<IUserScopeProvider>(), new CircuitLink(), NullLogger<LiveFeed>.Instance));
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        context.Render<MudPopoverProvider>();
        context.Render<MudSnackbarProvider>();
        var page = context.Render<BulletinPage>(p => p.Add(x => x.Id, draft.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("button[data-testid=bulletin-save]")));

        page.Find("textarea[data-testid=bulletin-Highlights], [data-testid=bulletin-Highlights] textarea").Change("我方起草：纺织服装产业链招商成效明显。");

        // Another Bureau user saves the draft (from the version this page read) while this one is typing.
        var read = (await Commands.ReadAsync(bureau, draft.Id))!.Bulletin;
        var other = await Commands.EditAsync(bureau, draft.Id, read.Version,
            new BulletinNarrative(read.Title, read.Overview, "他人版本：农副产品加工签约增加。", read.Problems, read.NextSteps));
        Assert.Equal(WriteStatus.Saved, other.Status);

        // Their save reaches the page live, or (when the notice has not arrived yet) this user's save is refused as stale
        // and the page re-reads: either way the form keeps the typed text and shows theirs.
        if (page.FindAll("[data-testid=bulletin-conflict]").Count == 0) page.Find("button[data-testid=bulletin-save]").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=bulletin-conflict]")));
        Assert.Equal("他人版本：农副产品加工签约增加。", (await Commands.ReadAsync(bureau, draft.Id))!.Bulletin.Highlights);
        Assert.Equal("我方起草：纺织服装产业链招商成效明显。", Typed(page, "Highlights"));
        Assert.Equal("他人版本：农副产品加工签约增加。", page.Find("[data-testid=bulletin-theirs-Highlights]").TextContent.Trim());

        // Load theirs: the form takes their text; then the user edits it and saves on the new version.
        page.Find("button[data-testid=bulletin-load-theirs]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=bulletin-conflict]")));
        Assert.Equal("他人版本：农副产品加工签约增加。", Typed(page, "Highlights"));
        page.Find("textarea[data-testid=bulletin-Highlights], [data-testid=bulletin-Highlights] textarea").Change("合并稿：纺织服装与农副产品加工均有进展。");
        page.Find("button[data-testid=bulletin-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("合并稿：纺织服装与农副产品加工均有进展。", page.Find("[data-testid=bulletin-document]").TextContent, StringComparison.Ordinal));
        Assert.Equal("合并稿：纺织服装与农副产品加工均有进展。", (await Commands.ReadAsync(bureau, draft.Id))!.Bulletin.Highlights);
        Assert.Empty(page.FindAll("[data-testid=bulletin-conflict]"));
        Assert.Equal("合并稿：纺织服装与农副产品加工均有进展。", Typed(page, "Highlights"));
    }
}
