using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Evaluations;

/// <summary>Where the signing of a passed project stands against its deadline.</summary>
public enum AgreementDeadlineState
{
    /// <summary>No passed evaluation: nothing is owed.</summary>
    NotApplicable,
    /// <summary>Not signed yet, the deadline has not passed.</summary>
    Due,
    /// <summary>Not signed, and the deadline has passed.</summary>
    Overdue,
    Signed,
}

/// <summary>The facts and verdict of <see cref="AgreementDeadline.Evaluate"/>.</summary>
public sealed record AgreementDeadlineStatus(AgreementDeadlineState State, DateOnly? DueOn, int OverdueDays, int DaysLeft)
{
    public bool IsOverdue => State == AgreementDeadlineState.Overdue;
}

/// <summary>
/// Art. 20: "评估通过的，由县市尽快签订投资协议". A project whose evaluation passed on <c>D</c> owes a signed agreement by
/// <c>D + SignAgreementWithinDays</c> (Beijing dates; a setting, <see cref="LifecycleSettings"/>). The alert engine and
/// the to-do list call this same rule.
/// </summary>
public static class AgreementDeadline
{
    /// <summary>
    /// The state on <paramref name="today"/> of a project that passed evaluation on <paramref name="passedOn"/> and was
    /// signed on <paramref name="signedOn"/> (null when not yet). Overdue from the day after the due date; overdue days
    /// count whole Beijing days past it.
    /// </summary>
    public static AgreementDeadlineStatus Evaluate(DateOnly? passedOn, DateOnly? signedOn, DateOnly today, int withinDays)
    {
        if (passedOn is not { } passed) return new(AgreementDeadlineState.NotApplicable, null, 0, 0);
        var due = passed.AddDays(withinDays);
        if (signedOn is not null) return new(AgreementDeadlineState.Signed, due, 0, 0);
        if (today > due) return new(AgreementDeadlineState.Overdue, due, today.DayNumber - due.DayNumber, 0);
        return new(AgreementDeadlineState.Due, due, 0, due.DayNumber - today.DayNumber);
    }

    /// <summary>The same rule with the setting object.</summary>
    public static AgreementDeadlineStatus Evaluate(DateOnly? passedOn, DateOnly? signedOn, DateOnly today, LifecycleSettings settings) =>
        Evaluate(passedOn, signedOn, today, settings.SignAgreementWithinDays);
}

/// <summary>
/// Settings of the life-cycle procedures (bound from configuration section <c>Lifecycle</c>, validated at start).
/// </summary>
public sealed class LifecycleSettings
{
    public const string Section = "Lifecycle";

    /// <summary>Days after a passed evaluation within which the county signs the agreement. Default 30 (a product choice; Art. 20 says "尽快").</summary>
    public int SignAgreementWithinDays { get; set; } = 30;

    /// <summary>Days before the signing deadline from which the to-do shows as due soon. Default 7.</summary>
    public int SignAgreementSoonDays { get; set; } = 7;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SignAgreementWithinDays is < 1 or > 365) errors.Add($"{Section}:{nameof(SignAgreementWithinDays)} must be between 1 and 365 (was {SignAgreementWithinDays}).");
        if (SignAgreementSoonDays < 0 || SignAgreementSoonDays > SignAgreementWithinDays)
            errors.Add($"{Section}:{nameof(SignAgreementSoonDays)} must be between 0 and {nameof(SignAgreementWithinDays)} (was {SignAgreementSoonDays}).");
        return errors;
    }
}
