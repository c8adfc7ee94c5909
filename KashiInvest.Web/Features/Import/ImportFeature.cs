using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Problems;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Features.Targets;
using KashiInvest.Web.Security;
using Microsoft.EntityFrameworkCore;
using KashiInvest.Web.Shared.Excel;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Import;

/// <summary>Excel import: its settings (validated at start), the importers, and the template downloads.</summary>
public static class ImportFeature
{
    public static IServiceCollection AddImportFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<ExcelImportOptions>(configuration, ExcelImportOptions.Section);
        services.AddSingleton<ExcelImporter>();
        services.AddSingleton<ProjectRegisterImport>();
        services.AddSingleton<IExcelImport>(sp => sp.GetRequiredService<ProjectRegisterImport>());
        services.AddSingleton<TargetLibraryImport>();
        services.AddSingleton<IExcelImport>(sp => sp.GetRequiredService<TargetLibraryImport>());
        services.AddSingleton<ProblemLedgerImport>();
        services.AddSingleton<IExcelImport>(sp => sp.GetRequiredService<ProblemLedgerImport>());
        services.AddSingleton<Features.AnnualTargets.AnnualSplitImport>();
        services.AddSingleton<IExcelImport>(sp => sp.GetRequiredService<Features.AnnualTargets.AnnualSplitImport>());
        return services;
    }

    /// <summary>
    /// <c>GET /import/templates/{kind}.xlsx</c>: each import's template in the user's language, for those who may import
    /// that list (the annual target split's: the Bureau only).
    /// </summary>
    public static IEndpointRouteBuilder MapImportTemplates(this IEndpointRouteBuilder app)
    {
        MapTemplate<ProjectRegisterImport>(app, ProjectRegisterImport.TemplateRoute);
        MapTemplate<TargetLibraryImport>(app, "/import/templates/targets.xlsx");
        MapTemplate<ProblemLedgerImport>(app, "/import/templates/problems.xlsx");
        MapTemplate<Features.AnnualTargets.AnnualSplitImport>(app, Features.AnnualTargets.AnnualSplitImport.TemplateRoute);
        return app;
    }

    private static void MapTemplate<TImport>(IEndpointRouteBuilder app, string route) where TImport : IExcelImport =>
        app.MapGet(route, async (HttpContext http, IDbContextFactory<KashiDbContext> factory, TImport import, CancellationToken ct) =>
        {
            UserScope scope;
            await using (var db = await factory.CreateDbContextAsync(ct)) scope = await UserScopes.ResolveAsync(http.User, db, ct);
            if (!import.MayImport(scope)) return Results.NotFound();
            return (await import.TemplateAsync(ct)).ToResult();
        }).RequireAuthorization();
}
