using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KashiInvest.Web.Live;

public static class LiveFeature
{
    public static IServiceCollection AddLiveFeature(this IServiceCollection services)
    {
        services.AddScoped<CircuitLink>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitLink>());
        services.AddScoped<LiveFeed>();
        return services;
    }
}
