namespace KashiInvest.Domain.Common;

/// <summary>
/// A broken rule, as a stable code plus the facts needed to explain it. The Web project turns the code into a
/// localized sentence (resource key <c>Rule.{Code}</c>), formatting <see cref="Args"/> into it.
/// </summary>
public sealed record RuleViolation(string Code, params object[] Args)
{
    public override string ToString() => Args.Length == 0 ? Code : $"{Code}({string.Join(", ", Args)})";
}

/// <summary>A rule violation found against one field of an input.</summary>
public sealed record FieldViolation(string Field, RuleViolation Violation)
{
    public FieldViolation(string field, string code, params object[] args) : this(field, new RuleViolation(code, args)) { }
}

/// <summary>Thrown when a state change would break a domain rule. Carries the violation, never a user-facing text.</summary>
public sealed class DomainRuleException(RuleViolation violation) : Exception(violation.ToString())
{
    public RuleViolation Violation { get; } = violation;

    public DomainRuleException(string code, params object[] args) : this(new RuleViolation(code, args)) { }
}

/// <summary>Who did something: the signed-in user and the unit they act for.</summary>
public sealed record Actor(string UserName, int? UnitId)
{
    public static Actor System(string job) => new($"system:{job}", null);
}
