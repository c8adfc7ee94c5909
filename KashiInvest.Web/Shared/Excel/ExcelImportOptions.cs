using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Shared.Excel;

/// <summary>
/// What one uploaded workbook may make the server read (configuration section <c>ExcelImport</c>, validated at start).
/// A file over any limit is refused with a message saying which; none of it is written.
/// </summary>
public sealed class ExcelImportOptions : ICheckedOptions
{
    public const string Section = "ExcelImport";

    /// <summary>The largest upload, in KB. Default 10,240 (10 MB: a 5,000-row register is about 0.5 MB).</summary>
    public int MaxFileKilobytes { get; set; } = 10_240;

    /// <summary>The most data rows one file may hold. Default 10,000.</summary>
    public int MaxRows { get; set; } = 10_000;

    /// <summary>The longest text one cell may hold (beyond every field's own limit). Default 2,000.</summary>
    public int MaxCellCharacters { get; set; } = 2_000;

    /// <summary>How many MB the workbook's parts may hold once decompressed (a zip bomb stops here). Default 100.</summary>
    public int MaxUncompressedMegabytes { get; set; } = 100;

    /// <summary>The highest decompressed-to-compressed ratio of a part over 1 MB (real sheets stay far below). Default 100.</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    public long MaxFileBytes => (long)MaxFileKilobytes * 1024;

    public long MaxUncompressedBytes => (long)MaxUncompressedMegabytes * 1024 * 1024;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, nameof(MaxFileKilobytes), MaxFileKilobytes, 16, 1_048_576);
        Check(errors, nameof(MaxRows), MaxRows, 1, 1_000_000);
        Check(errors, nameof(MaxCellCharacters), MaxCellCharacters, 100, 1_000_000);
        Check(errors, nameof(MaxUncompressedMegabytes), MaxUncompressedMegabytes, 1, 4_096);
        Check(errors, nameof(MaxCompressionRatio), MaxCompressionRatio, 10, 10_000);
        return errors;
    }

    private static void Check(List<string> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max) errors.Add($"{Section}:{name} must be between {min} and {max} (was {value}).");
    }
}
