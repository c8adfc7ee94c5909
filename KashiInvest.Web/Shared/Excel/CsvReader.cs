using System.Text;
using System.Text.Unicode;
using KashiInvest.Domain.Common;

namespace KashiInvest.Web.Shared.Excel;

/// <summary>
/// Reads a CSV upload as the same stream of rows as <see cref="XlsxReader"/>, so every import accepts what Excel's
/// "Save as CSV" writes: UTF-8 with or without a byte-order mark, UTF-16 with one, and GB18030 (what Chinese Excel
/// writes by default; the shared framework's code pages, no package). Fields follow RFC 4180 (quotes, doubled quotes,
/// line breaks inside quotes; a comma, or a tab when the first line has tabs and no commas). Every cell is text; a
/// cell starting with <c>=</c> is reported as a formula (Excel would run it on opening), never evaluated. The limits of
/// <see cref="ExcelImportOptions"/> hold: file size, cell length (cut while reading), and a row is never longer than
/// 1,000 cells.
/// </summary>
public static class CsvReader
{
    private const int MaxColumns = 1_000;

    static CsvReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding of a text upload: its byte-order mark, else UTF-8 when the bytes are valid UTF-8, else GB18030.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new UTF8Encoding(false);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode;
        return Utf8.IsValid(bytes) ? new UTF8Encoding(false) : Encoding.GetEncoding("GB18030");
    }

    /// <summary>The rows of a CSV upload, in order. <paramref name="file"/> must be seekable.</summary>
    public static IEnumerable<RawRow> Rows(Stream file, ExcelImportOptions options, CancellationToken ct = default)
    {
        if (file.Length > options.MaxFileBytes) throw new ImportRefusedException(new RuleViolation("Import.FileTooBig", options.MaxFileKilobytes / 1024.0));
        var start = file.Position;
        var bytes = new byte[file.Length - start];
        file.ReadExactly(bytes);
        var encoding = Detect(bytes);
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), encoding, detectEncodingFromByteOrderMarks: true);
        // The separator: a tab when the first line has tabs and no commas (Excel's "Unicode text").
        var separator = FirstLineSeparator(bytes, encoding);
        var number = 0;
        var cells = new Dictionary<int, RawCell>();
        var field = new StringBuilder();
        bool quoted = false, inQuotes = false, tooLong = false, fieldStarted = false;
        var column = 0;

        void EndField()
        {
            if (column >= MaxColumns) throw new ImportRefusedException(new RuleViolation("Import.NotXlsx"));
            var text = field.ToString();
            if (text.Length > 0 || quoted)
            {
                var trimmed = text.Trim();
                if (trimmed.Length > 0) cells[column] = new RawCell(trimmed, false, trimmed.StartsWith('='), tooLong);
            }
            field.Clear();
            quoted = inQuotes = tooLong = fieldStarted = false;
            column++;
        }

        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); Append('"'); }
                    else inQuotes = false;
                }
                else Append(ch);
                continue;
            }
            if (ch == '"' && !fieldStarted) { quoted = inQuotes = fieldStarted = true; continue; }
            if (ch == separator) { EndField(); continue; }
            if (ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n') reader.Read();
                EndField();
                number++;
                ct.ThrowIfCancellationRequested();
                if (cells.Count > 0) yield return new RawRow(number, cells);
                cells = [];
                column = 0;
                continue;
            }
            fieldStarted = true;
            Append(ch);
        }
        if (fieldStarted || field.Length > 0 || column > 0)
        {
            EndField();
            number++;
            if (cells.Count > 0) yield return new RawRow(number, cells);
        }

        void Append(char ch)
        {
            fieldStarted = true;
            if (field.Length < options.MaxCellCharacters) field.Append(ch);
            else tooLong = true;
        }
    }

    private static char FirstLineSeparator(byte[] bytes, Encoding encoding)
    {
        var head = encoding.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var line = head.Split('\n', 2)[0];
        return line.Contains('\t') && !line.Contains(',') ? '\t' : ',';
    }
}
