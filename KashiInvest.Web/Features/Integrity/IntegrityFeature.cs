namespace KashiInvest.Web.Features.Integrity;

/// <summary>The integrity ledger (违约失信专项整治, <c>/integrity</c>).</summary>
public static class IntegrityFeature
{
    public static IServiceCollection AddIntegrityFeature(this IServiceCollection services)
    {
        services.AddSingleton<IntegrityCommands>();
        services.AddSingleton<IntegrityQuery>();
        return services;
    }
}
