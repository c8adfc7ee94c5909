using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Chains;

public static class ChainsFeature
{
    /// <summary>The chain screens' services; without <paramref name="configuration"/> (component tests) the settings keep their defaults.</summary>
    public static IServiceCollection AddChainsFeature(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<ChainMapOptions>();
        if (configuration is not null) options.Bind(configuration.GetSection(ChainMapOptions.Section));
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChainMapOptions>, ChainMapOptionsValidator>();
        services.AddSingleton<ChainMapQuery>();
        services.AddSingleton<ChainCommands>();
        return services;
    }
}
