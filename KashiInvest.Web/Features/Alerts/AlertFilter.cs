using KashiInvest.Domain.Alerts;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Alerts;

public enum AlertState { Open, Cleared, All }

/// <summary>The alert centre's filters, kept in the URL (<c>/alerts?county=shache&amp;type=ReportOverdue&amp;severity=High</c>).</summary>
public sealed record AlertFilter
{
    public int? HostUnitId { get; init; }
    public int? ChainId { get; init; }
    public AlertKind? Kind { get; init; }
    public AlertSeverity? Severity { get; init; }
    public AlertState State { get; init; } = AlertState.Open;
    public int? ProjectId { get; init; }

    /// <summary>How many filters differ from the default view (the folded filter button on a phone shows it).</summary>
    public int ActiveCount =>
        new object?[] { HostUnitId, ChainId, Kind, Severity, ProjectId }.Count(v => v is not null) + (State == AlertState.Open ? 0 : 1);

    public static class Keys
    {
        public const string County = "county", Chain = "chain", Type = "type", Severity = "severity", State = "state", Project = "project";
    }

    public static AlertFilter FromQuery(ReferenceCache.Snapshot reference, string? county, string? chain, string? type, string? severity, string? state, int? project) => new()
    {
        HostUnitId = reference.HostUnits.FirstOrDefault(u => string.Equals(u.Code, county, StringComparison.OrdinalIgnoreCase))?.Id,
        ChainId = reference.Chains.FirstOrDefault(c => string.Equals(c.Code, chain, StringComparison.OrdinalIgnoreCase))?.Id,
        Kind = Parse<AlertKind>(type),
        Severity = Parse<AlertSeverity>(severity),
        State = Parse<AlertState>(state) ?? AlertState.Open,
        ProjectId = project,
    };

    public IReadOnlyDictionary<string, object?> ToQuery(ReferenceCache.Snapshot reference) => new Dictionary<string, object?>
    {
        [Keys.County] = reference.Unit(HostUnitId)?.Code,
        [Keys.Chain] = reference.Chain(ChainId)?.Code,
        [Keys.Type] = Kind?.ToString(),
        [Keys.Severity] = Severity?.ToString(),
        [Keys.State] = State == AlertState.Open ? null : State.ToString().ToLowerInvariant(),
        [Keys.Project] = ProjectId,
    };

    private static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : null;
}
