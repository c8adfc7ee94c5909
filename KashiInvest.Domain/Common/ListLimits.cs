namespace KashiInvest.Domain.Common;

/// <summary>
/// Caps on the lists a user can grow from a form, so that no form (or script posting to it) can fill the database
/// or a screen without end. The figures are settings (<c>Limits:*</c>); the application passes them in, and
/// <see cref="Default"/> holds the defaults. Over a cap the write is refused with <c>List.TooMany</c> (argument: the
/// cap) and nothing is written.
/// </summary>
/// <param name="ProblemsPerReport">New ledger problems filed with one progress report.</param>
/// <param name="MilestonesPerProject">Milestones on one project's battle map.</param>
/// <param name="AgendaItemsPerMeeting">Items on one meeting's agenda.</param>
/// <param name="DecisionsPerMeeting">Decisions recorded in one meeting.</param>
/// <param name="ActionItemsPerMeeting">Action items recorded in one meeting.</param>
public sealed record ListLimits(
    int ProblemsPerReport = 20,
    int MilestonesPerProject = 50,
    int AgendaItemsPerMeeting = 100,
    int DecisionsPerMeeting = 200,
    int ActionItemsPerMeeting = 200)
{
    public const string TooMany = "List.TooMany";

    public static readonly ListLimits Default = new();

    /// <summary>The violation when a list would hold <paramref name="count"/> entries against a cap of <paramref name="max"/>; null within it.</summary>
    public static RuleViolation? Check(int count, int max) => count > max ? new RuleViolation(TooMany, max) : null;

    /// <summary>Throws the violation of <see cref="Check"/>, if any.</summary>
    public static void Ensure(int count, int max)
    {
        if (Check(count, max) is { } violation) throw new DomainRuleException(violation);
    }
}
