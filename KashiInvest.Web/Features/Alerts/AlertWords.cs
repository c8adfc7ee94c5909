using System.Globalization;
using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Web.Resources;
using KashiInvest.Web.Shared;
using Microsoft.Extensions.Localization;

namespace KashiInvest.Web.Features.Alerts;

/// <summary>
/// An alert in words, in the current UI culture: its kind (<c>Alert.Kind.{Kind}</c>) and its reason with the facts
/// (<c>Alert.Reason.{Code}</c>, arguments as the check stored them; stages, levels and periods are worded too). Also
/// renders the Chinese title and text handed to outbound notification.
/// </summary>
public sealed class AlertWords(IStringLocalizer<Strings> localizer, UiText text) : IAlertTexts
{
    public string Kind(AlertKind kind) => localizer[$"Alert.Kind.{kind}"];

    public string Severity(AlertSeverity severity) => localizer[$"AlertSeverity.{severity}"];

    public string Reason(string code, IReadOnlyList<string> args)
    {
        var worded = args.Select((a, i) => (object)Word(code, i, a)).ToArray();
        var s = localizer[$"Alert.Reason.{code}", worded];
        return s.ResourceNotFound ? $"{code} {string.Join(" ", args)}" : s.Value;
    }

    public string Reason(AlertRow row) => Reason(row.Code, row.Args);

    private string Word(string code, int index, string arg) => (code, index) switch
    {
        ("Stalled", 2) when Enum.TryParse<ProjectStage>(arg, out var stage) => text.Enum(stage),
        ("ReportOverdue", 0) when TryPeriod(arg, out var period) => text.Period(period),
        ("ProblemOverdue", 2) when Enum.TryParse<EscalationLevel>(arg, out var level) => text.Enum(level),
        ("ProblemOverdue", 3) when Enum.TryParse<ProblemSeverity>(arg, out var severity) => text.Enum(severity),
        ("WeeklyIntentionReportMissing", 0) when KashiInvest.Domain.Leads.ReportWeek.TryParse(arg, out var week) =>
            localizer["Alert.Week", week.IsoYear, week.IsoWeek, week.Monday.ToString("M/d", CultureInfo.InvariantCulture), week.Sunday.ToString("M/d", CultureInfo.InvariantCulture)],
        ("AnnualTargetFarBehind", 1) when ParseIndicators(arg) is { Count: > 0 } indicators =>
            string.Join(localizer["Alert.ListSeparator"].Value, indicators.Select(i => localizer["Alert.IndicatorCompletion", text.Enum(i.Indicator), i.Completion].Value)),
        _ => arg,
    };

    /// <summary>Reads a far-behind alert's indicators back (<c>OutOfRegionFunds:20.0%;SignedProjects:10.0%</c>); none when the fact is not that.</summary>
    internal static IReadOnlyList<(KashiInvest.Domain.Assessment.AnnualIndicator Indicator, string Completion)> ParseIndicators(string arg)
    {
        var result = new List<(KashiInvest.Domain.Assessment.AnnualIndicator, string)>();
        foreach (var part in arg.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon < 1 || !Enum.TryParse<KashiInvest.Domain.Assessment.AnnualIndicator>(part[..colon], out var indicator)
                || !Enum.IsDefined(indicator) || char.IsDigit(part[0])) return [];
            result.Add((indicator, part[(colon + 1)..]));
        }
        return result;
    }

    private static bool TryPeriod(string s, out HalfMonthPeriod period)
    {
        // "2026-11-H1", as HalfMonthPeriod.ToString() writes it.
        period = default;
        var parts = s.Split('-');
        if (parts.Length != 3 || parts[2].Length != 2 || parts[2][0] != 'H') return false;
        if (!int.TryParse(parts[0], CultureInfo.InvariantCulture, out var y) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(parts[2][1..], CultureInfo.InvariantCulture, out var h) || m is < 1 or > 12 || h is < 1 or > 2) return false;
        period = new HalfMonthPeriod(y, m, h);
        return true;
    }

    public (string Title, string Text) RenderChinese(AlertTextInput input)
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousCulture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
            var about = input.ProjectName ?? input.UnitName ?? string.Empty;
            var title = localizer["Alert.Notify.Title", Severity(input.Alert.Severity), Kind(input.Alert.Kind), about].Value;
            return (title, Reason(input.Alert.Code, input.Alert.Args));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousCulture;
        }
    }
}
