namespace KashiInvest.Web.Features.Chains;

public static class ChainsFeature
{
    public static IServiceCollection AddChainsFeature(this IServiceCollection services)
    {
        services.AddSingleton<ChainMapQuery>();
        services.AddSingleton<ChainCommands>();
        return services;
    }
}
