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

/// <summary>
/// One column of a list as officials see it in a workbook, declared once per feature: the resource key of its heading
/// (localized zh-CN / en), what it holds, and how to read its value from a row. The same declaration writes the export
/// and (with <see cref="Choices"/>) the import template.
/// </summary>
public sealed record ExcelColumn<T>(string HeadingKey, ExcelKind Kind, Func<T, object?> Value)
{
    /// <summary>The values a <see cref="ExcelKind.Choice"/> column accepts (localized), for the template's validation list.</summary>
    public IReadOnlyList<string>? Choices { get; init; }
}

/// <summary>A list's sheet: its title key (the sheet's name and the first words of the title row) and its columns.</summary>
public sealed record ExcelSheet<T>(string TitleKey, string FileStem, IReadOnlyList<ExcelColumn<T>> Columns);

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
