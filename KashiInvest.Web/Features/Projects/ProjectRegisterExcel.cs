using System.Globalization;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
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

    public static ExcelSheet<RegisterRow> Sheet(UiText t, ReferenceCache.Snapshot reference) => new("Register.Title", "projects",
    [
        new("Project.Code", ExcelKind.Text, r => r.Code),
        new("Project.Name", ExcelKind.Text, r => r.Name),
        new("Project.HostUnit", ExcelKind.Choice, r => reference.UnitName(r.HostUnitId)),
        new("Project.Chain", ExcelKind.Choice, r => reference.ChainName(r.ChainId)),
        new("Project.Investor", ExcelKind.Text, r => r.InvestorName),
        new("Investor.Tier", ExcelKind.Text, r => t.Tiers(r.Tiers)),
        new("Project.Stage", ExcelKind.Choice, r => t.Enum(r.Stage)),
        new("Register.Col.Level", ExcelKind.Choice, r => t.Enum(r.Level)),
        new("Project.PlannedInvestment", ExcelKind.Money, r => r.InvestmentWan),
        new("Register.Col.Jobs", ExcelKind.Count, r => r.Jobs),
        new("Register.Col.Updated", ExcelKind.Date, r => r.UpdatedAtUtc),
    ]);

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
