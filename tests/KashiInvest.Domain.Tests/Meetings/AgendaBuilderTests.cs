using KashiInvest.Domain.Health;
using KashiInvest.Domain.Meetings;

namespace KashiInvest.Domain.Tests.Meetings;

/// <summary>The agenda proposed from the data: which items, in which order, once per project, within the meeting's scope.</summary>
public class AgendaBuilderTests
{
    private const int Textiles = 2, Food = 3, Shache = 7, Kashi = 8;
    private static readonly DateOnly MeetingDay = new(2026, 11, 25);

    private static AgendaProjectFact P(int id, HealthStatus health = HealthStatus.OnTrack, bool key = false, int chain = Textiles, int host = Shache,
        bool triage = false, bool evaluation = false) =>
        new(id, $"KS-2026-{id:0000}", chain, host, health, key, triage, evaluation);

    private static AgendaActionFact A(int id, DateOnly due, bool open = true, int meeting = 1, MeetingScope? scope = null, int? project = null, int chain = Textiles, int host = Shache) =>
        new(id, meeting, scope ?? MeetingScope.Prefecture, due, open, project, project is null ? null : chain, project is null ? null : host);

    private static IReadOnlyList<ProposedAgendaItem> Build(AgendaInputs inputs, MeetingScope? scope = null, bool awaiting = false, int? meetingId = 9) =>
        AgendaBuilder.Build(inputs, scope ?? MeetingScope.Prefecture, MeetingDay, awaiting, meetingId);

    [Fact]
    public void Items_come_in_the_order_follow_ups_stalled_at_risk_problems_key_reports_awaiting()
    {
        var inputs = new AgendaInputs(
            [P(5, key: true), P(4, HealthStatus.AtRisk), P(3, HealthStatus.Stalled), P(6, triage: true), P(7, evaluation: true), P(8)],
            [new AgendaProblemFact(60, 9, Textiles, Shache, MeetingDay)],
            [A(50, MeetingDay.AddDays(-3))]);
        var items = Build(inputs, awaiting: true);
        Assert.Equal(
            [AgendaItemKind.ActionFollowUp, AgendaItemKind.StalledProject, AgendaItemKind.AtRiskProject, AgendaItemKind.EscalatedProblem,
             AgendaItemKind.KeyProjectReport, AgendaItemKind.AwaitingTriage, AgendaItemKind.AwaitingEvaluation],
            items.Select(i => i.Kind));
        Assert.Equal([null, 3, 4, 9, 5, 6, 7], items.Select(i => i.ProjectId));
        Assert.Equal(60, items[3].ProblemId);
        Assert.Equal(50, items[0].ActionItemId);
    }

    [Fact]
    public void Projects_awaiting_triage_or_evaluation_only_when_asked()
    {
        var inputs = new AgendaInputs([P(6, triage: true), P(7, evaluation: true)], [], []);
        Assert.Empty(Build(inputs, awaiting: false));
        Assert.Equal(2, Build(inputs, awaiting: true).Count);
    }

    [Fact]
    public void A_project_appears_once_under_its_highest_reason_with_the_others_noted()
    {
        var inputs = new AgendaInputs(
            [P(3, HealthStatus.Stalled, key: true)],
            [new AgendaProblemFact(60, 3, Textiles, Shache, MeetingDay), new AgendaProblemFact(61, 3, Textiles, Shache, MeetingDay.AddDays(1))],
            []);
        var item = Assert.Single(Build(inputs));
        Assert.Equal(AgendaItemKind.StalledProject, item.Kind);
        Assert.Equal([AgendaItemKind.EscalatedProblem, AgendaItemKind.KeyProjectReport], item.AlsoKinds);
    }

    [Fact]
    public void A_project_with_a_follow_up_is_discussed_on_the_follow_up_but_every_action_keeps_its_own_item()
    {
        var inputs = new AgendaInputs([P(3, HealthStatus.AtRisk)], [], [A(50, MeetingDay, project: 3), A(51, MeetingDay.AddDays(-1), project: 3)]);
        var items = Build(inputs);
        Assert.Equal([51, 50], items.Select(i => i.ActionItemId));
        Assert.Equal([AgendaItemKind.AtRiskProject], items[0].AlsoKinds);
    }

    [Fact]
    public void Open_actions_overdue_or_due_by_the_meeting_day_come_back_until_done()
    {
        var inputs = new AgendaInputs([], [],
        [
            A(50, MeetingDay.AddDays(-30)),           // long overdue: back again
            A(51, MeetingDay),                        // due on the day
            A(52, MeetingDay.AddDays(1)),             // not due yet
            A(53, MeetingDay.AddDays(-5), open: false), // done: shown closed in its own meeting, not carried
            A(54, MeetingDay.AddDays(-1), meeting: 9), // decided in this very meeting
        ]);
        Assert.Equal([50, 51], Build(inputs).Select(i => i.ActionItemId));
    }

    [Fact]
    public void A_chain_meeting_sees_its_chain_and_a_county_meeting_its_own_projects()
    {
        var inputs = new AgendaInputs(
            [P(1, HealthStatus.Stalled, chain: Textiles, host: Shache), P(2, HealthStatus.Stalled, chain: Food, host: Kashi)],
            [new AgendaProblemFact(60, 2, Food, Kashi, MeetingDay)],
            [A(50, MeetingDay, scope: MeetingScope.County(Kashi)), A(51, MeetingDay, project: 1, chain: Textiles, host: Shache)]);

        var chain = Build(inputs, MeetingScope.Chain(Textiles));
        var only = Assert.Single(chain);   // follow-up 51 on project 1; the stalled project is discussed on it
        Assert.Equal((51, 1), (only.ActionItemId!.Value, only.ProjectId!.Value));
        Assert.Equal([AgendaItemKind.StalledProject], only.AlsoKinds);

        var county = Build(inputs, MeetingScope.County(Kashi));
        Assert.Equal([50, null], county.Select(i => i.ActionItemId));
        Assert.Equal([null, 2], county.Select(i => i.ProjectId));
        Assert.Equal([AgendaItemKind.EscalatedProblem], county[1].AlsoKinds);
    }

    [Fact]
    public void A_prefecture_meeting_follows_up_prefecture_and_chain_meetings_but_not_county_meetings()
    {
        var inputs = new AgendaInputs([], [],
        [
            A(50, MeetingDay, scope: MeetingScope.Prefecture),
            A(51, MeetingDay, scope: MeetingScope.Chain(Food)),
            A(52, MeetingDay, scope: MeetingScope.County(Shache), project: 1),
        ]);
        Assert.Equal([50, 51], Build(inputs).Select(i => i.ActionItemId));
    }
}
