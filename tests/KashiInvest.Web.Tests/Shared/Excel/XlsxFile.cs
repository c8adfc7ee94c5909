using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KashiInvest.Web.Tests.Shared.Excel;

/// <summary>A workbook the app wrote, opened again with the OpenXML SDK as Excel would: cell text, number formats, the frozen pane.</summary>
public sealed class XlsxFile : IDisposable
{
    private readonly MemoryStream _stream;
    private readonly SpreadsheetDocument _doc;
    private readonly Worksheet _sheet;

    public XlsxFile(byte[] bytes)
    {
        _stream = new MemoryStream(bytes);
        _doc = SpreadsheetDocument.Open(_stream, false);
        var workbook = _doc.WorkbookPart!;
        var first = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        SheetName = first.Name!.Value!;
        _sheet = ((WorksheetPart)workbook.GetPartById(first.Id!.Value!)).Worksheet;
    }

    public string SheetName { get; }

    public IReadOnlyList<Row> Rows => [.. _sheet.GetFirstChild<SheetData>()!.Elements<Row>()];

    public Cell? Cell(string reference) =>
        _sheet.GetFirstChild<SheetData>()!.Descendants<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);

    /// <summary>A cell's text: inline or shared strings as written, numbers as stored.</summary>
    public string? Text(string reference) => Cell(reference) is { } c ? c.InlineString?.InnerText ?? c.CellValue?.Text : null;

    /// <summary>The texts of a row, in column order.</summary>
    public IReadOnlyList<string?> RowTexts(int rowIndex) =>
        [.. Rows.Single(r => r.RowIndex!.Value == rowIndex).Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text)];

    /// <summary>The number format code of a cell's style ("General" for none).</summary>
    public string NumberFormat(string reference)
    {
        var styles = _doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(Cell(reference)?.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        if (id == 3) return "#,##0";
        return styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(n => n.NumberFormatId?.Value == id)?.FormatCode?.Value ?? "General";
    }

    public Pane? FrozenPane => _sheet.Descendants<Pane>().FirstOrDefault();

    public IReadOnlyList<Column> Columns => [.. _sheet.Descendants<Column>()];

    public IReadOnlyList<DataValidation> Validations => [.. _sheet.Descendants<DataValidation>()];

    /// <summary>What Excel would object to: the OpenXML SDK's schema validation of the whole package.</summary>
    public IReadOnlyList<string> SchemaErrors() =>
        [.. new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(_doc).Select(e => $"{e.Path?.XPath}: {e.Description}")];

    public void Dispose()
    {
        _doc.Dispose();
        _stream.Dispose();
    }
}
