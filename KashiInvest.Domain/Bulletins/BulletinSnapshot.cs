using KashiInvest.Domain.Statistics;

namespace KashiInvest.Domain.Bulletins;

/// <summary>
/// The figures of a bulletin, taken when it is drafted (and refreshed only while it is a draft), so that a published
/// bulletin never changes when a return is revised later. Built from the approved returns of the quarter's months.
/// Money in 万元.
/// </summary>
public sealed record BulletinSnapshot(
    int QuarterIndex,
    DateTime TakenAtUtc,
    BulletinHeadline Headline,
    IReadOnlyList<BulletinUnitRow> Units,
    IReadOnlyList<SlowProject> SlowProjects,
    IReadOnlyList<SupervisionEntry> Supervision,
    IReadOnlyList<PraiseEntry> Praise)
{
    /// <summary>Units without an approved return for every month of the quarter: the figures leave them (partly) out.</summary>
    public IReadOnlyList<BulletinUnitRow> IncompleteUnits() => Units.Where(u => !u.Complete).ToList();
}

/// <summary>The prefecture's headline figures: the quarter's sums and the year to date at the quarter's close.</summary>
public sealed record BulletinHeadline(
    decimal OutOfRegionFundsQuarter,
    decimal OutOfRegionFundsYtd,
    Growth OutOfRegionFundsYtdGrowth,
    decimal FundsYtd,
    Growth FundsYtdGrowth,
    int SignedQuarter,
    decimal SignedInvestmentQuarter,
    int SignedYtd,
    decimal SignedInvestmentYtd,
    Growth SignedInvestmentYtdGrowth,
    int StartedQuarter,
    int ProductionQuarter);

/// <summary>One attracting unit (KEDZ or a county) in the bulletin's table, with its ranks and the facts of its projects.</summary>
public sealed record BulletinUnitRow(
    int UnitId,
    string Name,
    string NameEn,
    bool Complete,
    decimal OutOfRegionFundsQuarter,
    decimal OutOfRegionFundsYtd,
    Growth OutOfRegionFundsYtdGrowth,
    int? FundsRank,
    int? GrowthRank,
    int SignedQuarter,
    decimal SignedInvestmentQuarter,
    int ActiveProjects,
    int StalledProjects,
    int? AverageIdleDays);

public enum SlowProjectKind { Stalled, MilestoneOverdue, ApprovalOverdue, CommitmentOverdue }

/// <summary>
/// One of the slowest projects: stalled longest (days without progress), with a milestone overdue (days late), or with
/// an approval item past its legal time limit (<see cref="Subject"/> the item, days past its due date), or with a policy
/// commitment past its time limit (<see cref="Subject"/> its document number, days past its due day).
/// </summary>
public sealed record SlowProject(int ProjectId, string Code, string Name, int UnitId, string UnitName, string UnitNameEn, SlowProjectKind Kind, int Days, string? Subject);

public enum SupervisionGroundKind
{
    /// <summary>Out-of-region funds' year-on-year growth ranks in the bottom N.</summary>
    LowGrowth,
    /// <summary>A large share of the unit's projects under way is stalled.</summary>
    StalledShare,
    /// <summary>The unit's projects under way average many days since their last progress.</summary>
    Idle,
}

/// <summary>
/// Why a unit is named for supervision, with the figures that put it there: its growth rank of the ranked units
/// (<see cref="Growth"/>), its stalled projects of those under way (<see cref="StalledSharePercent"/>), or its
/// average idle days — and the setting it crossed (<see cref="Threshold"/>).
/// </summary>
public sealed record SupervisionGround(
    SupervisionGroundKind Kind,
    Growth Growth,
    int? GrowthRank,
    int RankedUnits,
    int StalledProjects,
    int ActiveProjects,
    decimal? StalledSharePercent,
    int? AverageIdleDays,
    decimal Threshold);

/// <summary>A unit named for key supervision (重点督导), with every ground.</summary>
public sealed record SupervisionEntry(int UnitId, string Name, string NameEn, IReadOnlyList<SupervisionGround> Grounds);

/// <summary>A unit named for praise: its growth and rank.</summary>
public sealed record PraiseEntry(int UnitId, string Name, string NameEn, Growth Growth, int GrowthRank);
