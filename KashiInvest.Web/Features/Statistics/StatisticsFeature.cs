using KashiInvest.Domain.Access;
using KashiInvest.Domain.Statistics;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Statistics;
using KashiInvest.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Statistics;

/// <summary>Monthly statistics (Art. 26): the units' monthly returns, their review, the prefecture's monthly table and the statistics screen.</summary>
public static class StatisticsFeature
{
    public static IServiceCollection AddStatisticsFeature(this IServiceCollection services)
    {
        services.AddSingleton<MonthlyReturnCommands>();
        services.AddSingleton<ReturnListQuery>();
        services.AddSingleton<PrefectureMonthlyTableQuery>();
        services.AddSingleton<StatisticsChartsQuery>();
        // Stateless: the localizer is read in zh-CN whatever the request's language (the officials' layout).
        services.AddSingleton<PrefectureTableXlsx>();
        return services;
    }

    /// <summary>
    /// GET /statistics/table/{yyyy-MM}.xlsx: the prefecture's monthly table of the approved returns as a workbook, for
    /// those who see every unit's returns (the Bureau, the administrator, leaders, the wall) — as the returns list shows it.
    /// </summary>
    public static IEndpointRouteBuilder MapStatisticsTableExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/statistics/table/{month}.xlsx", async (string month, HttpContext http, IDbContextFactory<KashiDbContext> factory,
            PrefectureMonthlyTableQuery query, StatisticsChartsQuery charts, PrefectureTableXlsx writer, CancellationToken ct) =>
        {
            UserScope scope;
            await using (var db = await factory.CreateDbContextAsync(ct)) scope = await UserScopes.ResolveAsync(http.User, db, ct);
            // A unit reads its own returns, not the prefecture's table: absent for it, as for a month that does not parse.
            if (!ReturnListQuery.SeesAllUnits(scope) || !StatMonth.TryParse(month, out var m)) return Results.NotFound();
            var table = await query.ReadAsync(m, ct);
            var regions = (await charts.ReadAsync(scope, m, ct))?.Regions ?? [];
            return Results.File(writer.ToBytes(table, regions), PrefectureTableXlsx.ContentType, PrefectureTableXlsx.FileName(m));
        }).RequireAuthorization();
        return app;
    }
}
