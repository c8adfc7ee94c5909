using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Problems;

public static class ProblemsFeature
{
    public static IServiceCollection AddProblemsFeature(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddCheckedOptions<LedgerOptions>(configuration, LedgerOptions.Section);
        services.AddSingleton<ProblemCommands>();
        services.AddSingleton<LedgerQuery>();
        services.AddSingleton<Todo.ITodoSource, LedgerProblemsTodoSource>();
        return services;
    }
}
