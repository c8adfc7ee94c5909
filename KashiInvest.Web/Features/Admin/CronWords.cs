using System.Globalization;
using KashiInvest.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KashiInvest.Web.Features.Admin;

/// <summary>
/// A Quartz cron expression in words for the jobs page: "every day at 02:00", "every Monday at 08:30", "every hour
/// at :15". Expressions outside these shapes are shown as they are.
/// </summary>
public sealed class CronWords(IStringLocalizer<Strings> localizer)
{
    public string Describe(string cron)
    {
        var f = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length is < 6 or > 7 || f[0] != "0" || !int.TryParse(f[1], CultureInfo.InvariantCulture, out var minute)) return cron;
        var (dom, month, dow) = (f[3], f[4], f[5]);
        if (f[2] == "*" && dom is "*" or "?" && month == "*" && dow is "*" or "?")
            return localizer["Cron.Hourly", minute.ToString("00", CultureInfo.InvariantCulture)];
        if (!int.TryParse(f[2], CultureInfo.InvariantCulture, out var hour)) return cron;
        var time = $"{hour:00}:{minute:00}";
        if (dom is "*" or "?" && month == "*" && dow is "*" or "?") return localizer["Cron.Daily", time];
        if (dom == "?" && month == "*" && Days(dow) is { } days) return localizer["Cron.Weekly", days, time];
        if (int.TryParse(dom, CultureInfo.InvariantCulture, out var day) && month == "*" && dow == "?") return localizer["Cron.Monthly", day, time];
        return cron;
    }

    private string? Days(string dow)
    {
        var names = new List<string>();
        foreach (var part in dow.Split(','))
        {
            var index = Array.FindIndex(Keys, k => k.Equals(part, StringComparison.OrdinalIgnoreCase));
            if (index < 0 && int.TryParse(part, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 7) index = n - 1;
            if (index < 0) return null;
            names.Add(localizer[$"Cron.Day.{Keys[index]}"]);
        }
        return string.Join(localizer["Cron.DaySeparator"], names);
    }

    private static readonly string[] Keys = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
}
