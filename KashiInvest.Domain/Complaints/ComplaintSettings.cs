namespace KashiInvest.Domain.Complaints;

/// <summary>
/// The time limits of the complaint window (bound from configuration section <c>Complaints</c>, validated at start).
/// All are working days on the approvals' working-day calendar.
/// </summary>
public sealed class ComplaintSettings
{
    public const string Section = "Complaints";
    public const int MaxDays = 365;

    /// <summary>The Bureau accepts (or refuses) a filed complaint and assigns it within this many working days. Default 3.</summary>
    public int AcceptWithinWorkingDays { get; set; } = 3;

    /// <summary>The default time the assigned unit has to answer, in working days from the assignment. Default 15.</summary>
    public int AnswerWithinWorkingDays { get; set; } = 15;

    /// <summary>After a dissatisfied rating, the unit answers again within this many working days (督办). Default 10.</summary>
    public int FollowUpWithinWorkingDays { get; set; } = 10;

    /// <summary>The settings' errors, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, nameof(AcceptWithinWorkingDays), AcceptWithinWorkingDays);
        Check(errors, nameof(AnswerWithinWorkingDays), AnswerWithinWorkingDays);
        Check(errors, nameof(FollowUpWithinWorkingDays), FollowUpWithinWorkingDays);
        return errors;
    }

    private static void Check(List<string> errors, string name, int value)
    {
        if (value is < 1 or > MaxDays) errors.Add($"{Section}:{name} must be between 1 and {MaxDays} (was {value}).");
    }
}
