using KashiInvest.Domain.Common;

namespace KashiInvest.Web.Shared.Excel;

/// <summary>What an imported row will do: add a record, change one, or nothing (the record already says the same).</summary>
public enum ImportOutcome { New, Update, Unchanged }

/// <summary>
/// An upload checked against a feature's rules, as the preview shows it: every row with its cells and their errors,
/// and what each valid row will do. The file's bytes are kept so that the import reads and checks them again inside its
/// transaction (the data may have changed since the preview).
/// </summary>
public sealed class ImportPreview
{
    public required string FileName { get; init; }
    public required byte[] Bytes { get; init; }
    public RuleViolation? Refusal { get; init; }

    /// <summary>The heading keys of the import columns, in order.</summary>
    public required IReadOnlyList<string> Headings { get; init; }

    public required IReadOnlyList<ImportRow> Rows { get; init; }

    /// <summary>By row number: what a row without errors will do.</summary>
    public required IReadOnlyDictionary<int, ImportOutcome> Outcomes { get; init; }

    /// <summary>What the import may do but the user should know (e.g. a split that leaves a remainder); never blocks the import.</summary>
    public IReadOnlyList<RuleViolation> Warnings { get; init; } = [];

    public int ErrorRows => Rows.Count(r => r.HasErrors);

    public bool CanImport => Refusal is null && Rows.Count > 0 && ErrorRows == 0 && Outcomes.Values.Any(o => o != ImportOutcome.Unchanged);

    public int Count(ImportOutcome outcome) => Outcomes.Values.Count(o => o == outcome);

    /// <summary>A short fingerprint of what the import will do, compared again inside the import's transaction.</summary>
    public string Plan => string.Join(",", Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}:{o.Value}"));
}
