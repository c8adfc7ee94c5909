namespace KashiInvest.Domain.Alerts;

/// <summary>What a check run changes: conditions to raise, open alerts to refresh, open alerts to clear.</summary>
public sealed record AlertPlan(
    IReadOnlyList<AlertCondition> ToRaise,
    IReadOnlyList<(Alert Alert, AlertCondition Condition)> ToRefresh,
    IReadOnlyList<Alert> ToClear);

/// <summary>
/// Compares the open alerts a check is responsible for with the conditions it found now: a new condition is raised
/// once, a continuing one is refreshed, and an open alert whose condition is gone is cleared. Idempotent: applying
/// the plan and reconciling again with the same conditions changes nothing.
/// </summary>
public static class AlertReconciliation
{
    public static AlertPlan Plan(IEnumerable<Alert> openAlerts, IEnumerable<AlertCondition> conditions)
    {
        var open = openAlerts.Where(a => a.IsOpen).GroupBy(a => a.OpenKey!).ToDictionary(g => g.Key, g => g.First());
        var found = new Dictionary<string, AlertCondition>();
        foreach (var c in conditions) found.TryAdd(c.Key, c);

        var raise = found.Where(f => !open.ContainsKey(f.Key)).Select(f => f.Value).ToList();
        var refresh = found.Where(f => open.ContainsKey(f.Key)).Select(f => (open[f.Key], f.Value)).ToList();
        var clear = open.Where(o => !found.ContainsKey(o.Key)).Select(o => o.Value).ToList();
        return new AlertPlan(raise, refresh, clear);
    }
}
