using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;
using C = KashiInvest.Web.Features.Problems.LedgerExcel.Columns;

namespace KashiInvest.Web.Features.Problems;

/// <summary>
/// Imports problem-ledger entries (问题台账) that a county (or any unit that keeps a ledger) already keeps in Excel, with
/// the ledger export's column declaration (<see cref="LedgerExcel.Sheet"/>) and the shared preview and commit
/// (<see cref="ImportPipeline"/>). A row names its project by code — one the user may record problems on
/// (<see cref="ProblemAccess.CanRaise"/>: a county only its own projects) — and is checked as the "record a problem"
/// dialog checks it (<see cref="ProblemCommands.Validate"/>). The ledger has no code of its own, so a row matches an
/// entry by project and description: the same details → unchanged (importing the same file again changes nothing);
/// other details → an error on the row (a recorded entry moves through the ledger's own actions: assign, escalate,
/// resolve). New rows are recorded as new entries owned by the unit given, or by the project's host.
/// </summary>
public sealed class ProblemLedgerImport(IDbContextFactory<KashiDbContext> factory, ExcelImporter importer, ReferenceCache cache, UiText t,
    TimeProvider clock, ILogger<ProblemLedgerImport> logger) : IExcelImport
{
    public string Kind => "problems";

    public string TitleKey => "Import.Problems.Title";

    public string HelpKey => "Import.Problems.Help";

    /// <summary>Those who keep a ledger: not the wall, departments or leaders (who read it).</summary>
    public bool MayImport(UserScope scope) => scope.Role is not (ActorRole.Display or ActorRole.Department or ActorRole.Leader);

    public async Task<ExcelSheet<LedgerCard>> SheetAsync(CancellationToken ct = default) => LedgerExcel.Sheet(t, await cache.GetAsync(ct));

    public async Task<IReadOnlyList<string>> HeadingsAsync(CancellationToken ct = default) => importer.Headings((await SheetAsync(ct)).ImportColumns);

    public async Task<ExcelFile> TemplateAsync(CancellationToken ct = default) => importer.Template(await SheetAsync(ct));

    public async Task<ImportPreview> PreviewAsync(UserScope scope, string fileName, byte[] bytes, CancellationToken ct = default)
    {
        var sheet = await SheetAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await PlanAsync(db, scope, sheet, fileName, bytes, clock.GetUtcNow().UtcDateTime, ct)).Preview;
    }

    public Task<WriteResult> ImportAsync(UserScope scope, ImportPreview previewed, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return ImportPipeline.CommitAsync(factory, logger, scope, MayImport(scope), previewed, Kind, now,
            async db => await PlanAsync(db, scope, await SheetAsync(ct), previewed.FileName, previewed.Bytes, now, ct),
            (db, preview, plans) => Task.FromResult(Write(db, scope, preview, plans, now)), ct);
    }

    private sealed record ProjectInfo(int Id, string Code, int HostUnitId, int ChainId, int SourceUnitId, ProjectStage Stage);

    /// <summary>One checked row: the entry it describes, its project, and the entry on record it matches.</summary>
    private sealed record RowPlan(ImportRow Row, NewProblem Input, ProjectInfo? Project)
    {
        public Problem? Match { get; set; }
    }

    private async Task<(ImportPreview Preview, List<RowPlan> Plans)> PlanAsync(KashiDbContext db, UserScope scope, ExcelSheet<LedgerCard> sheet,
        string fileName, byte[] bytes, DateTime now, CancellationToken ct)
    {
        var draft = ImportDraft.Start(importer, sheet, MayImport(scope), fileName, bytes, ct);
        var plans = new List<RowPlan>();
        if (draft.Refused) return (draft.Preview(), plans);
        var (read, outcomes) = (draft.Read, draft.Outcomes);
        int Col(string key) => draft.Col(key);

        // The projects the file names, as the user sees them.
        var codes = read.Rows.Select(r => r.Cells[Col(C.Code)]?.Value as string).OfType<string>().Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => codes.Contains(p.Code))
            .Select(p => new ProjectInfo(p.Id, p.Code, p.HostUnitId, p.ChainId, p.SourceUnitId, p.Stage)).ToListAsync(ct);
        var byCode = projects.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
        var projectIds = projects.Select(p => p.Id).ToList();
        var onFile = await db.Problems.Where(p => projectIds.Contains(p.ProjectId)).ToListAsync(ct);

        var today = BeijingTime.DateOf(now);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in read.Rows)
        {
            string? Str(string key) => row.Cells[Col(key)]?.Value as string is { Length: > 0 } s ? s : null;
            ProjectInfo? project = null;
            if (Str(C.Code) is { } code)
            {
                if (byCode.TryGetValue(code, out var found) && ProblemAccess.CanRaise(scope, new ProjectKey(found.Id, found.HostUnitId, found.ChainId, found.SourceUnitId)))
                {
                    project = found;
                    if (found.Stage == ProjectStage.Terminated) row.Fail(Col(C.Code), new RuleViolation("Project.Terminated"));
                }
                else row.Fail(Col(C.Code), new RuleViolation("Import.UnknownCode", code));
            }
            var input = new NewProblem(
                row.Cells[Col(C.Category)]?.Value as ProblemCategory? ?? ProblemCategory.Other,
                row.Cells[Col(C.Factor)]?.Value as FactorKind?,
                Str(C.Description) ?? string.Empty,
                row.Cells[Col(C.Severity)]?.Value as ProblemSeverity? ?? ProblemSeverity.Medium,
                row.Cells[Col(C.Owner)]?.Value as int? ?? project?.HostUnitId,
                row.Cells[Col(C.Due)]?.Value as DateOnly?);
            var plan = new RowPlan(row, input, project);
            var description = input.Description.Trim();
            if (project is not null && description.Length > 0)
            {
                plan.Match = onFile.FirstOrDefault(p => p.ProjectId == project.Id && p.Description == description);
                var key = $"{project.Id}\u001f{description}";
                if (!seen.TryAdd(key, row.Number)) row.Fail(Col(C.Description), new RuleViolation("Import.DuplicateRow", seen[key]));
            }
            foreach (var e in ProblemCommands.Validate(input, today))
            {
                // A recorded entry may be overdue: its due day is the ledger's, not the file's to check.
                if (plan.Match is not null && e.Violation.Code == "Problem.DueInPast") continue;
                var column = e.Field switch
                {
                    nameof(NewProblem.Description) => C.Description,
                    nameof(NewProblem.Factor) => C.Factor,
                    nameof(NewProblem.OwnerUnitId) => C.Owner,
                    nameof(NewProblem.DueOn) => C.Due,
                    nameof(NewProblem.Category) => C.Category,
                    nameof(NewProblem.Severity) => C.Severity,
                    _ => null,
                };
                if (column is null) row.RowErrors.Add(e.Violation);
                else if (row.Cells[Col(column)]?.Error is null) row.Fail(Col(column), e.Violation);
            }
            if (plan.Match is { } m && !row.HasErrors && !Equal(input, m))
                row.Fail(Col(C.Description), new RuleViolation("Import.ProblemOnFile"));
            plans.Add(plan);
            if (!row.HasErrors) outcomes[row.Number] = plan.Match is null ? ImportOutcome.New : ImportOutcome.Unchanged;
        }
        return (draft.Preview(), plans);
    }

    private static bool Equal(NewProblem i, Problem m) =>
        m.Category == i.Category && m.Factor == (i.Category == ProblemCategory.FactorSupply ? i.Factor : null) && m.Severity == i.Severity
        && m.OwnerUnitId == i.OwnerUnitId && m.DueOn == i.DueOn;

    private static IReadOnlyList<object> Write(KashiDbContext db, UserScope scope, ImportPreview preview, List<RowPlan> plans, DateTime now)
    {
        var changes = new List<object>();
        foreach (var p in plans.Where(p => preview.Outcomes.TryGetValue(p.Row.Number, out var o) && o == ImportOutcome.New))
        {
            var i = p.Input;
            db.Problems.Add(new Problem(p.Project!.Id, i.Category, i.Factor, i.Description, i.Severity, i.OwnerUnitId!.Value, i.DueOn!.Value, scope.Actor, now));
            changes.Add(new
            {
                row = p.Row.Number, action = "added", project = p.Project.Code,
                after = new { Category = i.Category.ToString(), Factor = i.Factor?.ToString(), i.Description, Severity = i.Severity.ToString(), Owner = i.OwnerUnitId, Due = i.DueOn },
            });
        }
        return changes;
    }
}
