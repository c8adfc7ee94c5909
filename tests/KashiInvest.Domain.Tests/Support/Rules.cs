using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Tests.Support;

public static class Rules
{
    /// <summary>Asserts that <paramref name="act"/> is refused with the given rule code and returns the violation.</summary>
    public static RuleViolation Refused(string expectedCode, Action act)
    {
        var ex = Assert.Throws<DomainRuleException>(act);
        Assert.Equal(expectedCode, ex.Violation.Code);
        return ex.Violation;
    }

    /// <summary>The (field, code) pairs of a validation result, for exact comparison.</summary>
    public static (string Field, string Code)[] Pairs(IEnumerable<FieldViolation> violations) =>
        violations.Select(v => (v.Field, v.Violation.Code)).ToArray();
}

/// <summary>A clock stopped at one instant.</summary>
public sealed class FixedClock(DateTimeOffset utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => utcNow;
}
