using System.Globalization;

namespace KashiInvest.Web.Shared.Excel;

/// <summary>The values a choice column offers (in the user's language) and how an import reads them back (in either language).</summary>
public sealed record ExcelChoiceList(IReadOnlyList<string> Choices, Func<string, object?> Resolve);

public static class ExcelChoices
{
    /// <summary>Enum values: shown with their labels; read from the label in Chinese or English, or the value's name.</summary>
    public static ExcelChoiceList Enum<TEnum>(UiText t, IEnumerable<TEnum> values) where TEnum : struct, System.Enum
    {
        var list = values.ToList();
        var byText = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var before = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            try { foreach (var v in list) byText.TryAdd(t.Enum(v).Trim(), v); }
            finally { CultureInfo.CurrentUICulture = before; }
        }
        foreach (var v in list) byText.TryAdd(v.ToString(), v);
        return new([.. list.Select(v => t.Enum(v))], text => byText.TryGetValue(text.Trim(), out var v) ? v : null);
    }

    /// <summary>Reference items (units, chains): shown by their display name; read by any of their names or codes; the key is the id.</summary>
    public static ExcelChoiceList Named<TItem>(IEnumerable<TItem> items, Func<TItem, int> id, Func<TItem, string> display, Func<TItem, IEnumerable<string?>> names)
    {
        var list = items.ToList();
        var byText = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list)
        {
            foreach (var name in names(item).Prepend(display(item)))
            {
                if (!string.IsNullOrWhiteSpace(name)) byText.TryAdd(name.Trim(), id(item));
            }
        }
        return new([.. list.Select(display)], text => byText.TryGetValue(text.Trim(), out var v) ? v : null);
    }

    /// <summary>Gives a choice column its list and its reader.</summary>
    public static ExcelColumn<T> With<T>(this ExcelColumn<T> column, ExcelChoiceList list) => column with { Choices = list.Choices, Resolve = list.Resolve };
}
