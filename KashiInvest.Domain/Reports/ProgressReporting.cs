using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Reports;

/// <summary>A milestone the report says was reached, and when.</summary>
public sealed record MilestoneReached(int MilestoneId, DateOnly ReachedOn);

/// <summary>What a reporting unit enters for one period.</summary>
public sealed record ReportInput(
    string Narrative,
    string? NextSteps,
    decimal FundsInPlaceThisPeriodWan,
    decimal OutOfRegionFundsThisPeriodWan,
    IReadOnlyList<MilestoneReached> MilestonesReached);

/// <summary>
/// Files a progress report (Art. 22). One report per project, period and kind: filing again amends it as a new
/// revision and keeps the old one. Funds in place are cumulative on the project, so an amendment that would lower
/// them is refused, never applied silently. A fortnightly report's lateness is fixed by its first revision.
/// </summary>
public static class ProgressReporting
{
    public static ProgressReport Submit(Project project, HalfMonthPeriod period, ReportKind kind, ProgressReport? current,
        ReportInput input, Actor actor, DateTime nowUtc, int deadlineDays)
    {
        var today = BeijingTime.DateOf(nowUtc);
        if (current is not null && (current.ProjectId != project.Id || current.PeriodIndex != period.Index || current.Kind != kind || !current.IsCurrent))
            throw new ArgumentException("The current report must be this project's, period's and kind's current revision.", nameof(current));
        if (project.Stage == ProjectStage.Terminated) throw new DomainRuleException("Project.Terminated");
        if (kind == ReportKind.Fortnightly)
        {
            if (FortnightlyObligations.CheckPeriod(project, period, today) is { } violation) throw new DomainRuleException(violation);
        }
        else if (period.Start > today)
        {
            throw new DomainRuleException("Report.FuturePeriod");
        }
        if (string.IsNullOrWhiteSpace(input.Narrative)) throw new DomainRuleException("Report.NarrativeRequired");
        TextRules.Ensure(input.Narrative, ProgressReport.TextMaxLength, multiLine: true);
        TextRules.Ensure(input.NextSteps, ProgressReport.TextMaxLength, multiLine: true);

        var isLate = kind == ReportKind.Fortnightly && (current?.IsLate ?? ProgressReport.IsLateFor(period, nowUtc, deadlineDays));
        var report = new ProgressReport(project.Id, period, kind, (current?.Revision ?? 0) + 1, input.Narrative, input.NextSteps,
            input.FundsInPlaceThisPeriodWan, input.OutOfRegionFundsThisPeriodWan, actor, nowUtc, isLate);

        // Every milestone is checked before anything changes: a refused report leaves the project as it was.
        foreach (var reached in input.MilestonesReached)
        {
            if (project.CheckReachMilestone(reached.MilestoneId, reached.ReachedOn, today) is { } refused) throw new DomainRuleException(refused);
        }

        // Cumulative funds: this revision replaces the previous revision's figure for the same period.
        var total = project.FundsInPlaceWan - (current?.FundsInPlaceThisPeriodWan ?? 0m) + input.FundsInPlaceThisPeriodWan;
        var outOfRegion = project.OutOfRegionFundsInPlaceWan - (current?.OutOfRegionFundsThisPeriodWan ?? 0m) + input.OutOfRegionFundsThisPeriodWan;
        if (total != project.FundsInPlaceWan || outOfRegion != project.OutOfRegionFundsInPlaceWan)
            project.RecordFundsInPlace(total, outOfRegion, nowUtc);
        foreach (var reached in input.MilestonesReached) project.ReachMilestone(reached.MilestoneId, reached.ReachedOn, nowUtc);
        project.Touch(nowUtc);

        current?.Supersede();
        return report;
    }
}
