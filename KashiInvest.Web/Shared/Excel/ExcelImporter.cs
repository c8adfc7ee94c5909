using System.Globalization;
using KashiInvest.Domain.Common;
using KashiInvest.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Shared.Excel;

/// <summary>One cell of an import row: what the file holds as shown back to the user, its typed value, and what is wrong with it.</summary>
public sealed class ImportCell(string shown, object? value)
{
    public string Shown { get; } = shown;
    public object? Value { get; set; } = value;
    public RuleViolation? Error { get; set; }
}

/// <summary>One data row of an upload: its row number in the sheet, its cells by import column, errors not tied to a cell.</summary>
public sealed class ImportRow(int number, ImportCell?[] cells)
{
    public int Number { get; } = number;

    /// <summary>The cells in the order of <see cref="ExcelSheet{T}.ImportColumns"/>; null for an empty cell.</summary>
    public ImportCell?[] Cells { get; } = cells;

    public List<RuleViolation> RowErrors { get; } = [];

    public bool HasErrors => RowErrors.Count > 0 || Cells.Any(c => c?.Error is not null);

    public int ErrorCount => RowErrors.Count + Cells.Count(c => c?.Error is not null);

    /// <summary>Marks a cell wrong (an empty cell gets an empty stand-in so the error shows next to it).</summary>
    public void Fail(int column, RuleViolation error)
    {
        var cell = Cells[column] ??= new ImportCell(string.Empty, null);
        cell.Error ??= error;
    }
}

/// <summary>What an upload read as: a refusal of the whole file, or its rows with the headings found.</summary>
public sealed record ImportRead(RuleViolation? Refusal, IReadOnlyList<ImportRow> Rows)
{
    public static ImportRead Refused(RuleViolation why) => new(why, []);
}

/// <summary>
/// The import half of the Excel module: a feature's <see cref="ExcelSheet{T}"/> declaration gives the template
/// (headings in the user's language, an example row, validation lists for choice columns) and reads an upload into
/// typed cells with an error next to each cell that does not fit its column (a number that is not one, a date that is
/// not one, an unknown choice, a required cell left empty, a text over its limit, a formula). Headings are matched by
/// name in either language, so a template downloaded in English imports for a Chinese user too. A row equal to the
/// template's example is skipped. The feature then checks its own rules and writes.
/// </summary>
public sealed class ExcelImporter(IStringLocalizer<Strings> localizer, ExcelExporter exporter, UiText ui, IOptions<ExcelImportOptions> options)
{
    public ExcelImportOptions Options => options.Value;

    /// <summary>The headings of import columns in the current UI culture (money headings say 万元), as the preview shows them.</summary>
    public IReadOnlyList<string> Headings<T>(IEnumerable<ExcelColumn<T>> columns) => exporter.Headings(columns);

    /// <summary>The template of a sheet in the current UI culture.</summary>
    public ExcelFile Template<T>(ExcelSheet<T> sheet)
    {
        var columns = sheet.ImportColumns;
        var title = localizer[sheet.TitleKey].Value;
        var headings = exporter.Headings(columns);
        var note = localizer["Excel.TemplateTitle", title, string.Join(Localized.IsChinese ? "、" : ", ",
            columns.Where(c => c.Required).Select(exporter.Heading))].Value;
        var example = columns.Select(c => c.Example).ToArray();
        var lists = columns.Select((c, i) => (c, i))
            .Where(x => x.c.Kind == ExcelKind.Choice && x.c.Choices is { Count: > 0 })
            .Select(x => new XlsxWriter.ValidationList(x.i + 1, x.c.Choices!)).ToList();
        var bytes = XlsxWriter.Write(title, note, headings, [.. columns.Select(c => c.Kind)], [example], lists);
        return new ExcelFile(bytes, $"{sheet.FileStem}-{localizer["Excel.TemplateStem"].Value}.xlsx");
    }

    /// <summary>Reads an upload against a sheet's import columns. <paramref name="file"/> must be seekable.</summary>
    public ImportRead Read<T>(ExcelSheet<T> sheet, Stream file, CancellationToken ct = default)
    {
        var columns = sheet.ImportColumns;
        var known = HeadingsInBothLanguages(columns);
        var examples = ExamplesInBothLanguages(columns);
        var rows = new List<ImportRow>();
        int[]? map = null;
        try
        {
            foreach (var raw in RowsOf(file, ct))
            {
                if (map is null)
                {
                    map = HeadingMap(raw, known, columns.Count);
                    if (map is null)
                    {
                        if (raw.Number >= 5) return ImportRead.Refused(new RuleViolation("Import.NoHeadings", MissingNames(columns)));
                        continue;
                    }
                    if (columns.Select((c, i) => (c, i)).Where(x => x.c.Required && Array.IndexOf(map, x.i) < 0).Select(x => exporter.Heading(x.c)).ToList() is { Count: > 0 } missing)
                        return ImportRead.Refused(new RuleViolation("Import.MissingColumns", string.Join(Localized.IsChinese ? "、" : ", ", missing)));
                    continue;
                }
                var cells = new ImportCell?[columns.Count];
                foreach (var (col, rawCell) in raw.Cells)
                {
                    if (col < map.Length && map[col] >= 0) cells[map[col]] = Parse(columns[map[col]], rawCell);
                }
                if (cells.All(c => c is null)) continue;
                if (examples.Any(e => IsExample(columns, cells, e))) continue;
                var row = new ImportRow(raw.Number, cells);
                for (var i = 0; i < columns.Count; i++)
                {
                    if (columns[i].Required && cells[i] is null) row.Fail(i, new RuleViolation("Field.Required"));
                }
                rows.Add(row);
                if (rows.Count > Options.MaxRows) return ImportRead.Refused(new RuleViolation("Import.TooManyRows", Options.MaxRows));
            }
        }
        catch (ImportRefusedException ex)
        {
            return ImportRead.Refused(ex.Violation);
        }
        if (map is null) return ImportRead.Refused(new RuleViolation("Import.NoHeadings", MissingNames(columns)));
        if (rows.Count == 0) return ImportRead.Refused(new RuleViolation("Import.NoRows"));
        return new ImportRead(null, rows);
    }

    /// <summary>A workbook is read as one; a text file (by its bytes, whatever its name) as CSV; anything else is refused.</summary>
    private IEnumerable<RawRow> RowsOf(Stream file, CancellationToken ct)
    {
        var head = new byte[4];
        var start = file.Position;
        var n = file.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        file.Position = start;
        var zipOrOle = n >= 4 && ((head[0] == 0x50 && head[1] == 0x4B) || (head[0] == 0xD0 && head[1] == 0xCF));
        return n > 0 && !zipOrOle && XlsxReader.LooksLikeText(file) ? CsvReader.Rows(file, Options, ct) : XlsxReader.Rows(file, Options, ct);
    }

    private string MissingNames<T>(IReadOnlyList<ExcelColumn<T>> columns) =>
        string.Join(Localized.IsChinese ? "、" : ", ", columns.Where(c => c.Required).Select(exporter.Heading));

    /// <summary>The sheet column → import column map when this row is the heading row (it names every required column, or most columns).</summary>
    private static int[]? HeadingMap(RawRow raw, Dictionary<string, int> known, int count)
    {
        var width = raw.Cells.Keys.Max() + 1;
        if (width > 1000) return null;
        var map = Enumerable.Repeat(-1, width).ToArray();
        var found = 0;
        foreach (var (col, cell) in raw.Cells)
        {
            if (known.TryGetValue(Normalize(cell.Text), out var index) && Array.IndexOf(map, index) < 0)
            {
                map[col] = index;
                found++;
            }
        }
        return found >= Math.Min(2, count) ? map : null;
    }

    private Dictionary<string, int> HeadingsInBothLanguages<T>(IReadOnlyList<ExcelColumn<T>> columns)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            InCulture(culture, () =>
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    map.TryAdd(Normalize(exporter.Heading(columns[i])), i);
                    map.TryAdd(Normalize(localizer[columns[i].HeadingKey].Value), i);
                }
            });
        }
        return map;
    }

    /// <summary>The example row as the template wrote it (values as text) in the current culture; the declaration is localized once per culture by the feature.</summary>
    private static List<string?[]> ExamplesInBothLanguages<T>(IReadOnlyList<ExcelColumn<T>> columns) =>
        [columns.Select(c => ExampleText(c.Example)).ToArray()];

    private static string? ExampleText(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim(),
    };

    private static bool IsExample<T>(IReadOnlyList<ExcelColumn<T>> columns, ImportCell?[] cells, string?[] example)
    {
        if (example.All(e => e is null)) return false;
        for (var i = 0; i < cells.Length; i++)
        {
            var text = cells[i] is not { } cell ? null : (columns[i].Kind, cell.Value) switch
            {
                (ExcelKind.Date or ExcelKind.DateTime, DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                (ExcelKind.Money, decimal m) => m.ToString(CultureInfo.InvariantCulture),
                (ExcelKind.Count, int n) => n.ToString(CultureInfo.InvariantCulture),
                _ => cell.Shown,
            };
            var expected = example[i];
            if (expected is not null && decimal.TryParse(expected, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                expected = number.ToString(CultureInfo.InvariantCulture);
            if (text is not null && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var have))
                text = have.ToString(CultureInfo.InvariantCulture);
            if (!string.Equals(text, expected, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private static void InCulture(string name, Action action)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        try { action(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    /// <summary>Headings compare without spaces, case, or the difference between full-width and half-width brackets.</summary>
    private static string Normalize(string text) => new string([.. text.Where(ch => !char.IsWhiteSpace(ch) && ch != '*')])
        .Replace('（', '(').Replace('）', ')').ToUpperInvariant();

    /// <summary>A cell read as its column's kind; a cell that does not fit keeps what it showed and gets the reason.</summary>
    public ImportCell Parse<T>(ExcelColumn<T> column, RawCell raw)
    {
        var text = raw.Text.Trim();
        var cell = new ImportCell(raw.IsTooLong ? text[..Math.Min(text.Length, 40)] + "…" : text, null);
        if (raw.IsFormula) { cell.Error = new RuleViolation("Import.Formula"); return cell; }
        if (raw.IsTooLong) { cell.Error = new RuleViolation("Text.TooLong", column.MaxLength ?? Options.MaxCellCharacters); return cell; }
        switch (column.Kind)
        {
            case ExcelKind.Money:
                // Shown as officials read money on the register (万元 / 亿元 with thousands separators), not as typed.
                if (ToDecimal(raw) is { } money) cell = new ImportCell(ui.Money(money), money);
                else cell.Error = new RuleViolation("Import.NotANumber", text);
                break;
            case ExcelKind.Count:
                if (ToDecimal(raw) is { } count && count == decimal.Truncate(count) && count is >= int.MinValue and <= int.MaxValue) cell.Value = (int)count;
                else cell.Error = new RuleViolation("Import.NotAWholeNumber", text);
                break;
            case ExcelKind.Date or ExcelKind.DateTime:
                if (ToDate(raw) is { } day) cell = new ImportCell(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day);
                else cell.Error = new RuleViolation("Import.NotADate", text);
                break;
            case ExcelKind.Choice:
                if (column.Resolve?.Invoke(text) is { } key) cell.Value = key;
                else cell.Error = new RuleViolation("Import.UnknownChoice", text);
                break;
            default:
                if (column.MaxLength is { } max && text.Length > max) cell.Error = new RuleViolation("Text.TooLong", max);
                else cell.Value = text;
                break;
        }
        return cell;
    }

    private static decimal? ToDecimal(RawCell raw)
    {
        var text = raw.Text.Trim();
        if (!raw.IsNumber) text = text.Replace(",", string.Empty, StringComparison.Ordinal).Replace("，", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    private static DateOnly? ToDate(RawCell raw)
    {
        var text = raw.Text.Trim();
        if (raw.IsNumber)
        {
            // Excel's serial day (1900 system), from 1900 to 9999.
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2_958_466
                ? DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)))
                : null;
        }
        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}
