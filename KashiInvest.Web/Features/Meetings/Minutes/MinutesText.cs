using System.Globalization;
using KashiInvest.Web.Resources;
using KashiInvest.Web.Shared;
using Microsoft.Extensions.Localization;

namespace KashiInvest.Web.Features.Meetings.Minutes;

/// <summary>
/// The words and numbers of the minutes in the current UI culture, shared by the Word document and the printable page:
/// section numbers in Chinese numerals (一、二、…, sub-items （一）（二）…) in Chinese and Arabic numerals in English,
/// dates as officials write them (2026年11月23日 10:00), labels from the resource files.
/// </summary>
public sealed class MinutesText(IStringLocalizer<Strings> localizer)
{
    private static readonly string[] Digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    public string this[string key] => localizer[key];

    public string this[string key, params object[] args] => localizer[key, args];

    /// <summary>1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (Arabic digits from 100 on).</summary>
    public static string ChineseNumeral(int n) => n switch
    {
        <= 0 or >= 100 => n.ToString(CultureInfo.InvariantCulture),
        < 10 => Digits[n],
        10 => "十",
        < 20 => "十" + Digits[n % 10],
        _ => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
    };

    /// <summary>The number as the document counts: Chinese numerals in Chinese, Arabic in English.</summary>
    public static string Numeral(int n) => Localized.IsChinese ? ChineseNumeral(n) : n.ToString(CultureInfo.InvariantCulture);

    /// <summary>一、会议议题 / 1. Items discussed.</summary>
    public string Section(int number, string titleKey) => Format("Minutes.Format.Section", Numeral(number), localizer[titleKey].Value);

    /// <summary>（一） / (1).</summary>
    public string SubNumber(int number) => Format("Minutes.Format.SubNumber", Numeral(number));

    /// <summary>2026年11月23日 10:00—11:30 (the end on another day is written in full); without an end, the start alone.</summary>
    public string When(DateTime start, DateTime? end)
    {
        var from = Format("Minutes.Format.DateTime", start);
        if (end is not { } e) return from;
        var to = e.Date == start.Date ? Format("Minutes.Format.Time", e) : Format("Minutes.Format.DateTime", e);
        return Format("Minutes.Format.Range", from, to);
    }

    /// <summary>2026年12月31日 / 31 Dec 2026.</summary>
    public string Date(DateOnly date) => Format("Minutes.Format.Date", date.ToDateTime(TimeOnly.MinValue));

    public string List(IEnumerable<string> values)
    {
        var text = string.Join(localizer["Minutes.ListSeparator"].Value, values.Where(v => !string.IsNullOrWhiteSpace(v)));
        return text.Length == 0 ? None : text;
    }

    public string None => localizer["Minutes.None"];

    /// <summary>"时间：" / "Time: ".</summary>
    public string Label(string key) => localizer[key].Value + localizer["Minutes.Label.Separator"].Value;

    public string OrNone(string? value) => string.IsNullOrWhiteSpace(value) ? None : value;

    /// <summary>The facts of an item after its title: （关联项目：…；用时约20分钟）, or empty.</summary>
    public string ItemMeta(MinutesItem item)
    {
        var parts = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(item.Subject)) parts.Add(Format("Minutes.Item.Subject", item.Subject));
        if (item.Duration is { } d && d > TimeSpan.Zero) parts.Add(Format("Minutes.Item.Duration", (int)Math.Round(d.TotalMinutes)));
        return parts.Count == 0 ? "" : Format("Minutes.Item.Meta", string.Join(localizer["Minutes.Item.MetaSeparator"].Value, parts));
    }

    /// <summary>The decision's text, followed by the item it settles: …（涉及议题一）.</summary>
    public string Decision(MinutesDecision decision) =>
        decision.ItemNumber is { } n ? decision.Text + Format("Minutes.Decision.OfItem", Numeral(n)) : decision.Text;

    /// <summary>上次会议部署任务3项，已完成1项，尚未完成2项。</summary>
    public string FollowUpSummary(IReadOnlyList<MinutesAction> followUps)
    {
        var done = followUps.Count(a => a.Done);
        return Format("Minutes.FollowUps.Summary", followUps.Count, done, followUps.Count - done);
    }

    /// <summary>The page-number text around the number: ("— ", " —").</summary>
    public (string Before, string After) PageNumber()
    {
        var text = localizer["Minutes.PageNumber"].Value;
        var at = text.IndexOf("{0}", StringComparison.Ordinal);
        return at < 0 ? ("", "") : (text[..at], text[(at + 3)..]);
    }

    /// <summary>The column headings of an action table, in order.</summary>
    public IReadOnlyList<string> ActionColumns() =>
    [
        localizer["Minutes.Col.Number"], localizer["Minutes.Col.Task"], localizer["Minutes.Col.Owner"],
        localizer["Minutes.Col.Due"], localizer["Minutes.Col.Subject"], localizer["Minutes.Col.Status"],
    ];

    /// <summary>The cells of one action row, in the order of <see cref="ActionColumns"/>.</summary>
    public IReadOnlyList<string> ActionCells(MinutesAction action) =>
    [
        action.Number.ToString(CultureInfo.InvariantCulture), action.Text, action.OwnerUnit, Date(action.DueOn),
        string.IsNullOrWhiteSpace(action.Subject) ? "—" : action.Subject, action.Status,
    ];

    // Dates and numbers with invariant digits and English month names: the Chinese patterns carry their own 年月日.
    private string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, localizer[key].Value, args);
}
