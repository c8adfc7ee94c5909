using System.Globalization;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Reports;
using KashiInvest.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KashiInvest.Web.Shared;

/// <summary>
/// Words and numbers as officials read them, in the current UI culture: money in 万元 with 亿元 where natural
/// (millions of CNY in English), dates in Beijing time, enum values and rule violations from the resource files.
/// </summary>
public sealed class UiText(IStringLocalizer<Strings> localizer)
{
    public string this[string key] => localizer[key];

    public string this[string key, params object[] args] => localizer[key, args];

    /// <summary>An enum value's label, from the key <c>{EnumType}.{Value}</c>.</summary>
    public string Enum<TEnum>(TEnum value) where TEnum : struct, Enum => localizer[$"{typeof(TEnum).Name}.{value}"];

    public string Enum(Enum value) => localizer[$"{value.GetType().Name}.{value}"];

    public string Tiers(InvestorTier tiers) =>
        tiers == InvestorTier.None ? localizer["InvestorTier.None"] : string.Join(Sep, tiers.Split().Select(t => Enum(t)));

    private static string Sep => Localized.IsChinese ? "、" : ", ";

    /// <summary>
    /// 万元 below 1亿, 亿元 from 1亿 on (Chinese); CNY millions (English). The figure is cut toward zero at the
    /// precision shown, never rounded: officials read it beside the 1亿 and 3亿 work-group thresholds, and
    /// 29,999.99万 rounded to "3.00亿元" would look like a key project it is not (it reads "2.99亿元").
    /// </summary>
    public string Money(decimal wan)
    {
        var money = Domain.Common.Money.FromWan(wan);
        var key = money.IsYiScale ? "Format.MoneyYi" : "Format.MoneyWan";
        // The decimals Format.MoneyYi / Format.MoneyWan show: {0} 亿元 or 万元 with two; {1} millions with one at 亿 scale, two below.
        var figure = Truncate(money.IsYiScale ? money.Yi : wan, 2);
        var millions = Truncate(wan / 100m, money.IsYiScale ? 1 : 2);
        return string.Format(CultureInfo.CurrentCulture, localizer[key].Value, figure, millions);
    }

    private static decimal Truncate(decimal value, int decimals)
    {
        var scale = decimals == 1 ? 10m : 100m;
        return Math.Truncate(value * scale) / scale;
    }

    public string Money(decimal? wan) => wan is { } w ? Money(w) : "—";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A UTC instant shown in Beijing time.</summary>
    public static string DateTime(DateTime? utc) =>
        utc is { } u ? BeijingTime.ToBeijing(u).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>A half-month period as officials say it: 2026年11月上半月 / Nov 2026, 1st half.</summary>
    public string Period(HalfMonthPeriod period) =>
        localizer["Format.Period", period.Year, period.Month, localizer[period.Half == 1 ? "Format.PeriodHalf1" : "Format.PeriodHalf2"].Value,
            CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(period.Month)];

    /// <summary>A health reason in words, with its facts (resource key <c>Health.{Code}</c>).</summary>
    public string Health(HealthReason reason)
    {
        var args = reason.Args.Select(a => a switch
        {
            HalfMonthPeriod p => (object)Period(p),
            System.Enum e => Enum(e),
            _ => a,
        }).ToArray();
        return localizer[$"Health.{reason.Code}", args];
    }

    public string Number(int value) => value.ToString("#,0", CultureInfo.CurrentCulture);

    /// <summary>A broken rule in words: key <c>Rule.{Code}</c>; enum and money arguments are worded too.</summary>
    public string Rule(RuleViolation violation)
    {
        var args = violation.Args.Select(a => a switch
        {
            System.Enum e => (object)Enum(e),
            decimal d => Money(d),
            HalfMonthPeriod p => Period(p),
            _ => a,
        }).ToArray();
        var text = localizer[$"Rule.{violation.Code}", args];
        return text.ResourceNotFound ? localizer["Rule.Unknown", violation.Code] : text;
    }
}
