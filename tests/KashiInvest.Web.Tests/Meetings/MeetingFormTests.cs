using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Web.Features.Meetings;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KashiInvest.Web.Tests.Meetings;

/// <summary>The meeting form explains bad input next to each field, in the user's language, and saves nothing until it is right.</summary>
public sealed class MeetingFormTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Theory]
    [InlineData("zh-CN", "请填写会议名称。", "请填写主持人（姓名及职务）。", "请填写会议日期和时间。", "请选择产业链。")]
    [InlineData("en", "Enter the meeting's title.", "Enter the chair (name and post).", "Enter the meeting's date and time.", "Choose the industry chain.")]
    public async Task Missing_fields_are_explained_under_each_field_and_nothing_is_saved(string culture, string title, string chair, string date, string chain)
    {
        using var _ = new UiCulture(culture);
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        var scope = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(scope));
        var reference = await database.Services.GetRequiredService<ReferenceCache>().GetAsync();
        var commands = database.Services.GetRequiredService<MeetingCommands>();
        var before = await database.QueryAsync(db => db.Meetings.CountAsync());
        var saved = 0;
        context.Render<MudPopoverProvider>();
        var input = new MeetingInput { StartsAt = null, ScopeKind = Domain.Meetings.MeetingScopeKind.Chain };
        var form = context.Render<MeetingForm>(p => p
            .Add(x => x.Input, input).Add(x => x.Ref, reference)
            .Add(x => x.Save, i => commands.CreateAsync(scope, i))
            .Add(x => x.Saved, (int id) => saved = id));

        form.Find("[data-testid=meeting-save]").Click();

        form.WaitForAssertion(() => Assert.Contains(title, Field(form, "field-title"), StringComparison.Ordinal));
        Assert.Contains(chair, Field(form, "field-chair"), StringComparison.Ordinal);
        Assert.Contains(date, Field(form, "field-date"), StringComparison.Ordinal);
        Assert.Contains(chain, Field(form, "field-chain"), StringComparison.Ordinal);
        Assert.Equal(0, saved);
        Assert.Equal(before, await database.QueryAsync(db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task A_complete_form_creates_the_meeting()
    {
        using var _ = new UiCulture("zh-CN");
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        var scope = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var reference = await database.Services.GetRequiredService<ReferenceCache>().GetAsync();
        var commands = database.Services.GetRequiredService<MeetingCommands>();
        var saved = 0;
        context.Render<MudPopoverProvider>();
        var input = new MeetingInput
        {
            Title = "纺织服装产业链推进会", Chair = "李明 地区行署副专员", StartsOn = BeijingTime.Today(TestClock.Default).AddDays(2),
            ScopeKind = Domain.Meetings.MeetingScopeKind.Chain, ScopeChainId = reference.Chains[0].Id,
        };
        var form = context.Render<MeetingForm>(p => p
            .Add(x => x.Input, input).Add(x => x.Ref, reference)
            .Add(x => x.Save, i => commands.CreateAsync(scope, i))
            .Add(x => x.Saved, (int id) => saved = id));
        form.Find("[data-testid=meeting-save]").Click();
        form.WaitForAssertion(() => Assert.NotEqual(0, saved));
        var m = await database.Services.GetRequiredService<MeetingQuery>().GetAsync(scope, saved);
        Assert.Equal(("纺织服装产业链推进会", reference.Chains[0].Id), (m!.Title, m.Scope.ChainId!.Value));
        Assert.All(m.Items.Where(i => i.Project is not null), i => Assert.Equal(reference.Chains[0].Id, i.Project!.ChainId));
    }

    private static string Field(IRenderedComponent<MeetingForm> form, string testId) =>
        form.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;
}
