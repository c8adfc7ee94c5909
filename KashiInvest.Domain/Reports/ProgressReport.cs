using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Reports;

/// <summary>Whether a report was owed (a key project's fortnightly report by its chain lead) or posted voluntarily.</summary>
public enum ReportKind { Fortnightly, Update }

/// <summary>
/// A progress report for one project and one half-month period. One report per project, period and kind; an
/// amendment makes a new revision and keeps the old one (<see cref="Revision"/>, <see cref="IsCurrent"/>).
/// </summary>
public sealed class ProgressReport : AggregateRoot, IAudited
{
    public const int TextMaxLength = 4000;

    private ProgressReport() { Narrative = SubmittedBy = string.Empty; }

    public ProgressReport(int projectId, HalfMonthPeriod period, ReportKind kind, int revision, string narrative,
        string? nextSteps, decimal fundsInPlaceThisPeriodWan, decimal outOfRegionFundsThisPeriodWan,
        Actor actor, DateTime submittedAtUtc, bool isLate)
    {
        if (string.IsNullOrWhiteSpace(narrative)) throw new DomainRuleException("Report.NarrativeRequired");
        if (fundsInPlaceThisPeriodWan < 0m || outOfRegionFundsThisPeriodWan < 0m) throw new DomainRuleException("Money.MustNotBeNegative");
        if (outOfRegionFundsThisPeriodWan > fundsInPlaceThisPeriodWan) throw new DomainRuleException("Funds.OutOfRegionExceedsTotal");
        ProjectId = projectId;
        PeriodIndex = period.Index;
        Kind = kind;
        Revision = revision;
        Narrative = narrative.Trim();
        NextSteps = string.IsNullOrWhiteSpace(nextSteps) ? null : nextSteps.Trim();
        FundsInPlaceThisPeriodWan = fundsInPlaceThisPeriodWan;
        OutOfRegionFundsThisPeriodWan = outOfRegionFundsThisPeriodWan;
        SubmittedBy = actor.UserName;
        SubmittedByUnitId = actor.UnitId;
        SubmittedAtUtc = submittedAtUtc;
        IsLate = isLate;
        IsCurrent = true;
        Raise(new ProgressReportSubmitted(this));
    }

    public int ProjectId { get; private set; }

    /// <summary>The period as <see cref="HalfMonthPeriod.Index"/>.</summary>
    public int PeriodIndex { get; private set; }

    public HalfMonthPeriod Period => HalfMonthPeriod.FromIndex(PeriodIndex);

    public ReportKind Kind { get; private set; }

    public int Revision { get; private set; }

    /// <summary>Only the newest revision of a project-period report is current.</summary>
    public bool IsCurrent { get; private set; }

    public string Narrative { get; private set; }

    public string? NextSteps { get; private set; }

    public decimal FundsInPlaceThisPeriodWan { get; private set; }

    public decimal OutOfRegionFundsThisPeriodWan { get; private set; }

    public string SubmittedBy { get; private set; }

    public int? SubmittedByUnitId { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    public bool IsLate { get; private set; }

    /// <summary>Called when an amendment supersedes this revision.</summary>
    public void Supersede()
    {
        if (!IsCurrent) throw new DomainRuleException("Report.AlreadySuperseded");
        IsCurrent = false;
    }

    /// <summary>Whether a report submitted at <paramref name="submittedAtUtc"/> for <paramref name="period"/> is late.</summary>
    public static bool IsLateFor(HalfMonthPeriod period, DateTime submittedAtUtc, int deadlineDays) =>
        submittedAtUtc >= period.DueAtUtc(deadlineDays);
}

/// <summary>A report (or a new revision of one) was filed.</summary>
public sealed record ProgressReportSubmitted(ProgressReport Report) : IDomainEvent;
