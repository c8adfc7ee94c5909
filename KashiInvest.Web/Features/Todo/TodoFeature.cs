namespace KashiInvest.Web.Features.Todo;

public static class TodoFeature
{
    /// <summary>The to-do list; each feature registers its own <see cref="ITodoSource"/>.</summary>
    public static IServiceCollection AddTodoFeature(this IServiceCollection services)
    {
        services.AddSingleton<TodoQuery>();
        return services;
    }
}
