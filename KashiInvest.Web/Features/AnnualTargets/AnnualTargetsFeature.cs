namespace KashiInvest.Web.Features.AnnualTargets;

/// <summary>The annual targets (Art. 29–30): set and split by the Bureau, progress against the elapsed time for every unit.</summary>
public static class AnnualTargetsFeature
{
    public static IServiceCollection AddAnnualTargetsFeature(this IServiceCollection services)
    {
        services.AddSingleton<AnnualTargetCommands>();
        return services;
    }
}
