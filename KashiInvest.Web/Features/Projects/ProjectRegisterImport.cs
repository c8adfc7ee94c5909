using KashiInvest.Domain.Access;
using KashiInvest.Domain.Audit;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Projects;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using C = KashiInvest.Web.Features.Projects.ProjectRegisterExcel.Columns;

namespace KashiInvest.Web.Features.Projects;

/// <summary>
/// Imports the project register (项目台账) from a workbook made from its template: <see cref="PreviewAsync"/> reads
/// the upload with the register's column declaration and checks every row against the project rules, the user's
/// scope, the file's other rows and the projects on record; <see cref="ImportAsync"/> reads and checks the same bytes
/// again inside one transaction and writes all rows or none (one audit entry for the import, one per change, live
/// notices after the commit). A row matches a project on record by its code, or else by name and investor (credit
/// code, or investor name when the row has none): equal → unchanged, different → updated (never its stage, which moves
/// through the procedure); so importing the same file again changes nothing.
/// </summary>
public sealed class ProjectRegisterImport(IDbContextFactory<KashiDbContext> factory, ExcelImporter importer, ReferenceCache cache, UiText t,
    TimeProvider clock, WorkGroupThresholds thresholds, IOptions<LimitsOptions> limits, ILogger<ProjectRegisterImport> logger) : IExcelImport
{
    public const string TemplateRoute = "/import/templates/projects.xlsx";
    public const string AuditType = ImportPipeline.AuditType;

    public string Kind => "projects";

    public string TitleKey => "Import.Projects.Title";

    public string HelpKey => "Import.Projects.Help";

    public bool MayImport(UserScope scope) => scope.CanCreateProjects;

    public async Task<IReadOnlyList<string>> HeadingsAsync(CancellationToken ct = default) => importer.Headings((await SheetAsync(ct)).ImportColumns);

    public async Task<ExcelSheet<RegisterRow>> SheetAsync(CancellationToken ct = default) => ProjectRegisterExcel.Sheet(t, await cache.GetAsync(ct));

    public async Task<ExcelFile> TemplateAsync(CancellationToken ct = default) => importer.Template(await SheetAsync(ct));

    /// <summary>Reads and checks an upload; nothing is written.</summary>
    public async Task<ImportPreview> PreviewAsync(UserScope scope, string fileName, byte[] bytes, CancellationToken ct = default)
    {
        var sheet = await SheetAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var (preview, _) = await PlanAsync(db, scope, sheet, fileName, bytes, ct);
        return preview;
    }

    public Task<WriteResult> ImportAsync(UserScope scope, ImportPreview previewed, CancellationToken ct = default) =>
        ImportPipeline.CommitAsync(factory, logger, scope, scope.CanCreateProjects, previewed, Kind, clock.GetUtcNow().UtcDateTime,
            async db => await PlanAsync(db, scope, await SheetAsync(ct), previewed.FileName, previewed.Bytes, ct),
            (db, preview, plans) => WriteAsync(db, scope, preview, plans, ct), ct);

    /// <summary>One checked row: its values and the project on record it matches.</summary>
    private sealed record RowPlan(ImportRow Row, string Name, int HostUnitId, int ChainId, string InvestorName, CreditCode? Code,
        SourceRegionCode? Region, ProjectStage? Stage, decimal Investment, int Jobs, DateOnly? Start, DateOnly? Completion,
        string? ResponsibleLeader, string? LeaderInCharge)
    {
        public Project? Match { get; set; }
        public Investor? Investor { get; set; }

        public ProjectDetails Details(int investorId, IReadOnlyList<MilestoneInput> milestones) => new(Name, Match?.Description, HostUnitId, ChainId, Match?.ChainLinkId,
            investorId, Investment, Jobs, Start, Completion, ResponsibleLeader, LeaderInCharge, milestones);
    }

    private async Task<(ImportPreview Preview, List<RowPlan> Plans)> PlanAsync(KashiDbContext db, UserScope scope, ExcelSheet<RegisterRow> sheet,
        string fileName, byte[] bytes, CancellationToken ct)
    {
        var draft = ImportDraft.Start(importer, sheet, MayImport(scope), fileName, bytes, ct);
        var plans = new List<RowPlan>();
        if (draft.Refused) return (draft.Preview(), plans);
        var (read, outcomes) = (draft.Read, draft.Outcomes);
        int Col(string key) => draft.Col(key);

        var today = BeijingTime.DateOf(clock.GetUtcNow().UtcDateTime);
        foreach (var row in read.Rows)
        {
            T? V<T>(string key) => row.Cells[Col(key)]?.Value is T v ? v : default;
            string? Str(string key) => row.Cells[Col(key)]?.Value as string is { Length: > 0 } s ? s : null;

            int? host = row.Cells[Col(C.Host)]?.Value as int?;
            if (scope.HostIsFixed)
            {
                if (host is { } h && h != scope.UnitId) row.Fail(Col(C.Host), new RuleViolation("Import.HostNotYours"));
                host = scope.UnitId;
            }
            else if (host is null && row.Cells[Col(C.Host)] is null) row.Fail(Col(C.Host), new RuleViolation("Field.Required"));

            CreditCode? code = null;
            if (Str(C.CreditCode) is { } typed)
            {
                if (CreditCode.TryParse(typed, out var parsed, out var violation)) code = parsed;
                else row.Fail(Col(C.CreditCode), violation!);
            }
            var stage = row.Cells[Col(C.Stage)]?.Value as ProjectStage?;
            var region = row.Cells[Col(C.Region)]?.Value as SourceRegionCode?;
            var plan = new RowPlan(row, Str(C.Name) ?? string.Empty, host ?? 0, row.Cells[Col(C.Chain)]?.Value as int? ?? 0,
                Str(C.Investor) ?? string.Empty, code, region, stage, V<decimal?>(C.Investment) ?? 0m, V<int?>(C.Jobs) ?? 0,
                V<DateOnly?>(C.Start), V<DateOnly?>(C.Completion), Str(C.ResponsibleLeader), Str(C.LeaderInCharge));
            var details = plan.Details(1, []);
            foreach (var e in ProjectDetailsRules.Validate(details, today, limits.Value.Lists))
            {
                var column = e.Field switch
                {
                    nameof(ProjectDetails.Name) => C.Name,
                    nameof(ProjectDetails.HostUnitId) => C.Host,
                    nameof(ProjectDetails.ChainId) => C.Chain,
                    nameof(ProjectDetails.PlannedInvestmentWan) => C.Investment,
                    nameof(ProjectDetails.ExpectedJobs) => C.Jobs,
                    nameof(ProjectDetails.PlannedStartOn) => C.Start,
                    nameof(ProjectDetails.PlannedCompletionOn) => C.Completion,
                    nameof(ProjectDetails.ResponsibleLeader) => C.ResponsibleLeader,
                    nameof(ProjectDetails.LeaderInCharge) => C.LeaderInCharge,
                    _ => null,
                };
                if (column is null) row.RowErrors.Add(e.Violation);
                else if (row.Cells[Col(column)]?.Error is null) row.Fail(Col(column), e.Violation);
            }
            plans.Add(plan);
        }

        // Duplicates inside the file: the same code, or the same name with the same investor.
        var seenCodes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var seenKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in plans)
        {
            if (Text(p.Row, Col(C.Code)) is { } projectCode && !seenCodes.TryAdd(projectCode, p.Row.Number))
                p.Row.Fail(Col(C.Code), new RuleViolation("Import.DuplicateRow", seenCodes[projectCode]));
            if (p.Name.Length > 0 && !seenKeys.TryAdd(NameKey(p), p.Row.Number))
                p.Row.Fail(Col(C.Name), new RuleViolation("Import.DuplicateRow", seenKeys[NameKey(p)]));
        }

        // The records on file: the user's projects (by code and by name) and the investors the file names.
        var codes = plans.Select(p => Text(p.Row, Col(C.Code))).OfType<string>().ToList();
        var names = plans.Select(p => p.Name).Where(n => n.Length > 0).Distinct().ToList();
        var projects = await db.Projects.Include(p => p.Milestones).Where(ProjectAccess.VisibleTo(scope))
            .Where(p => codes.Contains(p.Code) || names.Contains(p.Name)).ToListAsync(ct);
        var creditCodes = plans.Where(p => p.Code is not null).Select(p => p.Code!.Value.Value).Distinct().ToList();
        var investorNames = plans.Select(p => p.InvestorName).Where(n => n.Length > 0).Distinct().ToList();
        var investorIds = projects.Select(p => p.InvestorId).Distinct().ToList();
        var investors = await db.Investors.Where(i => creditCodes.Contains(i.CreditCode!) || investorNames.Contains(i.Name) || investorIds.Contains(i.Id)).ToListAsync(ct);
        var byCredit = investors.Where(i => i.CreditCode is not null).GroupBy(i => i.CreditCode!).ToDictionary(g => g.Key, g => g.First());
        var byInvestorName = investors.GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.First());
        var byInvestorId = investors.ToDictionary(i => i.Id);

        foreach (var p in plans)
        {
            var row = p.Row;
            // The investor: on file by credit code (its name must agree), else by name; a new one needs its region.
            if (p.Code is { } cc && byCredit.TryGetValue(cc.Value, out var owner))
            {
                if (owner.Name != p.InvestorName) row.Fail(Col(C.CreditCode), new RuleViolation("Investor.CreditCodeOnFile", owner.Name));
                p.Investor = owner;
            }
            else if (byInvestorName.TryGetValue(p.InvestorName, out var named) && (p.Code is null || named.CreditCode is null))
            {
                p.Investor = named;
            }
            else if (p.Region is null && row.Cells[Col(C.Region)]?.Error is null && p.InvestorName.Length > 0)
            {
                row.Fail(Col(C.Region), new RuleViolation("Import.RegionForNewInvestor"));
            }

            // The project: by code, else by name and investor.
            if (Text(row, Col(C.Code)) is { } projectCode)
            {
                p.Match = projects.FirstOrDefault(x => string.Equals(x.Code, projectCode, StringComparison.OrdinalIgnoreCase));
                if (p.Match is null) row.Fail(Col(C.Code), new RuleViolation("Import.UnknownCode", projectCode));
            }
            else
            {
                var sameName = projects.Where(x => x.Name == p.Name).ToList();
                p.Match = sameName.FirstOrDefault(x => p.Investor is not null && x.InvestorId == p.Investor.Id);
                if (p.Match is null && sameName.FirstOrDefault(x => x.HostUnitId == p.HostUnitId) is { } clash)
                    row.Fail(Col(C.Name), new RuleViolation("Import.DuplicateExisting", clash.Code));
            }
            if (p.Match is { } match)
            {
                if (!ProjectAccess.CanEdit(scope, match) || match.Stage == ProjectStage.Terminated) row.Fail(Col(C.Code), new RuleViolation("Import.CannotEdit", match.Code));
                if (p.Stage is { } stage && stage != match.Stage) row.Fail(Col(C.Stage), new RuleViolation("Import.StageNotChanged", match.Stage));
            }
            if (row.HasErrors) continue;
            outcomes[row.Number] = p.Match is null ? ImportOutcome.New
                : Same(p, p.Match, byInvestorId.GetValueOrDefault(p.Match.InvestorId)) ? ImportOutcome.Unchanged : ImportOutcome.Update;
        }
        return (draft.Preview(), plans);
    }

    private static string? Text(ImportRow row, int column) => row.Cells[column]?.Value as string is { Length: > 0 } s ? s : null;

    private static string NameKey(RowPlan p) => $"{p.Name}\u001f{(p.Code is { } c ? c.Value : p.InvestorName)}";

    private static bool Same(RowPlan p, Project m, Investor? investor) =>
        m.Name == p.Name && m.HostUnitId == p.HostUnitId && m.ChainId == p.ChainId && m.PlannedInvestmentWan == p.Investment
        && m.ExpectedJobs == p.Jobs && m.PlannedStartOn == p.Start && m.PlannedCompletionOn == p.Completion
        && m.ResponsibleLeader == p.ResponsibleLeader && m.LeaderInCharge == p.LeaderInCharge
        && investor is not null && p.Investor?.Id == investor.Id;

    private async Task<IReadOnlyList<object>> WriteAsync(KashiDbContext db, UserScope scope, ImportPreview preview, List<RowPlan> plans, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BeijingTime.DateOf(now);
        var active = plans.Where(p => preview.Outcomes[p.Row.Number] != ImportOutcome.Unchanged).ToList();

        // New investors, one per credit code or name, written first so the projects can refer to them.
        var created = new Dictionary<string, Investor>(StringComparer.Ordinal);
        foreach (var p in active.Where(p => p.Investor is null))
        {
            var key = p.Code is { } c ? c.Value : p.InvestorName;
            if (!created.TryGetValue(key, out var investor))
            {
                investor = new Investor(p.InvestorName, p.Code, InvestorTier.None, p.Region!.Value);
                db.Investors.Add(investor);
                created[key] = investor;
            }
            p.Investor = investor;
        }
        if (created.Count > 0) await db.SaveChangesAsync(ct);

        // Codes for the new projects: one draw, then the counter moves on by the rest, in this transaction.
        var fresh = active.Where(p => p.Match is null).ToList();
        var changes = new List<object>();
        if (fresh.Count > 0)
        {
            var first = await ProjectCodes.NextAsync(db, today.Year, ct);
            var number = int.Parse(first.AsSpan(ProjectCodes.PrefixOf(today.Year).Length), System.Globalization.CultureInfo.InvariantCulture);
            if (fresh.Count > 1)
            {
                await db.ProjectCodeCounters.Where(c => c.Year == today.Year)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + (fresh.Count - 1)), ct);
            }
            foreach (var p in fresh)
            {
                var code = ProjectCodes.Format(today.Year, number++);
                var project = Project.Create(code, p.Details(p.Investor!.Id, []), p.Investor.Tiers,
                    scope.Role is ActorRole.SubBureau or ActorRole.FrontCommand ? scope.UnitId!.Value : p.HostUnitId,
                    scope.Actor, now, thresholds, p.Stage ?? ProjectStage.Lead, limits.Value.Lists);
                db.Projects.Add(project);
                changes.Add(new { row = p.Row.Number, action = "added", code });
            }
        }
        foreach (var p in active.Where(p => p.Match is not null))
        {
            var m = p.Match!;
            var milestones = m.Milestones.Select(x => new MilestoneInput(x.Id, x.Name, x.PlannedOn, x.ReachedOn)).ToList();
            m.Update(p.Details(p.Investor!.Id, milestones), thresholds, now, limits.Value.Lists);
            changes.Add(new { row = p.Row.Number, action = "updated", code = m.Code });
        }
        return changes;
    }
}
