using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Reports;
using KashiInvest.Web.Features.Problems;

namespace KashiInvest.Web.Features.Reports;

/// <summary>An open milestone on the form: ticked when the report says it was reached, and on which day.</summary>
public sealed class MilestoneRow
{
    public int Id { get; init; }
    public string Name { get; init; } = string.Empty;
    public DateOnly PlannedOn { get; init; }
    public bool Reached { get; set; }
    public DateTime? ReachedOn { get; set; }
}

/// <summary>A problem raised from the report, entered in the ledger with it.</summary>
public sealed class ProblemRow
{
    /// <summary>Keeps the row's identity in the markup while rows are added and removed.</summary>
    public Guid RowId { get; } = Guid.NewGuid();
    public ProblemCategory Category { get; set; } = ProblemCategory.FactorSupply;
    public FactorKind? Factor { get; set; }
    public string? Description { get; set; }
    public ProblemSeverity Severity { get; set; } = ProblemSeverity.Medium;
    public int? OwnerUnitId { get; set; }
    public DateTime? DueOn { get; set; }
}

/// <summary>The report form's input. It survives a conflict: the user rebases it on the current revision and submits again.</summary>
public sealed class ReportFormModel
{
    public string? Narrative { get; set; }
    public string? NextSteps { get; set; }
    public decimal FundsInPlaceThisPeriodWan { get; set; }
    public decimal OutOfRegionFundsThisPeriodWan { get; set; }
    public List<MilestoneRow> Milestones { get; set; } = [];
    public List<ProblemRow> Problems { get; set; } = [];

    /// <summary>The revision the user based the input on; 0 for a first report.</summary>
    public int ExpectedRevision { get; set; }

    public static ReportFormModel From(ReportFormView view)
    {
        var current = view.Current;
        return new ReportFormModel
        {
            Narrative = current?.Narrative,
            NextSteps = current?.NextSteps,
            FundsInPlaceThisPeriodWan = current?.FundsInPlaceThisPeriodWan ?? 0m,
            OutOfRegionFundsThisPeriodWan = current?.OutOfRegionFundsThisPeriodWan ?? 0m,
            Milestones = view.OpenMilestones.Select(m => new MilestoneRow { Id = m.Id, Name = m.Name, PlannedOn = m.PlannedOn }).ToList(),
            ExpectedRevision = view.CurrentRevision,
        };
    }

    /// <summary>The ticked milestones, in the order the command numbers them (<c>Milestones[i]</c>).</summary>
    public IReadOnlyList<MilestoneRow> ReachedRows => Milestones.Where(m => m.Reached).ToList();

    public SubmitReport ToCommand(int projectId, HalfMonthPeriod period, ReportKind kind)
    {
        var reached = ReachedRows
            .Select(m => new MilestoneReached(m.Id, m.ReachedOn is { } d ? DateOnly.FromDateTime(d) : DateOnly.MaxValue))
            .ToList();
        var problems = Problems.Select(p => new NewProblem(p.Category, p.Category == ProblemCategory.FactorSupply ? p.Factor : null,
            p.Description ?? string.Empty, p.Severity, p.OwnerUnitId, p.DueOn is { } d ? DateOnly.FromDateTime(d) : null)).ToList();
        return new SubmitReport(projectId, period.Index, kind, ExpectedRevision,
            new ReportInput(Narrative ?? string.Empty, NextSteps, FundsInPlaceThisPeriodWan, OutOfRegionFundsThisPeriodWan, reached), problems);
    }
}
