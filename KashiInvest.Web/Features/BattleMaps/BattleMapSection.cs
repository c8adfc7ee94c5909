using KashiInvest.Domain.Projects;
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
    /// <summary>The approvals cards (the application and the timeline), which read on their own.</summary>
    Approvals = 256,
    /// <summary>The policy commitments card, which reads on its own.</summary>
    Commitments = 512,
}

public static class BattleMapSections
{
    public static readonly BattleMapSection[] All = Enum.GetValues<BattleMapSection>().Where(s => s != BattleMapSection.None).ToArray();

    /// <summary>
    /// The cards a change notice touches: a report moves the reports, the funds, the health and what is next; a
    /// ledger change the problems, the health and what is next; a project change its header, stage and milestones; an
    /// approval plan or item change the approvals cards and the health (a key project's overdue item is a reason); a
    /// commitment change (recorded, stepped, or made due by a report after commit) the commitments card.
    /// </summary>
    public static BattleMapSection Affected(string kind) => kind switch
    {
        ChangeKinds.ReportSubmitted => BattleMapSection.Reports | BattleMapSection.Funds | BattleMapSection.Health | BattleMapSection.NextActions,
        _ when kind.StartsWith("problem.", StringComparison.Ordinal) => BattleMapSection.Problems | BattleMapSection.Health | BattleMapSection.NextActions,
        _ when kind.StartsWith("project.", StringComparison.Ordinal) => BattleMapSection.Header | BattleMapSection.Stepper | BattleMapSection.Milestones,
        ChangeKinds.ApprovalPlanChanged or ChangeKinds.ApprovalItemChanged => BattleMapSection.Approvals | BattleMapSection.Health,
        ChangeKinds.CommitmentChanged => BattleMapSection.Commitments,
        _ => BattleMapSection.None,
    };

    public static BattleMapSection Affected(IEnumerable<ChangeNotice> notices) =>
        notices.Aggregate(BattleMapSection.None, (all, n) => all | Affected(n.Kind));

    /// <summary>
    /// Whether a re-read of the battle map must re-read its approvals cards too (they cost queries of their own): when
    /// everything is re-read (a reconnect, a bus gap, the date changing), when an approvals notice came, or when the
    /// project changed stage (whether an application may be recorded follows the stage). A report, a ledger change or
    /// other project edits leave them as they are.
    /// </summary>
    public static bool RereadsApprovals(bool everything, BattleMapSection touched, ProjectStage before, ProjectStage after) =>
        everything || touched.HasFlag(BattleMapSection.Approvals) || before != after;

    /// <summary>
    /// Whether a re-read must re-read the commitments card: when everything is re-read or a commitment notice came. A
    /// report that makes a commitment due publishes its own commitment notice after commit, so a report alone does not.
    /// </summary>
    public static bool RereadsCommitments(bool everything, BattleMapSection touched) =>
        everything || touched.HasFlag(BattleMapSection.Commitments);
}
