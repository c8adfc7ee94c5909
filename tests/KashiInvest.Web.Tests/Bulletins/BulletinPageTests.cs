using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Features.Bulletins;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace KashiInvest.Web.Tests.Bulletins;

/// <summary>
/// The bulletin page (/bulletins/{id}) on the demo data: the Bureau edits the draft's narrative and submits it, a
/// leader approves it on the page; a county reads the published bulletin with its supervision list and no forms.
/// </summary>
public sealed class BulletinPageTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private BulletinCommands Commands => database.Services.GetRequiredService<BulletinCommands>();

    private async Task<(BunitContext Context, IRenderedComponent<BulletinPage> Page)> RenderAsync(UserScope scope, int id)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(scope));
        context.Services.AddScoped(sp => new LiveFeed(sp.GetRequiredService<ILiveBus>(), sp.GetRequiredService<IUserScopeProvider>(), new CircuitLink(), NullLogger<LiveFeed>.Instance));
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        context.Render<MudPopoverProvider>();
        context.Render<MudSnackbarProvider>();
        var page = context.Render<BulletinPage>(p => p.Add(x => x.Id, id));
        await Task.Yield();
        return (context, page);
    }

    [Fact]
    public async Task The_Bureau_edits_and_submits_the_draft_and_a_leader_approves_it_on_the_page()
    {
        using var _ = new UiCulture("zh-CN");
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var leader = await database.ScopeOfAsync(ReferenceData.LeadersCode, ActorRole.Leader);
        var draft = (await Commands.ListAsync(bureau, null, null)).Single(r => r.Status == BulletinStatus.Draft);

        var (context, page) = await RenderAsync(bureau, draft.Id);
        await using (context)
        {
            page.WaitForAssertion(() => Assert.Contains("草稿", page.Find("[data-testid=bulletin-status]").TextContent, StringComparison.Ordinal));
            Assert.Contains(draft.Number, page.Find("[data-testid=bulletin-number]").TextContent, StringComparison.Ordinal);
            page.Find("textarea[data-testid=bulletin-Highlights], [data-testid=bulletin-Highlights] textarea").Change("纺织服装产业链招商成效明显。");
            page.Find("button[data-testid=bulletin-save]").Click();
            page.WaitForAssertion(() => Assert.Contains("纺织服装产业链招商成效明显。", page.Find("[data-testid=bulletin-document]").TextContent, StringComparison.Ordinal));
            page.Find("button[data-testid=bulletin-submit]").Click();
            page.WaitForAssertion(() => Assert.Contains("待领导审定", page.Find("[data-testid=bulletin-status]").TextContent, StringComparison.Ordinal));
            Assert.Empty(page.FindAll("[data-testid=bulletin-edit]"));
        }

        var (leaderContext, leaderPage) = await RenderAsync(leader, draft.Id);
        await using (leaderContext)
        {
            leaderPage.WaitForAssertion(() => Assert.NotEmpty(leaderPage.FindAll("button[data-testid=bulletin-approve]")));
            leaderPage.Find("button[data-testid=bulletin-approve]").Click();
            leaderPage.WaitForAssertion(() => Assert.Contains("已审定", leaderPage.Find("[data-testid=bulletin-status]").TextContent, StringComparison.Ordinal));
            Assert.Empty(leaderPage.FindAll("button[data-testid=bulletin-approve]"));
        }
    }

    [Fact]
    public async Task A_county_reads_the_published_bulletin_with_its_supervision_list_and_no_forms()
    {
        using var _ = new UiCulture("zh-CN");
        var county = await database.ScopeOfAsync("shache");
        var published = (await Commands.ListAsync(county, null, null)).Where(r => r.Status == BulletinStatus.Published).OrderBy(r => r.Quarter).First();
        var bulletin = (await Commands.ReadAsync(county, published.Id))!.Bulletin;

        var (context, page) = await RenderAsync(county, published.Id);
        await using (context)
        {
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=bulletin-supervised]")));
            Assert.Equal(bulletin.Snapshot.Supervision.Select(s => s.Name), page.FindAll("[data-testid=bulletin-supervised] td:first-child").Select(td => td.TextContent));
            Assert.Empty(page.FindAll("[data-testid=bulletin-edit]"));
            Assert.Empty(page.FindAll("[data-testid=bulletin-review]"));
            Assert.Equal(bulletin.Snapshot.Units.Count, page.FindAll("[data-testid=bulletin-unit]").Count);
            Assert.Equal($"/bulletins/{published.Id}.docx", page.Find("[data-testid=bulletin-docx]").GetAttribute("href"));
            // The section headings count up one by one (一、二、三…), each numeral once.
            var numerals = page.FindAll("[data-testid=bulletin-document] h6").Select(h => h.TextContent.Split('、')[0]).ToList();
            Assert.Equal(["一", "二", "三", "四", "五", "六", "七", "八"], numerals);
        }
    }
}
