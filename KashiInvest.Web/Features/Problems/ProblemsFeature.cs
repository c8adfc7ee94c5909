namespace KashiInvest.Web.Features.Problems;

public static class ProblemsFeature
{
    public static IServiceCollection AddProblemsFeature(this IServiceCollection services)
    {
        services.AddSingleton<ProblemCommands>();
        services.AddSingleton<LedgerQuery>();
        services.AddSingleton<Todo.ITodoSource, LedgerProblemsTodoSource>();
        return services;
    }
}
