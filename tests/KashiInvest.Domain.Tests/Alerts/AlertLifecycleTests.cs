using KashiInvest.Domain.Access;
using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Tests.Alerts;

/// <summary>Raise once, refresh, clear when the condition ends, acknowledge once; who sees which alert.</summary>
public class AlertLifecycleTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ProjectKey ProjectA = new(1, HostUnitId: 100, ChainId: 10, SourceUnitId: 100);
    private static readonly ProjectKey ProjectB = new(2, HostUnitId: 200, ChainId: 20, SourceUnitId: 300);

    private static AlertCondition Report(int projectId, string period = "2026-11-H1", string days = "1") =>
        new(AlertKind.ReportOverdue, projectId, null, period, AlertSeverity.Medium, "ReportOverdue", [period, "2026-11-18", days]);

    private static Alert Raise(AlertCondition c, ProjectKey key)
    {
        var alert = new Alert(c, key, Now);
        return alert;
    }

    [Fact]
    public void A_new_condition_is_raised_once_and_running_again_changes_nothing()
    {
        var first = AlertReconciliation.Plan([], [Report(1), Report(1)]);
        var raised = Assert.Single(first.ToRaise);

        var alert = Raise(raised, ProjectA);
        var second = AlertReconciliation.Plan([alert], [Report(1)]);

        Assert.Empty(second.ToRaise);
        Assert.Empty(second.ToClear);
        Assert.False(alert.Refresh(second.ToRefresh.Single().Condition, Now));
        Assert.IsType<AlertRaised>(Assert.Single(alert.DomainEvents));
    }

    [Fact]
    public void A_continuing_condition_keeps_its_alert_with_current_facts()
    {
        var alert = Raise(Report(1), ProjectA);
        var plan = AlertReconciliation.Plan([alert], [Report(1, days: "4")]);

        Assert.True(alert.Refresh(plan.ToRefresh.Single().Condition, Now.AddDays(3)));
        Assert.Equal("4", alert.Args[2]);
        Assert.True(alert.IsOpen);
    }

    [Fact]
    public void An_ended_condition_clears_its_alert_and_frees_its_key_for_a_later_one()
    {
        var alert = Raise(Report(1), ProjectA);
        var plan = AlertReconciliation.Plan([alert], []);

        var cleared = Assert.Single(plan.ToClear);
        cleared.Clear(Now.AddHours(1));

        Assert.False(alert.IsOpen);
        Assert.Null(alert.OpenKey);
        Assert.Equal(Now.AddHours(1), alert.ClearedAtUtc);
        Assert.Contains(alert.DomainEvents, e => e is AlertCleared);
        // The same condition coming back later is a new alert.
        Assert.Single(AlertReconciliation.Plan([alert], [Report(1)]).ToRaise);
    }

    [Fact]
    public void Another_period_is_another_alert()
    {
        var alert = Raise(Report(1, "2026-11-H1"), ProjectA);
        var plan = AlertReconciliation.Plan([alert], [Report(1, "2026-11-H1"), Report(1, "2026-11-H2")]);

        Assert.Equal("2026-11-H2", Assert.Single(plan.ToRaise).Subject);
    }

    [Fact]
    public void An_alert_is_acknowledged_once_with_who_when_and_the_note()
    {
        var alert = Raise(Report(1), ProjectA);
        alert.Acknowledge(new Actor("bureau", 5), "  已电话督促  ", Now.AddMinutes(5));

        Assert.Equal(("bureau", Now.AddMinutes(5), "已电话督促"), (alert.AcknowledgedBy, alert.AcknowledgedAtUtc, alert.AcknowledgeNote));
        Assert.True(alert.IsOpen);
        var again = Assert.Throws<DomainRuleException>(() => alert.Acknowledge(new Actor("leader", 1), null, Now));
        Assert.Equal("Alert.AlreadyAcknowledged", again.Violation.Code);
    }

    [Fact]
    public void A_cleared_alert_cannot_be_acknowledged_and_a_long_note_is_refused()
    {
        var alert = Raise(Report(1), ProjectA);
        Assert.Equal("Text.TooLong", Assert.Throws<DomainRuleException>(() => alert.Acknowledge(new Actor("x", 1), new string('字', Alert.NoteMaxLength + 1), Now)).Violation.Code);
        alert.Clear(Now);
        Assert.Equal("Alert.Cleared", Assert.Throws<DomainRuleException>(() => alert.Acknowledge(new Actor("x", 1), null, Now)).Violation.Code);
    }

    // --- Scope: one rule for the list, the bell and live notices -----------------------------------------------

    private static UserScope Scope(ActorRole role, int? unit = null, int[]? chains = null, int[]? hosts = null) =>
        new("u", "u", role, unit, chains ?? [], hosts ?? []);

    public static TheoryData<string, bool, bool, bool> Cases => new()
    {
        // scope, sees A's alert, sees B's alert, sees the owner-unit alert on B
        { "leader", true, true, true },
        { "bureau", true, true, true },
        { "countyA", true, false, false },
        { "countyB", false, true, true },
        { "chain10", true, false, false },
        { "subBureau300", false, true, true },
        { "department400", false, false, true },
    };

    private static UserScope Named(string name) => name switch
    {
        "leader" => Scope(ActorRole.Leader),
        "bureau" => Scope(ActorRole.Bureau, 5),
        "countyA" => Scope(ActorRole.AttractingUnit, 100),
        "countyB" => Scope(ActorRole.AttractingUnit, 200),
        "chain10" => Scope(ActorRole.ChainLead, 50, chains: [10]),
        "subBureau300" => Scope(ActorRole.SubBureau, 300),
        "department400" => Scope(ActorRole.Department, 400),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Leaders_and_the_Bureau_see_all_units_their_own_and_chain_leads_their_chains(string who, bool seesA, bool seesB, bool seesOwned)
    {
        var scope = Named(who);
        var onA = Raise(Report(1), ProjectA);
        var onB = Raise(Report(2), ProjectB);
        var owned = Raise(new AlertCondition(AlertKind.ProblemOverdue, 2, null, "problem:9", AlertSeverity.High, "ProblemOverdue", ["9", "3", "County", "High"], OwnerUnitId: 400), ProjectB);
        var predicate = AlertAccess.VisibleTo(scope).Compile();

        Assert.Equal([seesA, seesB, seesOwned], new[] { onA, onB, owned }.Select(predicate));
        // The same rule on an alert's key, as live notices are filtered.
        Assert.Equal([seesA, seesB, seesOwned], new[] { onA, onB, owned }.Select(a => AlertAccess.CanSee(scope, a)));
    }

    [Fact]
    public void Outbound_notification_goes_to_the_host_the_chain_lead_and_the_owner()
    {
        var owned = Raise(new AlertCondition(AlertKind.ProblemOverdue, 2, null, "problem:9", AlertSeverity.High, "ProblemOverdue", [], OwnerUnitId: 400), ProjectB);
        Assert.Equal([200, 50, 400], AlertAccess.UnitsToNotify(owned, chainLeadUnitId: 50));
        Assert.Equal([100, 50], AlertAccess.UnitsToNotify(Raise(Report(1), ProjectA), chainLeadUnitId: 50));
    }
}
