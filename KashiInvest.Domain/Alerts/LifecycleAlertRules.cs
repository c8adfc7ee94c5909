using System.Globalization;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Leads;

namespace KashiInvest.Domain.Alerts;

/// <summary>
/// The two alert conditions of the life cycle, on the same rules as the pages that show them: a weekly intention
/// report past its deadline (<see cref="WeeklyReporting"/>, the Bureau's "who has not reported" view) and an
/// agreement not signed in time after a passed evaluation (<see cref="AgreementDeadline"/>, the county's to-do).
/// </summary>
public static class LifecycleAlertRules
{
    /// <summary>One alert per attracting unit and overdue week; open or due-soon weeks are not alerts yet.</summary>
    public static IReadOnlyList<AlertCondition> WeeklyReportsMissing(IEnumerable<int> unitIds, IEnumerable<WeeklyFiling> filings, DateTime nowUtc, WeeklyReportSettings settings) =>
        WeeklyReporting.Missing(unitIds, filings, nowUtc, settings)
            .Where(m => m.State == WeeklyReportState.Overdue)
            .Select(m => new AlertCondition(AlertKind.WeeklyIntentionReportMissing, null, m.UnitId, m.Week.ToString(), AlertSeverity.Medium,
                nameof(AlertKind.WeeklyIntentionReportMissing),
                [m.Week.ToString(), Common.BeijingTime.ToBeijing(m.DueUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)],
                OwnerUnitId: m.UnitId))
            .ToList();

    /// <summary>
    /// An alert when a project passed its evaluation and is still not signed after the allowed days; High from twice
    /// the allowed days. Null when there is nothing to say.
    /// </summary>
    public static AlertCondition? AgreementNotSigned(int projectId, int hostUnitId, DateOnly? passedOn, DateOnly? signedOn, DateOnly today, LifecycleSettings settings)
    {
        var status = AgreementDeadline.Evaluate(passedOn, signedOn, today, settings);
        if (status.State != AgreementDeadlineState.Overdue || passedOn is null) return null;
        var days = today.DayNumber - passedOn.Value.DayNumber;
        var severity = days >= 2 * settings.SignAgreementWithinDays ? AlertSeverity.High : AlertSeverity.Medium;
        return new AlertCondition(AlertKind.AgreementNotSigned, projectId, null, "signing", severity, nameof(AlertKind.AgreementNotSigned),
            [days.ToString(CultureInfo.InvariantCulture), settings.SignAgreementWithinDays.ToString(CultureInfo.InvariantCulture)],
            OwnerUnitId: hostUnitId);
    }
}
