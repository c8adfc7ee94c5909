using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KashiInvest.Domain.Common;

namespace KashiInvest.Web.Shared.Excel;

/// <summary>
/// Writes one sheet with the OpenXML SDK (already used for the minutes; MiniExcel, which reads the uploads, cannot
/// write a title row above the headings, merged cells or validation lists): a title row, a frozen heading row,
/// typed cells with number formats (money <c>#,##0.00</c>, counts <c>#,##0</c>, dates <c>yyyy-mm-dd</c>), column
/// widths that fit the longest value (a Chinese character counts double), and optional validation lists.
/// Values are already localized; this class knows nothing of features.
/// </summary>
public static class XlsxWriter
{
    /// <summary>Cell style indexes of <see cref="Styles"/>.</summary>
    private const uint StyleText = 0, StyleHeading = 1, StyleMoney = 2, StyleCount = 3, StyleDate = 4, StyleDateTime = 5, StyleTitle = 6;

    private const int MinWidth = 6, MaxWidth = 60;

    /// <summary>A validation list on a column (1-based index) for the rows under the headings.</summary>
    public sealed record ValidationList(int Column, IReadOnlyList<string> Values);

    public static byte[] Write(string sheetName, string title, IReadOnlyList<string> headings, IReadOnlyList<ExcelKind> kinds,
        IEnumerable<object?[]> rows, IReadOnlyList<ValidationList>? lists = null)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

            var widths = headings.Select(h => Math.Max(MinWidth, DisplayWidth(h) + 2)).ToArray();
            var data = new SheetData();
            data.Append(TitleRow(title));
            var headingRow = new Row { RowIndex = 2 };
            for (var c = 0; c < headings.Count; c++) headingRow.Append(TextCell(c, 2, headings[c], StyleHeading));
            data.Append(headingRow);

            uint r = 3;
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = r };
                for (var c = 0; c < headings.Count; c++)
                {
                    var value = c < values.Length ? values[c] : null;
                    if (value is null) continue;
                    var (cell, shown) = TypedCell(c, r, kinds[c], value);
                    row.Append(cell);
                    widths[c] = Math.Max(widths[c], shown + 2);
                }
                data.Append(row);
                r++;
            }

            var worksheet = new Worksheet();
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A3", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A3" } })
            { WorkbookViewId = 0 }));
            var columns = new Columns();
            for (var c = 0; c < widths.Length; c++)
            {
                columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Min(widths[c], MaxWidth), CustomWidth = true });
            }
            worksheet.Append(columns);
            worksheet.Append(data);
            if (headings.Count > 1)
            {
                worksheet.Append(new MergeCells(new MergeCell { Reference = $"A1:{Letters(headings.Count - 1)}1" }) { Count = 1 });
            }
            // A list too long for Excel's inline form (255 characters) goes to a hidden second sheet, referenced by range.
            var longLists = lists?.Where(l => !FitsInline(l.Values)).ToList() ?? [];
            if (lists is { Count: > 0 }) worksheet.Append(Validations(lists, Math.Max(r, 1000), longLists));
            sheetPart.Worksheet = worksheet;

            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(sheetName) });
            if (longLists.Count > 0)
            {
                var listPart = workbookPart.AddNewPart<WorksheetPart>();
                var listData = new SheetData();
                var height = longLists.Max(l => l.Values.Count);
                for (var i = 0; i < height; i++)
                {
                    var row = new Row { RowIndex = (uint)(i + 1) };
                    for (var c = 0; c < longLists.Count; c++)
                    {
                        if (i < longLists[c].Values.Count) row.Append(TextCell(c, (uint)(i + 1), longLists[c].Values[i], 0));
                    }
                    listData.Append(row);
                }
                listPart.Worksheet = new Worksheet(listData);
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(listPart), SheetId = 2, Name = ListSheet, State = SheetStateValues.Hidden });
            }
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Excel's column letters for a 0-based index (0 → A, 26 → AA).</summary>
    public static string Letters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    /// <summary>How many Latin-character widths a text takes: CJK and full-width characters count double.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var ch in text) width += ch >= 0x2E80 ? 2 : 1;
        return width;
    }

    private static Row TitleRow(string title)
    {
        var row = new Row { RowIndex = 1, Height = 24, CustomHeight = true };
        row.Append(TextCell(0, 1, title, StyleTitle));
        return row;
    }

    private static (Cell Cell, int Shown) TypedCell(int column, uint row, ExcelKind kind, object value)
    {
        switch (kind)
        {
            case ExcelKind.Money when ToDecimal(value) is { } money:
                return (NumberCell(column, row, money, StyleMoney), money.ToString("#,##0.00", CultureInfo.InvariantCulture).Length);
            case ExcelKind.Count when ToDecimal(value) is { } count:
                return (NumberCell(column, row, count, StyleCount), count.ToString("#,##0", CultureInfo.InvariantCulture).Length);
            case ExcelKind.Date when ToDay(value) is { } day:
                return (NumberCell(column, row, (decimal)day.ToDateTime(TimeOnly.MinValue).ToOADate(), StyleDate), 10);
            case ExcelKind.DateTime when value is DateTime utc:
                return (NumberCell(column, row, (decimal)BeijingTime.ToBeijing(utc).ToOADate(), StyleDateTime), 16);
            default:
                var text = Convert.ToString(value, CultureInfo.CurrentCulture) ?? string.Empty;
                return (TextCell(column, row, text, StyleText), DisplayWidth(text));
        }
    }

    private static decimal? ToDecimal(object value) => value switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        double f => (decimal)f,
        _ => null,
    };

    /// <summary>A calendar day: a <see cref="DateOnly"/> as is, a UTC instant as its Beijing day.</summary>
    private static DateOnly? ToDay(object value) => value switch
    {
        DateOnly d => d,
        DateTime utc => BeijingTime.DateOf(utc),
        _ => null,
    };

    private static Cell NumberCell(int column, uint row, decimal value, uint style) => new()
    {
        CellReference = $"{Letters(column)}{row}",
        DataType = CellValues.Number,
        StyleIndex = style,
        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
    };

    private static Cell TextCell(int column, uint row, string text, uint style) => new(new InlineString(new Text(XmlText.Safe(text)) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = $"{Letters(column)}{row}",
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    /// <summary>Sheet names: at most 31 characters, none of <c>[]:*?/\</c>.</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]).Trim();
        if (clean.Length == 0) clean = "Sheet1";
        return clean.Length > 31 ? clean[..31] : clean;
    }

    /// <summary>The hidden sheet holding the lists too long to be inline.</summary>
    public const string ListSheet = "lists";

    private static string Inline(IReadOnlyList<string> values) =>
        "\"" + string.Join(",", values.Select(v => v.Replace("\"", string.Empty, StringComparison.Ordinal).Replace(",", "，", StringComparison.Ordinal))) + "\"";

    /// <summary>Excel keeps an inline validation list to 255 characters.</summary>
    private static bool FitsInline(IReadOnlyList<string> values) => Inline(values).Length - 2 <= 255;

    private static DataValidations Validations(IReadOnlyList<ValidationList> lists, uint lastRow, IReadOnlyList<ValidationList> longLists)
    {
        var validations = new DataValidations { Count = (uint)lists.Count };
        foreach (var list in lists)
        {
            var letters = Letters(list.Column - 1);
            // An inline list (values quoted, comma-separated), or a range of the hidden list sheet for a long one.
            var at = longLists.ToList().IndexOf(list);
            var formula = at < 0 ? Inline(list.Values) : $"{ListSheet}!${Letters(at)}$1:${Letters(at)}${list.Values.Count}";
            validations.Append(new DataValidation
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowErrorMessage = true,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letters}3:{letters}{lastRow}" },
                Formula1 = new Formula1(formula),
            });
        }
        return validations;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "yyyy-mm-dd hh:mm" })
        { Count = 3 },
        new Fonts(
            new Font(new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 14 }))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE8EEF5" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
            new CellFormat { FontId = 1, FillId = 2, BorderId = 0, NumberFormatId = 0, ApplyFont = true, ApplyFill = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat { FontId = 2, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true })
        { Count = 7 });
}
