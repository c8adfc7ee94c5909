using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;
using C = KashiInvest.Web.Features.Targets.TargetsExcel.Columns;

namespace KashiInvest.Web.Features.Targets;

/// <summary>
/// Imports the Bureau's target-enterprise library (目标企业库) from a workbook made from its template, with the same
/// column declaration as the library's export (<see cref="TargetsExcel.Sheet"/>) and the shared preview and commit
/// (<see cref="ImportPipeline"/>). Every row is checked against the entry's own rules
/// (<see cref="TargetEnterprise.Validate"/>: the credit code with the check character it should have), its chain and
/// link (the link must belong to the chain), its tiers, the file's other rows (same credit code or same name) and the
/// library on record. A row matches an entry by credit code, or — when either has none — by its normalized name:
/// equal → unchanged, different → updated; so importing the same file again changes nothing.
/// </summary>
public sealed class TargetLibraryImport(IDbContextFactory<KashiDbContext> factory, ExcelImporter importer, ReferenceCache cache, UiText t,
    TimeProvider clock, ILogger<TargetLibraryImport> logger) : IExcelImport
{
    public string Kind => "targets";

    public string TitleKey => "Import.Targets.Title";

    public string HelpKey => "Import.Targets.Help";

    public bool MayImport(UserScope scope) => TargetAccess.CanManageTargets(scope);

    public async Task<ExcelSheet<TargetRow>> SheetAsync(CancellationToken ct = default) => TargetsExcel.Sheet(t, await cache.GetAsync(ct));

    public async Task<IReadOnlyList<string>> HeadingsAsync(CancellationToken ct = default) => importer.Headings((await SheetAsync(ct)).ImportColumns);

    public async Task<ExcelFile> TemplateAsync(CancellationToken ct = default) => importer.Template(await SheetAsync(ct));

    public async Task<ImportPreview> PreviewAsync(UserScope scope, string fileName, byte[] bytes, CancellationToken ct = default)
    {
        var sheet = await SheetAsync(ct);
        var reference = await cache.GetAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await PlanAsync(db, scope, sheet, reference, fileName, bytes, ct)).Preview;
    }

    public Task<WriteResult> ImportAsync(UserScope scope, ImportPreview previewed, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return ImportPipeline.CommitAsync(factory, logger, scope, MayImport(scope), previewed, Kind, now,
            async db => await PlanAsync(db, scope, await SheetAsync(ct), await cache.GetAsync(ct), previewed.FileName, previewed.Bytes, ct),
            (db, preview, plans) => Task.FromResult(Write(db, scope, preview, plans, now)), ct);
    }

    /// <summary>One checked row: the entry it describes and the entry on record it matches.</summary>
    private sealed record RowPlan(ImportRow Row, TargetInput Input, string NameKey)
    {
        public TargetEnterprise? Match { get; set; }
    }

    private async Task<(ImportPreview Preview, List<RowPlan> Plans)> PlanAsync(KashiDbContext db, UserScope scope, ExcelSheet<TargetRow> sheet,
        ReferenceCache.Snapshot reference, string fileName, byte[] bytes, CancellationToken ct)
    {
        var draft = ImportDraft.Start(importer, sheet, MayImport(scope), fileName, bytes, ct);
        var plans = new List<RowPlan>();
        if (draft.Refused) return (draft.Preview(), plans);
        var (read, outcomes) = (draft.Read, draft.Outcomes);
        int Col(string key) => draft.Col(key);

        var tiers = ExcelChoices.Enum(t, InvestorTiers.All);
        foreach (var row in read.Rows)
        {
            string? Str(string key) => row.Cells[Col(key)]?.Value as string is { Length: > 0 } s ? s : null;
            var chainId = row.Cells[Col(C.Chain)]?.Value as int? ?? 0;

            int? linkId = null;
            if (Str(C.Link) is { } linkName && chainId > 0)
            {
                var chain = reference.Chains.First(c => c.Id == chainId);
                var link = chain.Links.FirstOrDefault(l => Same(l.Name, linkName) || Same(l.NameEn, linkName));
                if (link is not null) linkId = link.Id;
                else row.Fail(Col(C.Link), new RuleViolation("Project.LinkNotInChain"));
            }

            var tier = InvestorTier.None;
            if (Str(C.Tiers) is { } tierText)
            {
                foreach (var part in tierText.Split(TierSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (tiers.Resolve(part) is InvestorTier one) tier |= one;
                    else if (tiers.Resolve(part) is null && !Same(part, t.Enum(InvestorTier.None))) { row.Fail(Col(C.Tiers), new RuleViolation("Import.UnknownChoice", part)); break; }
                }
            }

            var input = new TargetInput(Str(C.Name) ?? string.Empty, Str(C.CreditCode), chainId, linkId,
                row.Cells[Col(C.Region)]?.Value as SourceRegionCode? ?? SourceRegionCode.PearlRiverDelta, tier, Str(C.Notes));
            foreach (var e in TargetEnterprise.Validate(input))
            {
                var column = e.Field switch
                {
                    nameof(TargetInput.Name) => C.Name,
                    nameof(TargetInput.CreditCode) => C.CreditCode,
                    nameof(TargetInput.ChainId) => C.Chain,
                    nameof(TargetInput.Notes) => C.Notes,
                    _ => null,
                };
                if (column is null) row.RowErrors.Add(e.Violation);
                else if (row.Cells[Col(column)]?.Error is null) row.Fail(Col(column), e.Violation);
            }
            // The code as the library stores it (upper case), so that matching and comparing use one spelling.
            if (input.CreditCode is { } cc && row.Cells[Col(C.CreditCode)]?.Error is null) input = input with { CreditCode = CreditCode.Parse(cc).Value };
            plans.Add(new RowPlan(row, input, InvestorMatching.NormalizeName(input.Name)));
        }

        // Duplicates inside the file: the same credit code, or the same name.
        var seenCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenNames = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in plans)
        {
            if (p.Input.CreditCode is { } code && !seenCodes.TryAdd(code, p.Row.Number))
                p.Row.Fail(Col(C.CreditCode), new RuleViolation("Import.DuplicateRow", seenCodes[code]));
            if (p.NameKey.Length > 0 && !seenNames.TryAdd(p.NameKey, p.Row.Number))
                p.Row.Fail(Col(C.Name), new RuleViolation("Import.DuplicateRow", seenNames[p.NameKey]));
        }

        // The library on record: the entries the file names by credit code or by name.
        var codes = plans.Select(p => p.Input.CreditCode).OfType<string>().Distinct().ToList();
        var names = plans.Select(p => p.NameKey).Where(n => n.Length > 0).Distinct().ToList();
        var entries = await db.TargetEnterprises.Where(x => (x.CreditCode != null && codes.Contains(x.CreditCode)) || names.Contains(x.NameKey)).ToListAsync(ct);
        var byCode = entries.Where(x => x.CreditCode is not null).ToDictionary(x => x.CreditCode!, StringComparer.Ordinal);
        var byName = entries.GroupBy(x => x.NameKey).ToDictionary(g => g.Key, g => g.ToList());

        foreach (var p in plans)
        {
            var row = p.Row;
            if (p.Input.CreditCode is { } code && byCode.TryGetValue(code, out var owner)) p.Match = owner;
            else if (byName.TryGetValue(p.NameKey, out var named))
            {
                // By name: an entry without a code (the row may give it one), or the row has none; another code is another enterprise.
                p.Match = named.FirstOrDefault(x => x.CreditCode is null || p.Input.CreditCode is null);
                if (p.Match is null) row.Fail(Col(C.Name), new RuleViolation("Import.DuplicateExisting", named[0].CreditCode ?? named[0].Name));
            }
            if (row.HasErrors) continue;
            outcomes[row.Number] = p.Match is null ? ImportOutcome.New : Equal(p.Input, p.Match) ? ImportOutcome.Unchanged : ImportOutcome.Update;
        }
        // Two rows may not land on the same entry (e.g. one by code, one by name).
        foreach (var g in plans.Where(p => p.Match is not null).GroupBy(p => p.Match!.Id).Where(g => g.Count() > 1))
        {
            var first = g.First().Row.Number;
            foreach (var p in g.Skip(1))
            {
                p.Row.Fail(Col(C.Name), new RuleViolation("Import.DuplicateRow", first));
                outcomes.Remove(p.Row.Number);
            }
        }
        return (draft.Preview(), plans);
    }

    private static readonly char[] TierSeparators = ['、', ',', '，', ';', '；', '/', '\n'];

    private static bool Same(string? a, string b) => string.Equals(a?.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool Equal(TargetInput i, TargetEnterprise m) =>
        m.Name == i.Name.Trim() && m.CreditCode == i.CreditCode && m.ChainId == i.ChainId && m.ChainLinkId == i.ChainLinkId
        && m.Region == i.Region && m.Tiers == i.Tiers && m.Notes == (string.IsNullOrWhiteSpace(i.Notes) ? null : i.Notes.Trim());

    private static IReadOnlyList<object> Write(KashiDbContext db, UserScope scope, ImportPreview preview, List<RowPlan> plans, DateTime now)
    {
        var changes = new List<object>();
        foreach (var p in plans.Where(p => preview.Outcomes[p.Row.Number] != ImportOutcome.Unchanged))
        {
            if (p.Match is { } m)
            {
                var before = new { m.Name, m.CreditCode, m.ChainId, m.ChainLinkId, Region = m.Region.ToString(), Tiers = m.Tiers.ToString(), m.Notes };
                m.Update(p.Input, now);
                changes.Add(new { row = p.Row.Number, action = "updated", id = m.Id, before, after = After(p.Input) });
            }
            else
            {
                db.TargetEnterprises.Add(TargetEnterprise.Create(p.Input, scope.Actor, now));
                changes.Add(new { row = p.Row.Number, action = "added", after = After(p.Input) });
            }
        }
        return changes;
    }

    private static object After(TargetInput i) => new { i.Name, i.CreditCode, i.ChainId, i.ChainLinkId, Region = i.Region.ToString(), Tiers = i.Tiers.ToString(), i.Notes };
}
