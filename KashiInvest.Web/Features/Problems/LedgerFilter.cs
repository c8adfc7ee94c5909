using KashiInvest.Domain.Problems;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Problems;

/// <summary>
/// The ledger board's filters. They live in the URL query string, so a filtered board can be bookmarked and
/// linked to (<c>/ledger?county=shache&amp;severity=Blocking&amp;overdue=1</c>); units and chains go by code.
/// </summary>
public sealed record LedgerFilter
{
    public int? HostUnitId { get; init; }
    public int? ChainId { get; init; }
    public ProblemCategory? Category { get; init; }
    public ProblemSeverity? Severity { get; init; }
    public EscalationLevel? Level { get; init; }
    public bool OverdueOnly { get; init; }
    public int? ProjectId { get; init; }
    public string? Text { get; init; }
    /// <summary>Every resolved entry, not only those of the last <see cref="LedgerQuery.ResolvedWindowDays"/> days.</summary>
    public bool AllResolved { get; init; }
    /// <summary>"地区统筹待协调": open entries at the prefecture's level, what the scheduling meeting takes up.</summary>
    public bool AwaitingPrefecture { get; init; }

    public bool IsEmpty => this == new LedgerFilter();

    /// <summary>How many filters are set (the folded filter button on a phone shows it).</summary>
    public int ActiveCount =>
        new object?[] { HostUnitId, ChainId, Category, Severity, Level, ProjectId, Text }.Count(v => v is not null)
        + (OverdueOnly ? 1 : 0) + (AllResolved ? 1 : 0) + (AwaitingPrefecture ? 1 : 0);

    /// <summary>The query-string names of the filters.</summary>
    public static class Keys
    {
        public const string County = "county", Chain = "chain", Category = "category", Severity = "severity", Level = "level",
            Overdue = "overdue", Project = "project", Text = "q", AllResolved = "resolved", AwaitingPrefecture = "coord", New = "new";
    }

    /// <summary>The filter named by query-string values; unknown values are ignored.</summary>
    public static LedgerFilter FromQuery(ReferenceCache.Snapshot reference, string? county, string? chain, string? category, string? severity,
        string? level, string? overdue, int? project, string? text, string? resolved, string? coord) => new()
    {
        HostUnitId = reference.HostUnits.FirstOrDefault(u => string.Equals(u.Code, county, StringComparison.OrdinalIgnoreCase))?.Id,
        ChainId = reference.Chains.FirstOrDefault(c => string.Equals(c.Code, chain, StringComparison.OrdinalIgnoreCase))?.Id,
        Category = Parse<ProblemCategory>(category),
        Severity = Parse<ProblemSeverity>(severity),
        Level = Parse<EscalationLevel>(level),
        OverdueOnly = IsOn(overdue),
        ProjectId = project,
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        AllResolved = resolved == "all",
        AwaitingPrefecture = IsOn(coord),
    };

    /// <summary>Every filter as a query-string value (null removes the parameter).</summary>
    public IReadOnlyDictionary<string, object?> ToQuery(ReferenceCache.Snapshot reference) => new Dictionary<string, object?>
    {
        [Keys.County] = reference.Unit(HostUnitId)?.Code,
        [Keys.Chain] = reference.Chain(ChainId)?.Code,
        [Keys.Category] = Category?.ToString(),
        [Keys.Severity] = Severity?.ToString(),
        [Keys.Level] = Level?.ToString(),
        [Keys.Overdue] = OverdueOnly ? "1" : null,
        [Keys.Project] = ProjectId,
        [Keys.Text] = Text,
        [Keys.AllResolved] = AllResolved ? "all" : null,
        [Keys.AwaitingPrefecture] = AwaitingPrefecture ? "1" : null,
    };

    private static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : null;

    private static bool IsOn(string? value) => value is "1" or "true";
}
