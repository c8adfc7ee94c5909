using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Audit;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Shared.Excel;

/// <summary>
/// One list that can be filled in Excel and imported: what the <c>/import</c> page and its upload page need from it.
/// Each import is a column declaration (<see cref="ExcelSheet{T}"/>) plus a row-to-record plan; the upload, the
/// preview table and the all-or-nothing commit (<see cref="ImportPipeline"/>) are shared.
/// </summary>
public interface IExcelImport
{
    /// <summary>The list's short name: <c>/import/{Kind}</c> uploads, <c>/import/templates/{Kind}.xlsx</c> is its template.</summary>
    string Kind { get; }

    /// <summary>The resource key of the upload page's title.</summary>
    string TitleKey { get; }

    /// <summary>The resource key of the one-line help (what the file holds, how rows are matched).</summary>
    string HelpKey { get; }

    string TemplateRoute => $"/import/templates/{Kind}.xlsx";

    /// <summary>Whether this user may import this list at all (a refused user sees "not found").</summary>
    bool MayImport(UserScope scope);

    /// <summary>The import columns' headings in the current UI culture, in order.</summary>
    Task<IReadOnlyList<string>> HeadingsAsync(CancellationToken ct = default);

    Task<ExcelFile> TemplateAsync(CancellationToken ct = default);

    /// <summary>Reads and checks an upload; nothing is written.</summary>
    Task<ImportPreview> PreviewAsync(UserScope scope, string fileName, byte[] bytes, CancellationToken ct = default);

    /// <summary>Writes the previewed file: all rows or none, refused if the data changed what the preview showed.</summary>
    Task<WriteResult> ImportAsync(UserScope scope, ImportPreview previewed, CancellationToken ct = default);
}

/// <summary>
/// The commit every import shares: inside the one write path and the provider's execution strategy, one transaction
/// in which the same bytes are read and checked again; if the file now has errors or would do something other than
/// what the preview showed, nothing is written; otherwise the feature writes every row, and one <c>ExcelImport</c>
/// audit entry names the file and each row's change (each record also gets its own audit rows from the unit of
/// work). Live notices go out after the commit, as for every write.
/// </summary>
public static class ImportPipeline
{
    public const string AuditType = "ExcelImport";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>
    /// A preview of an upload under a feature's headings (a refusal, or the rows with their outcomes), with the warnings
    /// the feature found (shown above the rows; they never block the import).
    /// </summary>
    public static ImportPreview Preview(string fileName, byte[] bytes, IReadOnlyList<string> headings, ImportRead read, IReadOnlyDictionary<int, ImportOutcome> outcomes,
        IReadOnlyList<RuleViolation>? warnings = null) => new()
    {
        FileName = fileName, Bytes = bytes, Refusal = read.Refusal, Headings = headings, Rows = read.Rows, Outcomes = outcomes, Warnings = warnings ?? [],
    };

    /// <summary>
    /// Runs an import's commit. <paramref name="plan"/> reads and checks the file again on the transaction's context;
    /// <paramref name="write"/> makes the changes of the rows that are not unchanged and returns each row's change
    /// (for the import's audit entry); the pipeline saves, writes the audit entry and commits.
    /// </summary>
    public static Task<WriteResult> CommitAsync<TPlan>(IDbContextFactory<KashiDbContext> factory, ILogger logger, UserScope scope, bool allowed,
        ImportPreview previewed, string list, DateTime nowUtc,
        Func<KashiDbContext, Task<(ImportPreview Preview, TPlan Plan)>> plan,
        Func<KashiDbContext, ImportPreview, TPlan, Task<IReadOnlyList<object>>> write, CancellationToken ct) => SafeWrite.RunAsync(logger, async () =>
    {
        if (!allowed) return WriteResult.NotAllowed;
        return await SafeWrite.InStrategyAsync(factory, async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = scope.Actor;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (preview, state) = await plan(db);
            if (preview.Refusal is { } refusal) return WriteResult.Invalid(string.Empty, refusal);
            if (preview.ErrorRows > 0 || preview.Plan != previewed.Plan) return WriteResult.Invalid(string.Empty, new RuleViolation("Import.ChangedSincePreview"));
            var changes = await write(db, preview, state);
            var summary = JsonSerializer.Serialize(new
            {
                list, file = preview.FileName, rows = preview.Rows.Count,
                added = preview.Count(ImportOutcome.New), updated = preview.Count(ImportOutcome.Update), unchanged = preview.Count(ImportOutcome.Unchanged), changes,
            }, Json);
            db.AuditEntries.Add(new AuditEntry(nowUtc, scope.UserName, scope.UnitId, AuditType, list, AuditAction.Added, null, summary));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Excel import of {List}: {Rows} rows by {User}, {Written} written", list, preview.Rows.Count, scope.UserName, changes.Count);
            return WriteResult.Saved(changes.Count);
        }, ct);
    });
}

/// <summary>
/// The start every import's plan shares: the file read under the user's right to import (refused when the user may
/// not, or when the file cannot be read), the column of a heading, and each row's outcome and the file's warnings as
/// the plan decides them; <see cref="Preview"/> puts them together.
/// </summary>
public sealed class ImportDraft
{
    private readonly string _fileName;
    private readonly byte[] _bytes;
    private readonly List<string> _headings;

    private ImportDraft(string fileName, byte[] bytes, List<string> headings, ImportRead read) =>
        (_fileName, _bytes, _headings, Read) = (fileName, bytes, headings, read);

    public static ImportDraft Start<T>(ExcelImporter importer, ExcelSheet<T> sheet, bool allowed, string fileName, byte[] bytes, CancellationToken ct)
    {
        var headings = sheet.ImportColumns.Select(c => c.HeadingKey).ToList();
        if (!allowed) return new(fileName, bytes, headings, ImportRead.Refused(new RuleViolation("Import.NotAllowed")));
        using var stream = new MemoryStream(bytes, writable: false);
        return new(fileName, bytes, headings, importer.Read(sheet, stream, ct));
    }

    public ImportRead Read { get; }

    /// <summary>Whether the file was refused whole (nothing to plan).</summary>
    public bool Refused => Read.Refusal is not null;

    public Dictionary<int, ImportOutcome> Outcomes { get; } = [];

    public List<RuleViolation> Warnings { get; } = [];

    /// <summary>The index of a heading's cell in each row.</summary>
    public int Col(string key) => _headings.IndexOf(key);

    public ImportPreview Preview() => ImportPipeline.Preview(_fileName, _bytes, _headings, Read, Outcomes, Warnings);
}
