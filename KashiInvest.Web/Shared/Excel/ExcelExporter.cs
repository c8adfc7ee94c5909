using System.Globalization;
using KashiInvest.Domain.Common;
using KashiInvest.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KashiInvest.Web.Shared.Excel;

/// <summary>
/// Turns a feature's sheet declaration and the rows the user sees into a workbook, in the current UI culture (the
/// user's language): headings from the resource files (money headings say 万元), a title row naming the list, the
/// filters applied and the time of export in Beijing time. The rows come from the feature's own query under the
/// user's scope, so the file holds exactly what the screen shows.
/// </summary>
public sealed class ExcelExporter(IStringLocalizer<Strings> localizer, TimeProvider clock)
{
    public ExcelFile Export<T>(ExcelSheet<T> sheet, IEnumerable<T> rows, IReadOnlyList<ExcelFilter>? filters = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var title = localizer[sheet.TitleKey].Value;
        var filterText = filters is { Count: > 0 }
            ? string.Join(Localized.IsChinese ? "；" : "; ", filters.Select(f => $"{localizer[f.LabelKey].Value}{(Localized.IsChinese ? "：" : ": ")}{f.Value}"))
            : localizer["Excel.NoFilter"].Value;
        var titleRow = localizer["Excel.TitleRow", title, filterText, UiText.DateTime(now)].Value;
        var columns = sheet.ExportColumns;
        var bytes = XlsxWriter.Write(title, titleRow, Headings(columns), [.. columns.Select(c => c.Kind)],
            rows.Select(row => columns.Select(c => c.Value(row)).ToArray()));
        var stamp = BeijingTime.ToBeijing(now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return new ExcelFile(bytes, $"{sheet.FileStem}-{stamp}.xlsx");
    }

    /// <summary>The headings of a sheet in the current UI culture; money columns say 万元.</summary>
    public IReadOnlyList<string> Headings<T>(ExcelSheet<T> sheet) => Headings(sheet.ExportColumns);

    /// <summary>The headings of columns in the current UI culture; money columns say 万元.</summary>
    public IReadOnlyList<string> Headings<T>(IEnumerable<ExcelColumn<T>> columns) => [.. columns.Select(Heading)];

    public string Heading<T>(ExcelColumn<T> c) =>
        c.Kind == ExcelKind.Money ? localizer["Excel.MoneyHeading", localizer[c.HeadingKey].Value].Value : localizer[c.HeadingKey].Value;
}
