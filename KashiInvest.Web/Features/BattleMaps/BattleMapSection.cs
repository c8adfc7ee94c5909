using KashiInvest.Infrastructure.Live;

namespace KashiInvest.Web.Features.BattleMaps;

/// <summary>The cards of the battle map that a live change can touch.</summary>
[Flags]
public enum BattleMapSection
{
    None = 0,
    Header = 1,
    Stepper = 2,
    Milestones = 4,
    Health = 8,
    Funds = 16,
    Reports = 32,
    Problems = 64,
    NextActions = 128,
}

public static class BattleMapSections
{
    public static readonly BattleMapSection[] All = Enum.GetValues<BattleMapSection>().Where(s => s != BattleMapSection.None).ToArray();

    /// <summary>
    /// The cards a change notice touches: a report moves the reports, the funds, the health and what is next; a
    /// ledger change the problems, the health and what is next; a project change its header, stage and milestones.
    /// </summary>
    public static BattleMapSection Affected(string kind) => kind switch
    {
        ChangeKinds.ReportSubmitted => BattleMapSection.Reports | BattleMapSection.Funds | BattleMapSection.Health | BattleMapSection.NextActions,
        _ when kind.StartsWith("problem.", StringComparison.Ordinal) => BattleMapSection.Problems | BattleMapSection.Health | BattleMapSection.NextActions,
        _ when kind.StartsWith("project.", StringComparison.Ordinal) => BattleMapSection.Header | BattleMapSection.Stepper | BattleMapSection.Milestones,
        _ => BattleMapSection.None,
    };

    public static BattleMapSection Affected(IEnumerable<ChangeNotice> notices) =>
        notices.Aggregate(BattleMapSection.None, (all, n) => all | Affected(n.Kind));
}
