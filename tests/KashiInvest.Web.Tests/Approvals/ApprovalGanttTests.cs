using KashiInvest.Domain.Approvals;
using KashiInvest.Web.Features.Approvals;

namespace KashiInvest.Web.Tests.Approvals;

/// <summary>The battle map's approvals timeline: planned bars from prerequisites, actual bars, pauses and the critical path.</summary>
public sealed class ApprovalGanttTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);
    private static readonly DateOnly Today = new(2026, 11, 19);
    private static readonly WorkingCalendar Calendar = WorkingCalendar.WeekendsOnly;

    private static int _ids;

    private static GanttItem Item(string code, int limit, ApprovalStage stage = ApprovalStage.ProjectApprovalAndLandUsePlanning,
        string[]? waitsOn = null, LimitUnit unit = LimitUnit.WorkingDays, PlanItemStatus status = PlanItemStatus.Planned,
        DateOnly? accepted = null, DateOnly? decided = null, DateOnly? certificate = null, PauseSpan[]? pauses = null, bool parallel = true) =>
        new(Interlocked.Increment(ref _ids), code, code, code, stage, waitsOn ?? [], parallel, limit, unit, status, Monday,
            accepted, decided, certificate, decided ?? accepted ?? Monday, pauses ?? []);

    private static GanttRow Row(GanttChart chart, string code) => chart.Rows.Single(r => r.Item.Code == code);

    [Fact]
    public void Parallel_items_without_prerequisites_start_side_by_side_on_the_plan_day()
    {
        var chart = ApprovalGantt.Build([Item("eia", 15), Item("water", 12)], Calendar, Today);

        Assert.Equal(new GanttSpan(Monday, new DateOnly(2026, 11, 23)), Row(chart, "eia").Planned);   // 15 working days
        Assert.Equal(new GanttSpan(Monday, new DateOnly(2026, 11, 18)), Row(chart, "water").Planned); // 12 working days
        Assert.Equal(Monday, chart.From);
        Assert.Equal(new DateOnly(2026, 11, 23), chart.To);
    }

    [Fact]
    public void A_chain_starts_each_item_at_the_planned_end_of_the_one_it_waits_on()
    {
        var chart = ApprovalGantt.Build(
        [
            Item("permit", 3, ApprovalStage.ConstructionPermit, ["planning"]),
            Item("planning", 5, waitsOn: ["site"]),
            Item("site", 10),
        ], Calendar, Today);

        Assert.Equal(new GanttSpan(Monday, new DateOnly(2026, 11, 16)), Row(chart, "site").Planned);
        Assert.Equal(new GanttSpan(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)), Row(chart, "planning").Planned);
        Assert.Equal(new GanttSpan(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 26)), Row(chart, "permit").Planned);
        // Grouped by stage, in stage order; within a stage by planned start.
        Assert.Equal(["site", "planning", "permit"], chart.Rows.Select(r => r.Item.Code));
    }

    [Fact]
    public void A_natural_day_limit_ending_on_a_weekend_is_planned_to_the_next_working_day()
    {
        var chart = ApprovalGantt.Build([Item("permit", 12, ApprovalStage.ConstructionPermit, unit: LimitUnit.NaturalDays)], Calendar, Today);

        Assert.Equal(new DateOnly(2026, 11, 16), Row(chart, "permit").Planned.To); // 11-14 is a Saturday
    }

    [Fact]
    public void A_prerequisite_missing_from_the_plan_does_not_hold_the_item_back()
    {
        var chart = ApprovalGantt.Build([Item("planning", 5, waitsOn: ["not-in-plan"])], Calendar, Today);

        Assert.Equal(Monday, Row(chart, "planning").Planned.From);
    }

    private static readonly Dictionary<string, IReadOnlyList<string>> Catalogue = new()
    {
        ["site"] = [],
        ["land-planning"] = ["site"],
        ["engineering"] = ["land-planning"],
        ["permit"] = ["engineering", "fire"],
        ["fire"] = [],
        ["loop-a"] = ["loop-b"],
        ["loop-b"] = ["loop-a"],
    };

    [Fact]
    public void A_prerequisite_left_out_of_the_plan_still_holds_the_item_after_what_it_waits_on_in_the_catalogue()
    {
        // permit → (engineering, not planned) → (land-planning, not planned) → site: the permit starts after the site.
        var chart = ApprovalGantt.Build(
        [
            Item("permit", 3, ApprovalStage.ConstructionPermit, ["engineering", "fire"]),
            Item("site", 10),
            Item("fire", 4),
        ], Calendar, Today, Catalogue);

        Assert.Equal(new DateOnly(2026, 11, 16), Row(chart, "site").Planned.To);
        Assert.Equal(new GanttSpan(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 19)), Row(chart, "permit").Planned);
        // The chain through the left-out steps is the critical path; the shorter fire review is not on it.
        Assert.True(Row(chart, "site").Critical);
        Assert.True(Row(chart, "permit").Critical);
        Assert.False(Row(chart, "fire").Critical);
    }

    [Fact]
    public void Without_the_catalogue_the_same_left_out_step_holds_nothing_back()
    {
        var chart = ApprovalGantt.Build([Item("permit", 3, ApprovalStage.ConstructionPermit, ["engineering"]), Item("site", 10)], Calendar, Today);

        Assert.Equal(Monday, Row(chart, "permit").Planned.From);
    }

    [Fact]
    public void The_walk_through_the_catalogue_stops_at_the_first_planned_item_and_survives_a_catalogue_cycle()
    {
        // engineering is planned: the permit waits on it, and on site only through it (engineering has no plan-level prerequisite here).
        var chart = ApprovalGantt.Build(
        [
            Item("permit", 3, ApprovalStage.ConstructionPermit, ["engineering"]),
            Item("engineering", 2),
            Item("site", 10),
            Item("odd", 2, waitsOn: ["loop-a"]),
        ], Calendar, Today, Catalogue);

        Assert.Equal(new DateOnly(2026, 11, 4), Row(chart, "permit").Planned.From);
        Assert.Equal(Monday, Row(chart, "odd").Planned.From);
    }

    [Fact]
    public void An_item_not_accepted_yet_has_a_planned_bar_and_no_actual_one()
    {
        var chart = ApprovalGantt.Build([Item("eia", 15, status: PlanItemStatus.Claimed)], Calendar, Today);

        var row = Row(chart, "eia");
        Assert.Null(row.Actual);
        Assert.False(row.Running);
        Assert.Empty(row.Paused);
    }

    [Fact]
    public void A_running_item_reaches_today_and_a_finished_one_its_certificate()
    {
        var chart = ApprovalGantt.Build(
        [
            Item("running", 15, status: PlanItemStatus.Accepted, accepted: new DateOnly(2026, 11, 4)),
            Item("certified", 15, status: PlanItemStatus.CertificateIssued, accepted: new DateOnly(2026, 11, 3),
                decided: new DateOnly(2026, 11, 10), certificate: new DateOnly(2026, 11, 12)),
            Item("decided", 15, status: PlanItemStatus.Approved, accepted: new DateOnly(2026, 11, 3), decided: new DateOnly(2026, 11, 9)),
        ], Calendar, Today);

        Assert.Equal(new GanttSpan(new DateOnly(2026, 11, 4), Today), Row(chart, "running").Actual);
        Assert.True(Row(chart, "running").Running);
        Assert.Equal(new GanttSpan(new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 12)), Row(chart, "certified").Actual);
        Assert.False(Row(chart, "certified").Running);
        Assert.Equal(new DateOnly(2026, 11, 9), Row(chart, "decided").Actual!.To);
    }

    [Fact]
    public void Paused_stretches_lie_inside_the_actual_bar_and_an_open_one_runs_to_today()
    {
        var chart = ApprovalGantt.Build(
        [
            Item("ended-pause", 15, status: PlanItemStatus.Accepted, accepted: new DateOnly(2026, 11, 3),
                pauses: [new PauseSpan(new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 9), null)]),
            Item("open-pause", 15, status: PlanItemStatus.Paused, accepted: new DateOnly(2026, 11, 3),
                pauses: [new PauseSpan(new DateOnly(2026, 11, 12), null, new DateOnly(2026, 12, 1))]),
        ], Calendar, Today);

        Assert.Equal([new GanttSpan(new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 9))], Row(chart, "ended-pause").Paused);
        var open = Row(chart, "open-pause");
        Assert.True(open.Running);
        Assert.Equal([new GanttSpan(new DateOnly(2026, 11, 12), Today)], open.Paused);
    }

    [Fact]
    public void The_critical_path_is_the_longest_chain_of_prerequisites_ending_at_the_construction_permit()
    {
        var chart = ApprovalGantt.Build(
        [
            Item("site", 10),
            Item("planning", 5, waitsOn: ["site"]),
            Item("fire", 3, waitsOn: ["site"]),
            Item("eia", 8),
            Item("permit", 3, ApprovalStage.ConstructionPermit, ["planning", "fire", "eia"]),
            Item("acceptance", 15, ApprovalStage.CompletionAcceptance, ["permit"]),
        ], Calendar, Today);

        Assert.Equal(["permit", "planning", "site"], chart.Rows.Where(r => r.Critical).Select(r => r.Item.Code).Order(StringComparer.Ordinal));
        Assert.False(Row(chart, "fire").Critical);   // waits on the same item but ends earlier
        Assert.False(Row(chart, "eia").Critical);    // parallel, shorter
        Assert.False(Row(chart, "acceptance").Critical); // after the construction permit
    }

    [Fact]
    public void Without_a_construction_permit_item_nothing_is_critical()
    {
        var chart = ApprovalGantt.Build([Item("site", 10), Item("planning", 5, waitsOn: ["site"])], Calendar, Today);

        Assert.DoesNotContain(chart.Rows, r => r.Critical);
    }

    [Fact]
    public void A_cycle_in_old_prerequisite_codes_is_cut_instead_of_looping()
    {
        var chart = ApprovalGantt.Build([Item("a", 2, waitsOn: ["b"]), Item("b", 2, waitsOn: ["a"])], Calendar, Today);

        Assert.Equal(2, chart.Rows.Count);
    }
}
