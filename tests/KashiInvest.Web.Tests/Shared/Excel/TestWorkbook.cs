using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KashiInvest.Web.Tests.Shared.Excel;

/// <summary>A cell the test fills with a formula (its cached value, as Excel saves it).</summary>
public sealed record Formula(string Text, string CachedValue);

/// <summary>
/// Real workbooks made by the tests: a template the app wrote, filled in with the OpenXML SDK as a user fills it in
/// Excel (rows appended under the example row, texts as shared strings, numbers and dates as numbers), and hand-made
/// hostile packages.
/// </summary>
public static class TestWorkbook
{
    /// <summary>The template with <paramref name="rows"/> appended from row 4 (under the example row), values in the template's column order.</summary>
    public static byte[] Fill(byte[] template, IEnumerable<object?[]> rows, bool dropExample = false)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = doc.WorkbookPart!;
            var sheetPart = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!.Value!);
            var data = sheetPart.Worksheet.GetFirstChild<SheetData>()!;
            if (dropExample) data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == 3)?.Remove();
            var strings = workbook.SharedStringTablePart ?? workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable ??= new SharedStringTable();
            uint r = 4;
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = r };
                for (var c = 0; c < values.Length; c++)
                {
                    if (values[c] is not { } value) continue;
                    var reference = Letters(c) + r;
                    row.Append(value switch
                    {
                        string s => SharedString(strings.SharedStringTable, reference, s),
                        Formula f => new Cell(new CellFormula(f.Text), new CellValue(f.CachedValue)) { CellReference = reference },
                        DateOnly d => new Cell(new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture))) { CellReference = reference, DataType = CellValues.Number },
                        IFormattable n => new Cell(new CellValue(n.ToString(null, CultureInfo.InvariantCulture))) { CellReference = reference, DataType = CellValues.Number },
                        _ => throw new ArgumentException($"Cannot write {value.GetType()}"),
                    });
                }
                data.Append(row);
                r++;
            }
            strings.SharedStringTable.Save();
            sheetPart.Worksheet.Save();
        }
        return stream.ToArray();
    }

    private static Cell SharedString(SharedStringTable table, string reference, string text)
    {
        table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return new Cell(new CellValue((table.ChildElements.Count - 1).ToString(CultureInfo.InvariantCulture))) { CellReference = reference, DataType = CellValues.SharedString };
    }

    private static string Letters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    /// <summary>A minimal package whose only sheet is written by <paramref name="writeSheet"/> (for files Excel would never make).</summary>
    public static byte[] Package(Action<StreamWriter> writeSheet, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""");
            Entry(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Entry(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", level).Open(), new UTF8Encoding(false));
            writeSheet(sheet);
        }
        return stream.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    /// <summary>A sheet with the given heading row and then <paramref name="rows"/> rows of inline text made by <paramref name="cell"/>.</summary>
    public static Action<StreamWriter> Sheet(IReadOnlyList<string> headings, long rows, Func<long, int, string?> cell, int columns) => w =>
    {
        w.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        w.Write("<row r=\"1\">");
        for (var c = 0; c < headings.Count; c++) w.Write($"<c r=\"{Letters(c)}1\" t=\"inlineStr\"><is><t>{headings[c]}</t></is></c>");
        w.Write("</row>");
        for (long r = 0; r < rows; r++)
        {
            w.Write($"<row r=\"{r + 2}\">");
            for (var c = 0; c < columns; c++)
            {
                if (cell(r, c) is { } text) w.Write($"<c r=\"{Letters(c)}{r + 2}\" t=\"inlineStr\"><is><t>{text}</t></is></c>");
            }
            w.Write("</row>");
        }
        w.Write("</sheetData></worksheet>");
    };
}
