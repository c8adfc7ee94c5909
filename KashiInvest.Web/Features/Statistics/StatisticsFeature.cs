using KashiInvest.Infrastructure.Statistics;

namespace KashiInvest.Web.Features.Statistics;

/// <summary>Monthly statistics (Art. 26): the units' monthly returns, their review, and the prefecture's monthly table.</summary>
public static class StatisticsFeature
{
    public static IServiceCollection AddStatisticsFeature(this IServiceCollection services)
    {
        services.AddSingleton<MonthlyReturnCommands>();
        services.AddSingleton<ReturnListQuery>();
        services.AddSingleton<PrefectureMonthlyTableQuery>();
        return services;
    }
}
