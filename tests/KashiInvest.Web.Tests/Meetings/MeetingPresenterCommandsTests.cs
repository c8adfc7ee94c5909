using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Features.Meetings;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Meetings;

/// <summary>
/// The presenter screen's writes on the seeded demo database: a stale version is refused (never a silent overwrite),
/// a county user cannot run a prefecture meeting, only the presenter moves the meeting until someone takes over,
/// and a bad action item names each bad field.
/// </summary>
public sealed class MeetingPresenterCommandsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private MeetingCommands Commands => ActivatorUtilities.GetServiceOrCreateInstance<MeetingCommands>(database.Services);
    private MeetingQuery Query => ActivatorUtilities.GetServiceOrCreateInstance<MeetingQuery>(database.Services);

    private Task<UserScope> BureauAsync() => database.ScopeOfAsync("bureau", ActorRole.Bureau);

    private static readonly UserScope Admin = new("admin", "系统管理员", ActorRole.Administrator, null, [], []);

    private async Task<string> CountyCodeAsync() =>
        await database.QueryAsync(db => db.Units.Where(u => u.Type == UnitType.County).OrderBy(u => u.Id).Select(u => u.Code).FirstAsync());

    /// <summary>A prefecture meeting the county attends, started by the Bureau, with at least two items.</summary>
    private async Task<MeetingView> StartedMeetingAsync(params int[] attending)
    {
        var bureau = await BureauAsync();
        var today = BeijingTime.Today(TestClock.Default);
        var created = await Commands.CreateAsync(bureau, new MeetingInput
        {
            Title = $"重点项目调度会 {Guid.NewGuid():N}"[..16], StartsOn = today, StartsAt = new TimeOnly(10, 0), Chair = "王副专员",
            AttendingUnitIds = [.. attending],
        });
        Assert.Equal(WriteStatus.Saved, created.Status);
        var id = created.Id!.Value;
        var view = (await Query.GetAsync(bureau, id))!;
        for (var i = view.Items.Count; i < 2; i++)
            Assert.Equal(WriteStatus.Saved, (await Commands.AddItemAsync(bureau, id, (await Query.GetAsync(bureau, id))!.Version, AgendaItemKind.Custom, null, null, $"议题 {i}", null)).Status);
        view = (await Query.GetAsync(bureau, id))!;
        Assert.Equal(WriteStatus.Saved, (await Commands.StartAsync(bureau, id, view.Version)).Status);
        return (await Query.GetAsync(bureau, id))!;
    }

    [Fact]
    public async Task A_discussion_saved_on_a_stale_version_is_refused_and_the_newer_text_stays()
    {
        var bureau = await BureauAsync();
        var view = await StartedMeetingAsync();
        var item = view.CurrentItemId!.Value;
        var staleVersion = view.Version;

        var first = await Commands.RecordDiscussionAsync(bureau, view.Id, item, "项目用地报批材料已报自治区", staleVersion);
        Assert.Equal(WriteStatus.Saved, first.Status);

        // A second screen still holding the old version tries to replace the text.
        var second = await Commands.RecordDiscussionAsync(bureau, view.Id, item, "旧页面上的文字", staleVersion);
        Assert.Equal(WriteStatus.Conflict, second.Status);
        var after = (await Query.GetAsync(bureau, view.Id))!;
        Assert.Equal("项目用地报批材料已报自治区", after.Items.Single(i => i.Id == item).Discussion);
        Assert.True(after.Version > staleVersion);

        // Starting an already started meeting from a stale page is a conflict too, not a second start.
        Assert.Equal(WriteStatus.Conflict, (await Commands.StartAsync(bureau, view.Id, staleVersion)).Status);
        Assert.Equal(WriteStatus.Conflict, (await Commands.EndAsync(bureau, view.Id, staleVersion)).Status);
        Assert.Equal(MeetingStatus.InProgress, (await Query.GetAsync(bureau, view.Id))!.Status);
    }

    [Fact]
    public async Task A_county_user_may_follow_but_not_present_or_record_in_a_prefecture_meeting()
    {
        var county = await database.ScopeOfAsync(await CountyCodeAsync());
        var view = await StartedMeetingAsync(county.UnitId!.Value);
        var next = MeetingScreenText.Neighbour(view, view.CurrentItemId, 1)!.Id;

        var seen = await Query.GetAsync(county, view.Id);
        Assert.NotNull(seen);
        Assert.False(seen.Rights.CanRun);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.TakeOverAsync(county, view.Id)).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.PresentAsync(county, view.Id, next)).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.RecordDecisionAsync(county, view.Id, view.CurrentItemId, "县里自行决定")).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.AddActionItemAsync(county, view.Id, new NewActionItem
        {
            AgendaItemId = view.CurrentItemId, Text = "县里自行交办", OwnerUnitId = county.UnitId, DueOn = BeijingTime.Today(TestClock.Default).AddDays(7),
        })).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.EndAsync(county, view.Id, view.Version)).Status);

        var after = (await Query.GetAsync(county, view.Id))!;
        Assert.Equal(view.CurrentItemId, after.CurrentItemId);
        Assert.Empty(after.Decisions);
        Assert.Empty(after.Actions);
        Assert.Equal(MeetingStatus.InProgress, after.Status);
    }

    [Fact]
    public async Task Only_the_presenter_moves_the_meeting_until_another_bureau_user_takes_over_at_the_current_item()
    {
        var bureau = await BureauAsync();
        var view = await StartedMeetingAsync();
        var first = view.CurrentItemId!.Value;
        var second = MeetingScreenText.Neighbour(view, first, 1)!.Id;

        var refused = await Commands.PresentAsync(Admin, view.Id, second);
        Assert.Equal(WriteStatus.Invalid, refused.Status);
        Assert.Equal("Meeting.NotPresenter", Assert.Single(refused.Errors!).Violation.Code);

        Assert.Equal(WriteStatus.Saved, (await Commands.TakeOverAsync(Admin, view.Id)).Status);
        var taken = (await Query.GetAsync(Admin, view.Id))!;
        Assert.True(taken.Rights.IsPresenter);
        Assert.Equal(first, taken.CurrentItemId);

        Assert.Equal(WriteStatus.Saved, (await Commands.PresentAsync(Admin, view.Id, second)).Status);
        Assert.Equal(second, (await Query.GetAsync(bureau, view.Id))!.CurrentItemId);
        // The former presenter's page can no longer move the meeting.
        Assert.Equal(WriteStatus.Invalid, (await Commands.PresentAsync(bureau, view.Id, first)).Status);
        Assert.False((await Query.GetAsync(bureau, view.Id))!.Rights.IsPresenter);
    }

    [Fact]
    public async Task An_action_item_with_bad_input_names_each_bad_field_and_saves_nothing()
    {
        var bureau = await BureauAsync();
        var view = await StartedMeetingAsync();

        var result = await Commands.AddActionItemAsync(bureau, view.Id, new NewActionItem
        {
            AgendaItemId = view.CurrentItemId, Text = "  ", OwnerUnitId = null, DueOn = BeijingTime.Today(TestClock.Default).AddDays(-1),
            ProblemEffect = ProblemEffect.Resolve,
        });

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(["DueOn", "OwnerUnitId", "ProblemId", "Text"], result.Errors!.Select(e => e.Field).Order());
        Assert.Empty((await Query.GetAsync(bureau, view.Id))!.Actions);
    }

    [Fact]
    public async Task Neighbours_follow_the_agenda_order_and_stop_at_either_end()
    {
        var view = await StartedMeetingAsync();
        var ordered = view.Items.OrderBy(i => i.Position).ToList();
        Assert.Null(MeetingScreenText.Neighbour(view, ordered[0].Id, -1));
        Assert.Equal(ordered[1].Id, MeetingScreenText.Neighbour(view, ordered[0].Id, 1)!.Id);
        Assert.Null(MeetingScreenText.Neighbour(view, ordered[^1].Id, 1));
        Assert.Equal("07:05", MeetingScreenText.Duration(TimeSpan.FromSeconds(425)));
        Assert.Equal("1:02:09", MeetingScreenText.Duration(new TimeSpan(1, 2, 9)));
    }
}
