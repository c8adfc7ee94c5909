using KashiInvest.Domain.Approvals;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>The next steps of an item's clock a proxy may record, by where the item stands (the domain guards them again).</summary>
public static class ItemSteps
{
    public static IReadOnlyList<ItemStepKind> Next(PlanItemStatus status) => status switch
    {
        PlanItemStatus.Claimed => [ItemStepKind.StartPreparing, ItemStepKind.Submit, ItemStepKind.Withdraw],
        PlanItemStatus.PreparingMaterials => [ItemStepKind.Submit, ItemStepKind.Withdraw],
        PlanItemStatus.Submitted => [ItemStepKind.Accept, ItemStepKind.RequestCorrection, ItemStepKind.Withdraw],
        PlanItemStatus.Accepted => [ItemStepKind.Approve, ItemStepKind.Refuse, ItemStepKind.RequestCorrection, ItemStepKind.Pause, ItemStepKind.Withdraw],
        PlanItemStatus.AwaitingCorrection => [ItemStepKind.CompleteMaterials, ItemStepKind.Withdraw],
        PlanItemStatus.Paused => [ItemStepKind.Resume, ItemStepKind.Withdraw],
        PlanItemStatus.Approved => [ItemStepKind.IssueCertificate],
        _ => [],
    };

    /// <summary>Steps that must say why.</summary>
    public static bool NeedsReason(ItemStepKind kind) =>
        kind is ItemStepKind.RequestCorrection or ItemStepKind.Pause or ItemStepKind.Refuse or ItemStepKind.Withdraw;
}
