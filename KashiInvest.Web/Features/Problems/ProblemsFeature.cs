using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Problems;

public static class ProblemsFeature
{
    public static IServiceCollection AddProblemsFeature(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<LedgerOptions>();
        if (configuration is not null) options.Bind(configuration.GetSection(LedgerOptions.Section));
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<LedgerOptions>, LedgerOptionsValidator>();
        services.AddSingleton<ProblemCommands>();
        services.AddSingleton<LedgerQuery>();
        services.AddSingleton<Todo.ITodoSource, LedgerProblemsTodoSource>();
        return services;
    }
}
