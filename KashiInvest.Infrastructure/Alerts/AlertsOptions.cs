using Quartz;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>The alert engine's settings (configuration section <c>Alerts</c>), validated at start.</summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    /// <summary>Run the scheduled jobs (the alert scan and the month close) at all. Default on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron (seconds first) of the full scan, in <see cref="TimeZone"/>. Default 02:00 every day.</summary>
    public string ScanCron { get; set; } = "0 0 2 * * ?";

    /// <summary>
    /// Quartz cron (seconds first) of the month close, in <see cref="TimeZone"/>: every attracting unit's return for the
    /// month just closed is computed. Default 00:30 on the 1st of every month.
    /// </summary>
    public string MonthCloseCron { get; set; } = "0 30 0 1 * ?";

    /// <summary>Time zone of the schedules. Default Beijing time.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Scan once when the application starts (after the database is ready), so demo data shows alerts at once.</summary>
    public bool ScanOnStart { get; set; } = true;

    /// <summary>Re-check a project right after a report, ledger or project change on the live bus. Default on.</summary>
    public bool RecheckOnEvents { get; set; } = true;

    /// <summary>Quartz clustering (SQL Server only: several instances share the job store). Default off.</summary>
    public bool Clustered { get; set; }

    public TimeZoneInfo TimeZoneInfo => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public static bool IsValidCron(string expression)
    {
        try { _ = new CronExpression(expression); return true; }
        catch (Exception) { return false; }
    }

    public IReadOnlyList<string> Validate(bool sqlServer)
    {
        var errors = new List<string>();
        if (!IsValidCron(ScanCron)) errors.Add($"{Section}:{nameof(ScanCron)} is not a valid Quartz cron expression (was '{ScanCron}').");
        if (!IsValidCron(MonthCloseCron)) errors.Add($"{Section}:{nameof(MonthCloseCron)} is not a valid Quartz cron expression (was '{MonthCloseCron}').");
        try { _ = TimeZoneInfo; }
        catch (Exception) { errors.Add($"{Section}:{nameof(TimeZone)} is not a known time zone (was '{TimeZone}')."); }
        if (Clustered && !sqlServer) errors.Add($"{Section}:{nameof(Clustered)} needs Database:Provider SqlServer (SQLite cannot cluster).");
        return errors;
    }
}
