using KashiInvest.Domain.Common;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Charts;

namespace KashiInvest.Web.Features.Projects;

/// <summary>
/// The project's milestones as a planned-versus-actual timeline. A milestone is a day; its bar is the stretch of
/// work that leads to it: planned from the previous milestone's planned day (the first: from the day the project
/// was registered) to its own, actual from the previous milestone's reached day to its reached day — or to today
/// while it is open and the previous one is reached. Red when reached after the plan or still open past it.
/// </summary>
public static class MilestoneTimeline
{
    public static IReadOnlyList<PlannedActualRow> Rows(ProjectView view, DateOnly today, UiText text)
    {
        var rows = new List<PlannedActualRow>();
        var registered = BeijingTime.DateOf(view.CreatedAtUtc);
        DateOnly? previousPlanned = null;
        DateOnly? previousReached = null;
        var previousDone = true;
        foreach (var m in view.Milestones)
        {
            var plannedStart = previousPlanned ?? Min(registered, m.PlannedOn);
            DateOnly? actualStart = null;
            if (previousDone) actualStart = previousReached ?? Min(registered, m.ReachedOn ?? m.PlannedOn);
            var lateDays = m.ReachedOn is { } r ? r.DayNumber - m.PlannedOn.DayNumber : m.DaysOverdue;
            var late = lateDays > 0 && actualStart is not null;
            string? meta = !late ? null
                : m.ReachedOn is null ? text["Milestone.OverdueDays", lateDays] : text["Milestone.LateDays", lateDays];
            rows.Add(new PlannedActualRow(m.Name, plannedStart, m.PlannedOn, actualStart, m.ReachedOn, late, meta));
            previousPlanned = m.PlannedOn;
            previousReached = m.ReachedOn;
            previousDone = previousDone && m.ReachedOn is not null;
        }
        return rows;
    }

    public static ChartSpec Spec(ProjectView view, DateOnly today, UiText text) =>
        ChartSpecs.PlannedVsActual(Rows(view, today, text), today, text["Chart.Planned"], text["Chart.Actual"], text["Chart.Today"]);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
