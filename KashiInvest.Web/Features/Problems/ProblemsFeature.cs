namespace KashiInvest.Web.Features.Problems;

public static class ProblemsFeature
{
    public static IServiceCollection AddProblemsFeature(this IServiceCollection services)
    {
        services.AddSingleton<ProblemCommands>();
        services.AddSingleton<LedgerQuery>();
        return services;
    }
}
