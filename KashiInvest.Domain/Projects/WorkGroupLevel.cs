using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Projects;

/// <summary>The work group a signed project needs (Art. 22).</summary>
public enum WorkGroupLevel
{
    /// <summary>Below both thresholds: followed up by the county's usual channels.</summary>
    None,
    /// <summary>≥ 1亿 or ≥ 300 jobs: a county-level leader in charge, 2–3 departments, a lead service unit.</summary>
    CountyWorkGroup,
    /// <summary>≥ 3亿 or ≥ 500 jobs: the county's principal leader in charge; fortnightly reports by the chain lead.</summary>
    KeyProject,
}

/// <summary>
/// The Art. 22 thresholds. The defaults are the rules' own numbers; they are a value so that a change of policy is
/// a setting, not a code change.
/// </summary>
public sealed record WorkGroupThresholds(Money CountyAmount, int CountyJobs, Money KeyAmount, int KeyJobs)
{
    public static readonly WorkGroupThresholds Default = new(Money.FromYi(1), 300, Money.FromYi(3), 500);

    /// <summary>Either the amount or the jobs reaching a threshold is enough ("或").</summary>
    public WorkGroupLevel LevelFor(Money investment, int jobs) =>
        investment >= KeyAmount || jobs >= KeyJobs ? WorkGroupLevel.KeyProject
        : investment >= CountyAmount || jobs >= CountyJobs ? WorkGroupLevel.CountyWorkGroup
        : WorkGroupLevel.None;

    public IReadOnlyList<RuleViolation> Validate()
    {
        var problems = new List<RuleViolation>();
        if (CountyAmount <= Money.Zero || CountyJobs <= 0) problems.Add(new("Thresholds.MustBePositive"));
        if (KeyAmount < CountyAmount || KeyJobs < CountyJobs) problems.Add(new("Thresholds.KeyBelowCounty"));
        return problems;
    }
}
