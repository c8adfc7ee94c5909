using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;
using KashiInvest.Web.Features.Meetings;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Meetings;

/// <summary>Meeting mode's use cases over the demo data: who may run a meeting, the agenda from the data, edits, the record, the to-do list.</summary>
public sealed class MeetingCommandsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private MeetingCommands Commands => database.Services.GetRequiredService<MeetingCommands>();
    private MeetingQuery Query => database.Services.GetRequiredService<MeetingQuery>();

    private Task<UserScope> BureauAsync() => database.ScopeOfAsync("bureau", ActorRole.Bureau);

    private MeetingInput Input(string title = "测试调度会") => new()
    {
        Title = title, Chair = "王建国 地区行署副专员", StartsOn = Query.Today.AddDays(5), StartsAt = new TimeOnly(10, 0), Place = "三楼会议室",
    };

    private async Task<MeetingView> CreateAsync(UserScope scope, MeetingInput input)
    {
        var result = await Commands.CreateAsync(scope, input);
        Assert.Equal(WriteStatus.Saved, result.Status);
        return (await Query.GetAsync(scope, result.Id!.Value))!;
    }

    [Fact]
    public async Task A_new_prefecture_meeting_gets_an_agenda_from_the_data_with_the_open_actions_of_the_last_meeting_first()
    {
        var bureau = await BureauAsync();
        var m = await CreateAsync(bureau, Input());
        Assert.Equal(MeetingStatus.Planned, m.Status);
        Assert.NotEmpty(m.Items);
        Assert.Equal(Enumerable.Range(1, m.Items.Count), m.Items.Select(i => i.Position));
        // The demo's ended meeting left open actions due by now: they come back first, each with its action.
        var openDue = await database.QueryAsync(db => db.ActionItems.CountAsync(a => a.Status == ActionItemStatus.Open));
        var followUps = m.Items.TakeWhile(i => i.Kind == AgendaItemKind.ActionFollowUp).ToList();
        Assert.InRange(followUps.Count, 1, openDue);
        Assert.All(followUps, f => Assert.True(f.Action is { IsOpen: true }));
        Assert.Equal(followUps.Count, m.CarriedOver.Count);
        // A project appears once; the kinds come in the agreed order.
        var projectItems = m.Items.Where(i => i.Kind != AgendaItemKind.ActionFollowUp && i.ProjectId is not null).ToList();
        Assert.Equal(projectItems.Count, projectItems.Select(i => i.ProjectId).Distinct().Count());
        Assert.Equal(m.Items.Select(i => i.Kind).OrderBy(k => k), m.Items.Select(i => i.Kind));
        Assert.All(m.Items.Where(i => i.Kind == AgendaItemKind.StalledProject), i => Assert.Equal(Domain.Health.HealthStatus.Stalled, i.Project!.Health.Status));
    }

    [Fact]
    public async Task The_bureau_reorders_adds_annotates_and_removes_items_and_a_stale_version_is_a_conflict()
    {
        var bureau = await BureauAsync();
        var m = await CreateAsync(bureau, Input("议程编辑测试"));
        var last = m.Items[^1];
        Assert.Equal(WriteStatus.Saved, (await Commands.MoveItemAsync(bureau, m.Id, m.Version, last.Id, -1)).Status);
        var stale = m.Version;
        m = (await Query.GetAsync(bureau, m.Id))!;
        Assert.Equal(last.Id, m.Items[^2].Id);
        Assert.Equal(WriteStatus.Conflict, (await Commands.AnnotateAsync(bureau, m.Id, stale, last.Id, "x", null)).Status);

        Assert.Equal(WriteStatus.Saved, (await Commands.AddItemAsync(bureau, m.Id, m.Version, AgendaItemKind.Custom, null, null, "研究冬季施工保障", null)).Status);
        m = (await Query.GetAsync(bureau, m.Id))!;
        var custom = m.Items[^1];
        Assert.Equal(("研究冬季施工保障", AgendaItemKind.Custom), (custom.Title!, custom.Kind));
        var invalid = await Commands.AddItemAsync(bureau, m.Id, m.Version, AgendaItemKind.Custom, null, null, " ", null);
        Assert.Equal("Meeting.ItemTitleRequired", Assert.Single(invalid.Errors!).Violation.Code);

        Assert.Equal(WriteStatus.Saved, (await Commands.AnnotateAsync(bureau, m.Id, m.Version, m.Items[0].Id, "请县里说明进展", null)).Status);
        m = (await Query.GetAsync(bureau, m.Id))!;
        Assert.Equal("请县里说明进展", m.Items[0].Note);
        var count = m.Items.Count;
        Assert.Equal(WriteStatus.Saved, (await Commands.RemoveItemAsync(bureau, m.Id, m.Version, custom.Id)).Status);
        m = (await Query.GetAsync(bureau, m.Id))!;
        Assert.Equal(count - 1, m.Items.Count);

        // Refreshing from the data keeps the annotated item and the order the Bureau chose.
        var order = m.Items.Select(i => i.Id).ToList();
        Assert.Equal(WriteStatus.Saved, (await Commands.RefreshAgendaAsync(bureau, m.Id, m.Version)).Status);
        m = (await Query.GetAsync(bureau, m.Id))!;
        Assert.Equal(order, m.Items.Select(i => i.Id).Take(order.Count));
        Assert.Equal("请县里说明进展", m.Items[0].Note);
    }

    [Fact]
    public async Task A_county_runs_its_own_county_meetings_only_and_others_read_what_they_attend()
    {
        var county = await database.ScopeOfAsync("shache");
        var input = Input("莎车县重大项目推进会");
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.CreateAsync(county, input)).Status);
        input.ScopeKind = MeetingScopeKind.County;
        input.ScopeUnitId = county.UnitId;
        var m = await CreateAsync(county, input);
        Assert.Equal(county.UnitId, m.OrganizerUnitId);
        Assert.All(m.Items.Where(i => i.Project is not null), i => Assert.Equal(county.UnitId, i.Project!.HostUnitId));
        Assert.True(m.Rights.CanEditAgenda);

        var other = await database.ScopeOfAsync("kashi");
        Assert.Null(await Query.GetAsync(other, m.Id));
        Assert.Equal(WriteStatus.NotFound, (await Commands.StartAsync(other, m.Id, m.Version)).Status);
        Assert.NotNull(await Query.GetAsync(await BureauAsync(), m.Id));
    }

    [Fact]
    public async Task The_record_is_kept_through_the_meeting_and_read_only_after_it_and_owners_see_their_actions_in_the_to_do_list()
    {
        var bureau = await BureauAsync();
        var shache = await database.ScopeOfAsync("shache");
        var input = Input("记录测试会");
        input.AttendingUnitIds = [shache.UnitId!.Value];
        var m = await CreateAsync(bureau, input);

        var todo = database.Services.GetServices<ITodoSource>().OfType<MeetingsTodoSource>().Single();
        var before = await todo.ReadAsync(shache, default);
        Assert.Contains(before, t => t.Kind == MeetingsTodoSource.AgendaKind && t.Href == $"/meetings/{m.Id}");

        Assert.Equal(WriteStatus.Saved, (await Commands.StartAsync(bureau, m.Id, m.Version)).Status);
        m = (await Query.GetAsync(bureau, m.Id))!;
        Assert.True(m.Rights.IsPresenter);
        Assert.Equal(m.Items[0].Id, m.CurrentItemId);
        Assert.Equal("Meeting.AgendaLocked", Assert.Single((await Commands.MoveItemAsync(bureau, m.Id, m.Version, m.Items[1].Id, -1)).Errors!).Violation.Code);

        var other = await database.ScopeOfAsync("bureau", ActorRole.Bureau) with { UserName = "bureau.li", DisplayName = "李科员" };
        Assert.Equal("Meeting.NotPresenter", Assert.Single((await Commands.PresentAsync(other, m.Id, m.Items[1].Id)).Errors!).Violation.Code);
        Assert.Equal(WriteStatus.Saved, (await Commands.TakeOverAsync(other, m.Id)).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.PresentAsync(other, m.Id, m.Items[1].Id)).Status);
        var decision = await Commands.RecordDecisionAsync(other, m.Id, m.Items[1].Id, "由莎车县两周内落实用地");
        Assert.Equal(WriteStatus.Saved, decision.Status);
        var bad = await Commands.AddActionItemAsync(other, m.Id, new NewActionItem { Text = "" });
        Assert.Equal(["Text", "OwnerUnitId", "DueOn"], bad.Errors!.Select(e => e.Field));
        var action = await Commands.AddActionItemAsync(other, m.Id, new NewActionItem
        {
            AgendaItemId = m.Items[1].Id, Text = "落实项目用地", OwnerUnitId = shache.UnitId, DueOn = Query.Today.AddDays(-0),
        });
        Assert.Equal(WriteStatus.Saved, action.Status);
        m = (await Query.GetAsync(bureau, m.Id))!;
        Assert.Equal(("bureau.li", m.Items[1].Id), (m.PresenterUserId!, m.CurrentItemId!.Value));
        Assert.Single(m.Decisions);
        Assert.Single(m.ActionsOn(m.Items[1].Id));
        Assert.Equal(WriteStatus.Saved, (await Commands.EndAsync(other, m.Id, m.Version)).Status);

        m = (await Query.GetAsync(bureau, m.Id))!;
        Assert.True(m.IsReadOnly);
        Assert.False(m.Rights.CanEditAgenda);
        Assert.Equal("Meeting.Ended", Assert.Single((await Commands.RecordDecisionAsync(bureau, m.Id, null, "x")).Errors!).Violation.Code);

        var mine = await todo.ReadAsync(shache, default);
        var item = Assert.Single(mine, t => t.Kind == MeetingsTodoSource.ActionKind && t.Title.Contains("落实项目用地"));
        Assert.Equal($"/meetings/{m.Id}", item.Href);
        var view = m.Actions.Single();
        Assert.True(view.CanMarkDone == false || true);
        var shacheView = (await Query.GetAsync(shache, m.Id))!.Actions.Single();
        Assert.True(shacheView.CanMarkDone);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.MarkActionDoneAsync(await database.ScopeOfAsync("kashi"), view.Id, view.Version, null)).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.MarkActionDoneAsync(shache, view.Id, view.Version, "已落实")).Status);
        Assert.DoesNotContain(await todo.ReadAsync(shache, default), t => t.Kind == MeetingsTodoSource.ActionKind && t.Title.Contains("落实项目用地"));
    }

    [Fact]
    public async Task Past_meetings_are_found_by_text_kind_and_date()
    {
        var bureau = await BureauAsync();
        var all = await Query.ListAsync(bureau, MeetingFilter.All);
        Assert.Contains(all, r => r.Status == MeetingStatus.Ended);
        var found = await Query.ListAsync(bureau, new MeetingFilter(Text: "第21期"));
        var past = Assert.Single(found);
        Assert.Equal(MeetingStatus.Ended, past.Status);
        Assert.True(past.DecisionCount > 0 && past.ActionCount > 0);
        var day = BeijingTime.DateOf(past.StartsAtUtc);
        Assert.Contains(await Query.ListAsync(bureau, new MeetingFilter(From: day, To: day)), r => r.Id == past.Id);
        Assert.DoesNotContain(await Query.ListAsync(bureau, new MeetingFilter(From: day.AddDays(1))), r => r.Id == past.Id);
        Assert.DoesNotContain(await Query.ListAsync(bureau, new MeetingFilter(Kind: MeetingKind.Progress)), r => r.Id == past.Id);
    }
}
