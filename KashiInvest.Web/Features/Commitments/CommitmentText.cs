using System.Globalization;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Commitments;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Commitments;

/// <summary>How the commitment screens word a condition, an action and a changed field (in the user's language).</summary>
public static class CommitmentText
{
    /// <summary>A condition in words: funds in place ≥ X, in production, jobs ≥ N (confirmed by hand), a milestone, or its own text.</summary>
    public static string Condition(UiText t, CommitmentCondition c, IReadOnlyDictionary<int, string> milestones) =>
        Condition(t, new CommitmentConditionInput(c.Kind, c.Threshold, c.MilestoneId, c.Description), milestones);

    public static string Condition(UiText t, CommitmentConditionInput c, IReadOnlyDictionary<int, string> milestones) => c.Kind switch
    {
        ConditionKind.FundsInPlace => t["Commitments.Condition.Funds", t.Money(c.Threshold ?? 0m)],
        ConditionKind.InProduction => t["Commitments.Condition.InProduction"],
        ConditionKind.Jobs => t["Commitments.Condition.Jobs", (c.Threshold ?? 0m).ToString("0", CultureInfo.InvariantCulture)],
        ConditionKind.Milestone => t["Commitments.Condition.Milestone", c.MilestoneId is { } id && milestones.TryGetValue(id, out var name) ? name : "—"],
        _ => c.Description ?? "—",
    };

    /// <summary>The dialog's title and its button: the step, "record a payment", "confirm a condition", "clear the flag".</summary>
    public static string ActionTitle(UiText t, CommitmentActionMode mode, CommitmentStep? step) => mode switch
    {
        CommitmentActionMode.Payment => t["Commitments.Action.Payment"],
        CommitmentActionMode.ConfirmCondition => t["Commitments.Action.Confirm"],
        CommitmentActionMode.ClearReview => t["Commitments.Action.ClearReview"],
        _ => step is { } s ? t.Enum(s) : "—",
    };

    /// <summary>A field's label in the history (the form's label).</summary>
    public static string FieldLabel(UiText t, string field) => t[$"Commitments.Field.{field}"];

    /// <summary>A stored value in words: a unit's name, money, an enum's label, or the text as typed.</summary>
    public static string Value(UiText t, ReferenceCache.Snapshot? units, string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return "—";
        return field switch
        {
            nameof(Commitment.ResponsibleUnitId) when int.TryParse(value, out var id) => units?.UnitName(id) ?? value,
            nameof(Commitment.AmountWan) when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var wan) => t.Money(wan),
            nameof(Commitment.Kind) when Enum.TryParse<CommitmentKind>(value, out var kind) => t.Enum(kind),
            nameof(Commitment.Factor) when Enum.TryParse<SupplyFactor>(value, out var factor) => t.Enum(factor),
            nameof(Commitment.TimeLimitUnit) when Enum.TryParse<LimitUnit>(value, out var unit) => t.Enum(unit),
            nameof(Commitment.Concerns) when Enum.TryParse<FairCompetitionConcern>(value, out var concern) => Concerns(t, concern),
            _ => value,
        };
    }

    /// <summary>The fair-competition concerns in words ("none" when there is none).</summary>
    public static string Concerns(UiText t, FairCompetitionConcern concerns) => concerns == FairCompetitionConcern.None
        ? t.Enum(FairCompetitionConcern.None)
        : string.Join(" · ", new[] { FairCompetitionConcern.TaxLinkedReward, FairCompetitionConcern.SelectiveSubsidy }.Where(c => concerns.HasFlag(c)).Select(c => t.Enum(c)));
}
