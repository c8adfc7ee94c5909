using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Chains;

public static class ChainsFeature
{
    /// <summary>The chain screens' services; without <paramref name="configuration"/> (component tests) the settings keep their defaults.</summary>
    public static IServiceCollection AddChainsFeature(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddCheckedOptions<ChainMapOptions>(configuration, ChainMapOptions.Section);
        services.AddSingleton<ChainMapQuery>();
        services.AddSingleton<ChainCommands>();
        return services;
    }
}
