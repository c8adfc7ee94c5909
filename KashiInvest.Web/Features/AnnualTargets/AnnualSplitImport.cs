using System.Globalization;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.AnnualTargets;

/// <summary>One line of the split as the import reads it: the year, the indicator, the unit and its share.</summary>
public sealed record SplitImportRow(int Year, AnnualIndicator Indicator, int UnitId, decimal Share);

/// <summary>
/// Imports the annual target split (the Bureau's division of each indicator's prefecture target among the units of each
/// sequence) from a workbook made from its template, on the shared import module (<see cref="IExcelImport"/>, the shared
/// upload page and <see cref="ImportPipeline"/>): <see cref="PreviewAsync"/> reads
/// the upload and checks every row — the unit and indicator (lists), the share (a number, not negative, whole for
/// project counts), the year's target set and not frozen by a final assessment, the same unit twice — and each
/// sequence's split as the file leaves it: more than the target is an error on its rows (as on the screen), less is a
/// warning naming the remainder. <see cref="ImportAsync"/> checks the same bytes again inside one transaction and writes
/// all rows or none through the domain (<see cref="AnnualTarget.Split"/>), with one audit entry naming each row's change
/// besides the shares' own audit rows. A unit the file does not name keeps its share; a row equal to the record is
/// unchanged, so the same file imported again changes nothing. The Bureau only.
/// </summary>
public sealed class AnnualSplitImport(IDbContextFactory<KashiDbContext> factory, ExcelImporter importer, ReferenceCache cache, UiText t,
    TimeProvider clock, ILogger<AnnualSplitImport> logger) : IExcelImport
{
    public const string ListKind = "annual-targets";
    public const string TemplateRoute = "/import/templates/" + ListKind + ".xlsx";
    public const string PageRoute = "/import/" + ListKind;

    public string Kind => ListKind;

    public string TitleKey => "AnnualTargets.Import.Title";

    public string HelpKey => "AnnualTargets.Import.Help";

    /// <summary>The Bureau only (the one who splits).</summary>
    public bool MayImport(UserScope scope) => AnnualTargetAccess.CanSet(scope);

    /// <summary>The heading keys of the split's import columns.</summary>
    public static class Columns
    {
        public const string Year = "AnnualTargets.Year", Indicator = "AnnualTargets.Indicator", Unit = "AnnualTargets.Unit", Share = "AnnualTargets.Import.Share";
    }

    /// <summary>The assessed units (those with a sequence), in the page's order: KEDZ and counties, sub-bureaus, chain leads.</summary>
    public static IReadOnlyList<UnitInfo> AssessedUnits(ReferenceCache.Snapshot reference) =>
        [.. reference.Units.Where(u => AnnualIndicators.SequenceOf(u.Type) is not null)
            .OrderBy(u => AnnualIndicators.SequenceOf(u.Type)).ThenBy(u => u.Type == Domain.Units.UnitType.DevelopmentZone ? 0 : 1).ThenBy(u => u.Id)];

    public static ExcelSheet<SplitImportRow> Sheet(UiText t, ReferenceCache.Snapshot reference, int exampleYear)
    {
        var units = AssessedUnits(reference);
        return new("AnnualTargets.Import.Title", "annual-targets",
        [
            new(Columns.Year, ExcelKind.Count, r => r.Year) { Required = true, Example = exampleYear },
            new ExcelColumn<SplitImportRow>(Columns.Indicator, ExcelKind.Choice, r => t.Enum(r.Indicator)) { Required = true, Example = t.Enum(AnnualIndicator.OutOfRegionFunds) }
                .With(ExcelChoices.Enum(t, AnnualIndicators.All)),
            new ExcelColumn<SplitImportRow>(Columns.Unit, ExcelKind.Choice, r => reference.UnitName(r.UnitId)) { Required = true, Example = units.FirstOrDefault()?.Display }
                .With(ExcelChoices.Named(units, u => u.Id, u => u.Display, u => [u.Name, u.NameEn, u.Code])),
            // Text, read as a number here: the share is 万元 for a money indicator and a number of projects otherwise.
            new(Columns.Share, ExcelKind.Text, r => r.Share.ToString(CultureInfo.InvariantCulture)) { Required = true, MaxLength = 30, Example = "50000" },
        ]);
    }

    public async Task<ExcelSheet<SplitImportRow>> SheetAsync(CancellationToken ct = default) =>
        Sheet(t, await cache.GetAsync(ct), BeijingTime.Today(clock).Year);

    public async Task<IReadOnlyList<string>> HeadingsAsync(CancellationToken ct = default) => importer.Headings((await SheetAsync(ct)).ImportColumns);

    public async Task<ExcelFile> TemplateAsync(CancellationToken ct = default) => importer.Template(await SheetAsync(ct));

    /// <summary>Reads and checks an upload; nothing is written.</summary>
    public async Task<ImportPreview> PreviewAsync(UserScope scope, string fileName, byte[] bytes, CancellationToken ct = default)
    {
        var sheet = await SheetAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var (preview, _) = await PlanAsync(db, scope, sheet, fileName, bytes, ct);
        return preview;
    }

    /// <summary>Writes the previewed file: all rows or none, refused if the data changed what the preview showed.</summary>
    public Task<WriteResult> ImportAsync(UserScope scope, ImportPreview previewed, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return ImportPipeline.CommitAsync(factory, logger, scope, MayImport(scope), previewed, Kind, now,
            async db => await PlanAsync(db, scope, await SheetAsync(ct), previewed.FileName, previewed.Bytes, ct),
            (db, preview, plans) => WriteAsync(scope, preview, plans, now, ct), ct);
    }

    private sealed record RowPlan(ImportRow Row, int Year, AnnualIndicator Indicator, int UnitId, AssessmentSequence Sequence, decimal Share)
    {
        public AnnualTarget? Target { get; set; }
        public decimal? Before { get; set; }
    }

    private async Task<(ImportPreview Preview, List<RowPlan> Plans)> PlanAsync(KashiDbContext db, UserScope scope, ExcelSheet<SplitImportRow> sheet,
        string fileName, byte[] bytes, CancellationToken ct)
    {
        var draft = ImportDraft.Start(importer, sheet, MayImport(scope), fileName, bytes, ct);
        var plans = new List<RowPlan>();
        if (draft.Refused) return (draft.Preview(), plans);
        var (read, outcomes) = (draft.Read, draft.Outcomes);
        int Col(string key) => draft.Col(key);
        var warnings = draft.Warnings;

        var reference = await cache.GetAsync(ct);
        var years = read.Rows.Select(r => r.Cells[Col(Columns.Year)]?.Value as int?).OfType<int>().Distinct().ToList();
        var targets = await db.AnnualTargets.Include(x => x.Shares).Where(x => years.Contains(x.Year)).ToListAsync(ct);
        var frozen = await db.Set<AssessmentScheme>().AsNoTracking().Where(s => years.Contains(s.Year) && s.FrozenAtUtc != null).Select(s => s.Year).ToListAsync(ct);
        var seen = new Dictionary<(int, AnnualIndicator, int), int>();

        foreach (var row in read.Rows)
        {
            var year = row.Cells[Col(Columns.Year)]?.Value as int?;
            var indicator = row.Cells[Col(Columns.Indicator)]?.Value as AnnualIndicator?;
            var unitId = row.Cells[Col(Columns.Unit)]?.Value as int?;
            decimal? share = null;
            if (row.Cells[Col(Columns.Share)] is { Error: null } cell)
            {
                if (decimal.TryParse(cell.Shown.Replace(",", string.Empty, StringComparison.Ordinal).Replace("，", string.Empty, StringComparison.Ordinal),
                        NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) share = d;
                else row.Fail(Col(Columns.Share), new RuleViolation("Import.NotANumber", cell.Shown));
            }
            if (year is { } y && (y is < AnnualTarget.FirstYear or > AnnualTarget.LastYear))
            {
                row.Fail(Col(Columns.Year), new RuleViolation("AnnualTarget.Year", y));
                year = null;
            }
            else if (year is { } fy && frozen.Contains(fy))
            {
                row.Fail(Col(Columns.Year), new RuleViolation("AnnualTarget.YearFrozen", fy));
            }
            if (indicator is { } ind && share is { } s && AnnualTarget.CheckAmount(ind, s) is { } bad) row.Fail(Col(Columns.Share), bad);
            if (year is not { } yr || indicator is not { } i || unitId is not { } u || share is not { } amount) continue;

            var target = targets.FirstOrDefault(x => x.Year == yr && x.Indicator == i);
            if (target is null) row.Fail(Col(Columns.Indicator), new RuleViolation("AnnualTarget.Import.NoTarget", yr, i));
            if (!seen.TryAdd((yr, i, u), row.Number)) row.Fail(Col(Columns.Unit), new RuleViolation("Import.DuplicateRow", seen[(yr, i, u)]));
            var sequence = AnnualIndicators.SequenceOf(reference.Unit(u)!.Type)!.Value;
            plans.Add(new RowPlan(row, yr, i, u, sequence, amount) { Target = target, Before = target?.ShareOf(u) });
        }

        // Each sequence's split as the file leaves it (the units it does not name keep their shares): over → error, under → the remainder as a warning.
        // (Rows already wrong are left out: a negative or unknown share would make a remainder that means nothing.)
        foreach (var group in plans.Where(p => p.Target is not null && !p.Row.HasErrors).GroupBy(p => (p.Target!, p.Sequence)))
        {
            var (target, sequence) = group.Key;
            var lines = Lines(target, sequence, group, reference);
            var sum = lines.Sum(l => l.Amount);
            if (sum > target.Amount)
            {
                var over = new RuleViolation("AnnualTarget.OverSplit", sequence, Arg(target.Indicator, sum), Arg(target.Indicator, target.Amount));
                foreach (var p in group) p.Row.Fail(Col(Columns.Share), over);
            }
            else if (sum < target.Amount)
            {
                warnings.Add(new RuleViolation("AnnualTarget.Import.Remainder", target.Year, target.Indicator, sequence, Arg(target.Indicator, target.Amount - sum)));
            }
        }

        foreach (var p in plans)
        {
            if (p.Row.HasErrors) continue;
            outcomes[p.Row.Number] = p.Before is null ? ImportOutcome.New : p.Before == p.Share ? ImportOutcome.Unchanged : ImportOutcome.Update;
        }
        return (draft.Preview(), plans);
    }

    /// <summary>A sequence's split after the file: the target's shares of the sequence, with the file's rows replacing or adding theirs.</summary>
    private static List<SplitLine> Lines(AnnualTarget target, AssessmentSequence sequence, IEnumerable<RowPlan> rows, ReferenceCache.Snapshot reference)
    {
        var byUnit = target.SharesOf(sequence).ToDictionary(s => s.UnitId, s => s.Amount);
        foreach (var p in rows) byUnit[p.UnitId] = p.Share;
        return [.. byUnit.Select(x => new SplitLine(x.Key, reference.Unit(x.Key)!.Type, x.Value))];
    }

    private static object Arg(AnnualIndicator indicator, decimal amount) => indicator.IsMoney() ? amount : (object)(long)amount;

    /// <summary>Splits each sequence the file changes, through the domain; returns each changed row for the pipeline's audit entry.</summary>
    private async Task<IReadOnlyList<object>> WriteAsync(UserScope scope, ImportPreview preview, List<RowPlan> plans, DateTime nowUtc, CancellationToken ct)
    {
        var reference = await cache.GetAsync(ct);
        var active = plans.Where(p => preview.Outcomes[p.Row.Number] != ImportOutcome.Unchanged).ToList();
        foreach (var group in active.GroupBy(p => (p.Target!, p.Sequence)))
        {
            var (target, sequence) = group.Key;
            target.Split(sequence, Lines(target, sequence, group, reference), scope.Actor, nowUtc);
        }
        return [.. active.Select(p => (object)new { row = p.Row.Number, year = p.Year, indicator = p.Indicator.ToString(), unit = p.UnitId, before = p.Before, after = p.Share })];
    }
}
