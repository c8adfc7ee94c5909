using System.Globalization;
using KashiInvest.Domain.Statistics;

namespace KashiInvest.Domain.Alerts;

/// <summary>What the alert engine needs to know of one unit's return for one month.</summary>
public sealed record ReturnState(int UnitId, int MonthIndex, ReturnStatus Status, bool EverSubmitted);

/// <summary>Alerts of the monthly statistics (Art. 26).</summary>
public static class StatisticsAlertRules
{
    /// <summary>How many closed months back a missing return is still an alert.</summary>
    public const int LookBackMonths = 3;

    /// <summary>
    /// One alert per attracting unit and month whose return is missing after the deadline (<see cref="ReturnDeadlines.IsMissing"/>):
    /// never submitted, or returned and not resubmitted. The months looked at are the last <see cref="LookBackMonths"/>
    /// closed months; High once a month is more than one deadline late.
    /// </summary>
    public static IReadOnlyList<AlertCondition> ReturnsMissing(IEnumerable<int> unitIds, IEnumerable<ReturnState> returns, DateTime nowUtc, StatisticsSettings settings)
    {
        var byKey = returns.ToDictionary(r => (r.UnitId, r.MonthIndex));
        var current = StatMonth.Containing(nowUtc);
        var conditions = new List<AlertCondition>();
        foreach (var unit in unitIds.Distinct().Order())
        {
            for (var back = LookBackMonths; back >= 1; back--)
            {
                var month = StatMonth.FromIndex(current.Index - back);
                var state = byKey.GetValueOrDefault((unit, month.Index));
                if (!ReturnDeadlines.IsMissing(month, state?.Status, state?.EverSubmitted ?? false, nowUtc, settings)) continue;
                var due = ReturnDeadlines.DueAtUtc(month, settings);
                var severity = nowUtc >= ReturnDeadlines.DueAtUtc(month.Next(), settings) ? AlertSeverity.High : AlertSeverity.Medium;
                var code = state?.Status == ReturnStatus.Returned ? "MonthlyReturnNotResubmitted" : nameof(AlertKind.MonthlyReturnMissing);
                conditions.Add(new AlertCondition(AlertKind.MonthlyReturnMissing, null, unit, month.ToString(), severity, code,
                    [month.ToString(), Common.BeijingTime.ToBeijing(due).AddTicks(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
                    OwnerUnitId: unit));
            }
        }
        return conditions;
    }
}
