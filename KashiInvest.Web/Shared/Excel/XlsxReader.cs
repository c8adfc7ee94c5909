using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using KashiInvest.Domain.Common;

namespace KashiInvest.Web.Shared.Excel;

/// <summary>An upload the import will not read at all: the reason, as a resource key with its arguments.</summary>
public sealed class ImportRefusedException(RuleViolation violation) : Exception(violation.Code)
{
    public RuleViolation Violation { get; } = violation;
}

/// <summary>One cell as stored: its text (a number in invariant notation), and what made it unreadable.</summary>
public sealed record RawCell(string Text, bool IsNumber, bool IsFormula, bool IsTooLong);

/// <summary>One row of the first sheet: its 1-based number and its non-empty cells by 0-based column.</summary>
public sealed record RawRow(int Number, IReadOnlyDictionary<int, RawCell> Cells);

/// <summary>
/// Reads the first sheet of an <c>.xlsx</c> upload as a stream of rows, with the OpenXML parts read directly through
/// <see cref="ZipArchive"/> and a forward-only <see cref="XmlReader"/> (no DOM, no DTD, no external entities): memory
/// stays flat whatever the sheet's size, and every limit of <see cref="ExcelImportOptions"/> is checked while reading —
/// declared part sizes and compression ratios before the first byte is inflated, then the bytes actually inflated (a
/// zip may lie about its sizes), the rows, and each cell's length. A formula is reported, never evaluated.
/// An old <c>.xls</c> or any other binary is refused by its first bytes, whatever its name (text goes to <see cref="CsvReader"/>).
/// </summary>
public static class XlsxReader
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const long RatioCheckedFrom = 1024 * 1024;
    private const int MaxParts = 1_000;

    /// <summary>Refuses what is not a workbook by its first bytes (a renamed binary, an old <c>.xls</c>, text).</summary>
    public static void CheckSignature(Stream file)
    {
        Span<byte> head = stackalloc byte[8];
        var start = file.Position;
        var read = file.ReadAtLeast(head, 8, throwOnEndOfStream: false);
        file.Position = start;
        if (read >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04) return;
        if (read >= 8 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0) throw Refuse("Import.OldXls");
        if (read == 0) throw Refuse("Import.Empty");
        throw Refuse(LooksLikeText(file) ? "Import.Csv" : "Import.NotXlsx");
    }

    /// <summary>The rows of the first sheet, in order; throws <see cref="ImportRefusedException"/> on a hostile or broken file.</summary>
    public static IEnumerable<RawRow> Rows(Stream file, ExcelImportOptions options, CancellationToken ct = default)
    {
        if (file.Length > options.MaxFileBytes) throw Refuse("Import.FileTooBig", options.MaxFileKilobytes / 1024.0);
        CheckSignature(file);
        ZipArchive zip;
        try { zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException) { throw Refuse("Import.NotXlsx"); }
        using (zip)
        {
            CheckDeclaredSizes(zip, options);
            var budget = new Budget(options.MaxUncompressedBytes);
            var sheetPath = FirstSheetPath(zip, budget);
            var strings = SharedStrings(zip, budget, options.MaxCellCharacters);
            var sheet = zip.GetEntry(sheetPath) ?? throw Refuse("Import.NotXlsx");
            foreach (var row in SheetRows(sheet, budget, strings, options.MaxCellCharacters, ct)) yield return row;
        }
    }

    private static void CheckDeclaredSizes(ZipArchive zip, ExcelImportOptions options)
    {
        IReadOnlyCollection<ZipArchiveEntry> entries;
        try { entries = zip.Entries; }
        catch (InvalidDataException) { throw Refuse("Import.NotXlsx"); }
        if (entries.Count > MaxParts) throw Refuse("Import.ZipBomb");
        long total = 0;
        foreach (var e in entries)
        {
            total += e.Length;
            if (total > options.MaxUncompressedBytes) throw Refuse("Import.ZipBomb");
            if (e.Length > RatioCheckedFrom && e.Length > (long)options.MaxCompressionRatio * Math.Max(1, e.CompressedLength)) throw Refuse("Import.ZipBomb");
        }
        if (zip.GetEntry("xl/workbook.xml") is null) throw Refuse("Import.NotXlsx");
    }

    private static string FirstSheetPath(ZipArchive zip, Budget budget)
    {
        string? relId = null;
        using (var reader = Open(zip.GetEntry("xl/workbook.xml")!, budget))
        {
            while (Read(reader))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.NamespaceURI == Main)
                {
                    relId = reader.GetAttribute("id", RelNs);
                    break;
                }
            }
        }
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (relId is null || rels is null) throw Refuse("Import.NotXlsx");
        using (var reader = Open(rels, budget))
        {
            while (Read(reader))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.GetAttribute("Id") == relId)
                {
                    var target = reader.GetAttribute("Target") ?? throw Refuse("Import.NotXlsx");
                    return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }
        throw Refuse("Import.NotXlsx");
    }

    /// <summary>The shared strings, each cut at one character over the cell limit (so "too long" is still known).</summary>
    private static List<string> SharedStrings(ZipArchive zip, Budget budget, int maxChars)
    {
        var list = new List<string>();
        var entry = zip.GetEntry("xl/sharedStrings.xml");
        if (entry is null) return list;
        using var reader = Open(entry, budget);
        while (Read(reader))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si") list.Add(ReadText(reader, maxChars + 1));
        }
        return list;
    }

    private static IEnumerable<RawRow> SheetRows(ZipArchiveEntry sheet, Budget budget, List<string> strings, int maxChars, CancellationToken ct)
    {
        using var reader = Open(sheet, budget);
        var rowNumber = 0;
        while (Read(reader))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row") continue;
            ct.ThrowIfCancellationRequested();
            rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > rowNumber ? r : rowNumber + 1;
            var cells = new Dictionary<int, RawCell>();
            if (!reader.IsEmptyElement)
            {
                var depth = reader.Depth;
                var column = -1;
                while (Read(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c") continue;
                    column = ColumnOf(reader.GetAttribute("r")) ?? column + 1;
                    if (column > 16_383) throw Refuse("Import.Damaged");
                    var cell = ReadCell(reader, strings, maxChars);
                    if (cell is not null) cells[column] = cell;
                }
            }
            if (cells.Count > 0) yield return new RawRow(rowNumber, cells);
        }
    }

    private static RawCell? ReadCell(XmlReader reader, List<string> strings, int maxChars)
    {
        var type = reader.GetAttribute("t");
        if (reader.IsEmptyElement) return null;
        var depth = reader.Depth;
        string? value = null;
        var formula = false;
        while (Read(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "f":
                    formula = true;
                    if (!reader.IsEmptyElement) ReadText(reader, 1);
                    break;
                case "v":
                    value = ReadText(reader, maxChars + 1);
                    break;
                case "is":
                    value = ReadText(reader, maxChars + 1);
                    break;
            }
        }
        if (type == "s")
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= strings.Count) throw Refuse("Import.Damaged");
            value = strings[index];
        }
        if (value is null && !formula) return null;
        value ??= string.Empty;
        if (!formula && value.Trim().Length == 0) return null;
        var isNumber = type is null or "n";
        return new RawCell(value.Length > maxChars ? value[..maxChars] : value, isNumber && !formula, formula, value.Length > maxChars);
    }

    /// <summary>The text of the current element's <c>t</c> / <c>v</c> descendants (phonetic runs left out), at most <paramref name="cap"/> characters kept.</summary>
    private static string ReadText(XmlReader reader, int cap)
    {
        if (reader.IsEmptyElement) return string.Empty;
        var depth = reader.Depth;
        var text = new StringBuilder();
        var buffer = new char[4096];
        var skipDepth = -1;
        while (Read(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh" && !reader.IsEmptyElement && skipDepth < 0) skipDepth = reader.Depth;
            else if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == skipDepth) skipDepth = -1;
            else if (skipDepth < 0 && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                int n;
                while ((n = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                {
                    if (text.Length < cap) text.Append(buffer, 0, Math.Min(n, cap - text.Length));
                }
            }
        }
        return text.ToString();
    }

    /// <summary>The 0-based column of a cell reference such as <c>AB12</c>.</summary>
    public static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetterUpper(reference[i]) && i < 4; i++) n = n * 26 + (reference[i] - 'A' + 1);
        return i == 0 ? null : n - 1;
    }

    private static XmlReader Open(ZipArchiveEntry entry, Budget budget)
    {
        Stream stream;
        try { stream = new BudgetStream(entry.Open(), budget); }
        catch (InvalidDataException) { throw Refuse("Import.Damaged"); }
        return XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        });
    }

    private static bool Read(XmlReader reader)
    {
        try { return reader.Read(); }
        catch (XmlException) { throw Refuse("Import.Damaged"); }
        catch (InvalidDataException) { throw Refuse("Import.Damaged"); }
    }

    internal static bool LooksLikeText(Stream file)
    {
        var start = file.Position;
        var buffer = new byte[512];
        var n = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        file.Position = start;
        for (var i = 0; i < n; i++) if (buffer[i] == 0) return false;
        return true;
    }

    private static ImportRefusedException Refuse(string key, params object[] args) => new(new RuleViolation(key, args));

    /// <summary>The bytes all parts of one file may inflate to, shared by the parts read.</summary>
    private sealed class Budget(long bytes)
    {
        public long Left { get; set; } = bytes;
    }

    /// <summary>Counts inflated bytes against the budget and stops the read when it runs out (a zip bomb that lied about its sizes).</summary>
    private sealed class BudgetStream(Stream inner, Budget budget) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n;
            try { n = inner.Read(buffer, offset, count); }
            catch (InvalidDataException) { throw Refuse("Import.Damaged"); }
            budget.Left -= n;
            if (budget.Left < 0) throw Refuse("Import.ZipBomb");
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
