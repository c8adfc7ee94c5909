using KashiInvest.Web.Features.Todo;

namespace KashiInvest.Web.Features.Triage;

public static class TriageFeature
{
    public static IServiceCollection AddTriageFeature(this IServiceCollection services)
    {
        services.AddSingleton<TriageQuery>();
        services.AddSingleton<TriageCommands>();
        services.AddSingleton<ITodoSource, TriageTodoSource>();
        return services;
    }
}
