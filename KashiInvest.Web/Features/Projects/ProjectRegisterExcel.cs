using System.Globalization;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Projects;

/// <summary>
/// The project register as a workbook: its columns declared once, the filters carried in the link's query string
/// (the same <see cref="RegisterFilter"/> the page applies), and <c>GET /export/projects.xlsx</c>, which reads the
/// rows under the signed-in user's scope with the register's own query: the file holds what the screen lists.
/// </summary>
public static class ProjectRegisterExcel
{
    public const string Route = "/export/projects.xlsx";

    /// <summary>The most rows one export carries (far above any county's or the prefecture's register).</summary>
    public const int MaxRows = 20_000;

    /// <summary>
    /// The register's columns, declared once for the export, the import template, the preview and the import: the
    /// tier, work-group level and last update are the platform's (export only); the investor's credit code and region,
    /// the planned dates and the leaders are read from uploads (the list screen does not show them).
    /// </summary>
    public static ExcelSheet<RegisterRow> Sheet(UiText t, ReferenceCache.Snapshot reference)
    {
        var zh = Localized.IsChinese;
        var hosts = reference.HostUnits.ToList();
        return new("Register.Title", "projects",
        [
            new(Columns.Code, ExcelKind.Text, r => r.Code) { MaxLength = 30 },
            new(Columns.Name, ExcelKind.Text, r => r.Name) { Required = true, MaxLength = ProjectDetailsRules.NameMaxLength, Example = zh ? "纺织服装产业园二期" : "Textile park phase II" },
            new ExcelColumn<RegisterRow>(Columns.Host, ExcelKind.Choice, r => reference.UnitName(r.HostUnitId)) { Example = hosts.FirstOrDefault()?.Display }
                .With(ExcelChoices.Named(hosts, u => u.Id, u => u.Display, u => [u.Name, u.NameEn, u.Code])),
            new ExcelColumn<RegisterRow>(Columns.Chain, ExcelKind.Choice, r => reference.ChainName(r.ChainId)) { Required = true, Example = reference.Chains.FirstOrDefault()?.Display }
                .With(ExcelChoices.Named(reference.Chains, c => c.Id, c => c.Display, c => [c.Name, c.NameEn, c.Code])),
            new(Columns.Investor, ExcelKind.Text, r => r.InvestorName) { Required = true, MaxLength = Investor.NameMaxLength, Example = zh ? "广东某纺织集团有限公司" : "Guangdong Textile Group Co., Ltd." },
            new(Columns.CreditCode, ExcelKind.Text, _ => null) { Use = ExcelUse.ImportOnly, MaxLength = 30, Example = CreditCode.Complete("91440101MA5CXK2T3").Value },
            new ExcelColumn<RegisterRow>(Columns.Region, ExcelKind.Choice, _ => null) { Use = ExcelUse.ImportOnly, Example = t.Enum(SourceRegionCode.PearlRiverDelta) }
                .With(ExcelChoices.Enum(t, Enum.GetValues<SourceRegionCode>())),
            new(Columns.Tier, ExcelKind.Text, r => t.Tiers(r.Tiers)) { Use = ExcelUse.ExportOnly },
            new ExcelColumn<RegisterRow>(Columns.Stage, ExcelKind.Choice, r => t.Enum(r.Stage)) { Example = t.Enum(ProjectStage.Negotiating) }
                .With(ExcelChoices.Enum(t, ImportableStages)),
            new(Columns.Level, ExcelKind.Choice, r => t.Enum(r.Level)) { Use = ExcelUse.ExportOnly },
            new(Columns.Investment, ExcelKind.Money, r => r.InvestmentWan) { Required = true, Example = 50000m },
            new(Columns.Jobs, ExcelKind.Count, r => r.Jobs) { Required = true, Example = 800 },
            new(Columns.Start, ExcelKind.Date, _ => null) { Use = ExcelUse.ImportOnly, Example = new DateOnly(2027, 3, 1) },
            new(Columns.Completion, ExcelKind.Date, _ => null) { Use = ExcelUse.ImportOnly, Example = new DateOnly(2028, 6, 30) },
            new(Columns.ResponsibleLeader, ExcelKind.Text, _ => null) { Use = ExcelUse.ImportOnly, MaxLength = ProjectDetailsRules.PersonMaxLength, Example = zh ? "王某某" : "Wang" },
            new(Columns.LeaderInCharge, ExcelKind.Text, _ => null) { Use = ExcelUse.ImportOnly, MaxLength = ProjectDetailsRules.PersonMaxLength, Example = zh ? "李某某" : "Li" },
            new(Columns.Updated, ExcelKind.Date, r => r.UpdatedAtUtc) { Use = ExcelUse.ExportOnly },
        ]);
    }

    /// <summary>The stages a project may be entered at from a ledger (a terminated project is not imported).</summary>
    public static readonly IReadOnlyList<ProjectStage> ImportableStages = [.. Enum.GetValues<ProjectStage>().Where(s => s != ProjectStage.Terminated)];

    /// <summary>The heading keys of the register's columns, which also name them in the import.</summary>
    public static class Columns
    {
        public const string Code = "Project.Code", Name = "Project.Name", Host = "Project.HostUnit", Chain = "Project.Chain",
            Investor = "Project.Investor", CreditCode = "Investor.CreditCode", Region = "Investor.Region", Tier = "Investor.Tier",
            Stage = "Project.Stage", Level = "Register.Col.Level", Investment = "Project.PlannedInvestment", Jobs = "Register.Col.Jobs",
            Start = "Form.PlannedStart", Completion = "Form.PlannedCompletion", ResponsibleLeader = "Project.ResponsibleLeader",
            LeaderInCharge = "Project.LeaderInCharge", Updated = "Register.Col.Updated";
    }

    /// <summary>The export link for the register's current filters and order.</summary>
    public static string Link(RegisterFilter filter, string? sortBy = null, bool descending = true)
    {
        var query = new Dictionary<string, string?>
        {
            ["host"] = filter.HostUnitId?.ToString(CultureInfo.InvariantCulture),
            ["chain"] = filter.ChainId?.ToString(CultureInfo.InvariantCulture),
            ["stage"] = filter.Stage?.ToString(),
            ["tier"] = filter.Tier?.ToString(),
            ["tiered"] = filter.Tiered is { } tiered ? (tiered ? "true" : "false") : null,
            ["level"] = filter.Level?.ToString(),
            ["min"] = filter.MinWan?.ToString(CultureInfo.InvariantCulture),
            ["max"] = filter.MaxWan?.ToString(CultureInfo.InvariantCulture),
            ["q"] = string.IsNullOrWhiteSpace(filter.Search) ? null : filter.Search.Trim(),
            ["sort"] = sortBy,
            ["desc"] = sortBy is null ? null : descending ? "true" : "false",
        };
        return QueryHelpers.AddQueryString(Route, query.Where(p => p.Value is not null));
    }

    /// <summary>The filters of an export link; a value that does not parse is ignored (as if not chosen).</summary>
    public static RegisterFilter Filter(IQueryCollection q) => new()
    {
        HostUnitId = int.TryParse(q["host"], NumberStyles.None, CultureInfo.InvariantCulture, out var host) ? host : null,
        ChainId = int.TryParse(q["chain"], NumberStyles.None, CultureInfo.InvariantCulture, out var chain) ? chain : null,
        Stage = Enum.TryParse<ProjectStage>(q["stage"], out var stage) && Enum.IsDefined(stage) ? stage : null,
        Tier = Enum.TryParse<InvestorTier>(q["tier"], out var tier) && InvestorTiers.All.Contains(tier) ? tier : null,
        Tiered = bool.TryParse(q["tiered"], out var tiered) ? tiered : null,
        Level = Enum.TryParse<WorkGroupLevel>(q["level"], out var level) && Enum.IsDefined(level) ? level : null,
        MinWan = decimal.TryParse(q["min"], NumberStyles.Number, CultureInfo.InvariantCulture, out var min) ? min : null,
        MaxWan = decimal.TryParse(q["max"], NumberStyles.Number, CultureInfo.InvariantCulture, out var max) ? max : null,
        Search = string.IsNullOrWhiteSpace(q["q"]) ? null : q["q"].ToString(),
    };

    /// <summary>The filters as the title row names them, with the values as the page shows them.</summary>
    public static IReadOnlyList<ExcelFilter> Describe(RegisterFilter f, UiText t, ReferenceCache.Snapshot reference)
    {
        var list = new List<ExcelFilter>();
        if (!string.IsNullOrWhiteSpace(f.Search)) list.Add(new("Register.Search", f.Search.Trim()));
        if (f.HostUnitId is { } host) list.Add(new("Project.HostUnit", reference.UnitName(host)));
        if (f.ChainId is { } chain) list.Add(new("Project.Chain", reference.ChainName(chain)));
        if (f.Stage is { } stage) list.Add(new("Project.Stage", t.Enum(stage)));
        if (f.Tier is { } tier) list.Add(new("Investor.Tier", t.Enum(tier)));
        if (f.Tiered is { } tiered) list.Add(new("Investor.Tier", tiered ? t["Register.AnyTier"] : t["InvestorTier.None"]));
        if (f.Level is { } level) list.Add(new("Project.WorkGroupLevel", t.Enum(level)));
        if (f.MinWan is { } min) list.Add(new("Register.MinWan", min.ToString("#,##0.##", CultureInfo.InvariantCulture)));
        if (f.MaxWan is { } max) list.Add(new("Register.MaxWan", max.ToString("#,##0.##", CultureInfo.InvariantCulture)));
        return list;
    }

    /// <summary>Reads the register under <paramref name="scope"/> and writes it as the user's workbook.</summary>
    public static async Task<ExcelFile> ExportAsync(UserScope scope, RegisterFilter filter, string? sortBy, bool descending,
        ProjectRegisterQuery query, ReferenceCache cache, UiText t, ExcelExporter exporter, CancellationToken ct = default)
    {
        var reference = await cache.GetAsync(ct);
        var rows = await query.AllAsync(scope, filter, sortBy, descending, MaxRows, ct);
        return exporter.Export(Sheet(t, reference), rows, Describe(filter, t, reference));
    }

    public static IEndpointRouteBuilder MapProjectRegisterExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, async (HttpContext http, IDbContextFactory<KashiDbContext> factory, ProjectRegisterQuery query,
            ReferenceCache cache, UiText t, ExcelExporter exporter, CancellationToken ct) =>
        {
            UserScope scope;
            await using (var db = await factory.CreateDbContextAsync(ct)) scope = await UserScopes.ResolveAsync(http.User, db, ct);
            var q = http.Request.Query;
            var file = await ExportAsync(scope, Filter(q), q["sort"].FirstOrDefault(), !bool.TryParse(q["desc"], out var d) || d,
                query, cache, t, exporter, ct);
            return file.ToResult();
        }).RequireAuthorization();
        return app;
    }
}
