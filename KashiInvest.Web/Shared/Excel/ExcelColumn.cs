namespace KashiInvest.Web.Shared.Excel;

/// <summary>What a column holds, which decides its cell type and number format in every workbook.</summary>
public enum ExcelKind
{
    /// <summary>Plain text.</summary>
    Text,
    /// <summary>Money in 万元 as a number (two decimals, thousands separator); the heading says 万元.</summary>
    Money,
    /// <summary>A whole number (jobs, counts).</summary>
    Count,
    /// <summary>A calendar day (a <see cref="DateOnly"/>, or a UTC instant shown as its Beijing day).</summary>
    Date,
    /// <summary>A UTC instant shown in Beijing time to the minute.</summary>
    DateTime,
    /// <summary>One value of a fixed list (a chain, a stage, a unit): text, with the list as data validation in templates.</summary>
    Choice,
}

/// <summary>Where a column appears: in the export, in the import (template, preview, import), or both.</summary>
public enum ExcelUse
{
    Both,
    /// <summary>Exported only (derived or kept by the platform, e.g. a tier or the last update).</summary>
    ExportOnly,
    /// <summary>Read from uploads only (the template has it, the list screen does not show it).</summary>
    ImportOnly,
}

/// <summary>
/// One column of a list as officials see it in a workbook, declared once per feature: the resource key of its heading
/// (localized zh-CN / en), what it holds, and how to read its value from a row. The same declaration writes the export
/// and the import template, and reads the preview and the import (<see cref="Use"/>, <see cref="Required"/>,
/// <see cref="MaxLength"/>, <see cref="Choices"/>, <see cref="Example"/>).
/// </summary>
public sealed record ExcelColumn<T>(string HeadingKey, ExcelKind Kind, Func<T, object?> Value)
{
    /// <summary>The values a <see cref="ExcelKind.Choice"/> column accepts (localized), for the template's validation list.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>
    /// Reads a <see cref="ExcelKind.Choice"/> cell: the key (an id or an enum value) of the text typed, in either
    /// language, or null when it names nothing (the preview says "unknown" next to the cell).
    /// </summary>
    public Func<string, object?>? Resolve { get; init; }

    public ExcelUse Use { get; init; } = ExcelUse.Both;

    /// <summary>An import row must fill this cell.</summary>
    public bool Required { get; init; }

    /// <summary>The longest text a cell of this column may hold in an import (the field's own limit).</summary>
    public int? MaxLength { get; init; }

    /// <summary>The template's example value (already localized).</summary>
    public object? Example { get; init; }

    public bool Exported => Use != ExcelUse.ImportOnly;

    public bool Imported => Use != ExcelUse.ExportOnly;
}

/// <summary>A list's sheet: its title key (the sheet's name and the first words of the title row) and its columns.</summary>
public sealed record ExcelSheet<T>(string TitleKey, string FileStem, IReadOnlyList<ExcelColumn<T>> Columns)
{
    /// <summary>The columns an export writes, in order.</summary>
    public IReadOnlyList<ExcelColumn<T>> ExportColumns => [.. Columns.Where(c => c.Exported)];

    /// <summary>The columns a template has and an import reads, in order.</summary>
    public IReadOnlyList<ExcelColumn<T>> ImportColumns => [.. Columns.Where(c => c.Imported)];
}

/// <summary>A filter the user applied to a list, shown in the title row: its label's resource key and the value as shown on screen.</summary>
public sealed record ExcelFilter(string LabelKey, string Value);

/// <summary>A workbook ready to send: its bytes and a file name.</summary>
public sealed record ExcelFile(byte[] Bytes, string FileName)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public IResult ToResult() => Results.File(Bytes, ContentType, FileName);
}

/// <summary>The filters of a list as the title row names them: only those the user set.</summary>
public sealed class ExcelFilters : List<ExcelFilter>
{
    /// <summary>Adds a filter when it has a value.</summary>
    public ExcelFilters When(string labelKey, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) Add(new ExcelFilter(labelKey, value.Trim()));
        return this;
    }
}
