using KashiInvest.Web.Features.Todo.Sources;

namespace KashiInvest.Web.Features.Todo;

public static class TodoFeature
{
    /// <summary>The to-do list and the sources for work that already exists (owed reports, ledger problems).</summary>
    public static IServiceCollection AddTodoFeature(this IServiceCollection services)
    {
        services.AddSingleton<TodoQuery>();
        services.AddSingleton<ITodoSource, ReportsOwedTodoSource>();
        services.AddSingleton<ITodoSource, LedgerProblemsTodoSource>();
        return services;
    }
}
