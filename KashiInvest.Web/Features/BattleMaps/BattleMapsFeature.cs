namespace KashiInvest.Web.Features.BattleMaps;

public static class BattleMapsFeature
{
    public static IServiceCollection AddBattleMapsFeature(this IServiceCollection services)
    {
        services.AddSingleton<BattleMapReader>();
        return services;
    }
}
