using KashiInvest.Domain.Access;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Signing;

/// <summary>A county's signed projects whose work group is not yet what Art. 22 requires.</summary>
public sealed class WorkGroupTodoSource(SigningQuery query, UiText text) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> ReadAsync(UserScope scope, CancellationToken cancellationToken)
    {
        if (scope.Role is not (ActorRole.AttractingUnit or ActorRole.Administrator)) return [];
        var rows = await query.IncompleteWorkGroupsAsync(scope, cancellationToken);
        return rows.Select(r => new TodoItem("workgroup.incomplete", text["Todo.workgroup.incomplete", r.Name],
            $"{r.Code} · {string.Join("；", r.Missing.Select(text.Rule))}", $"/projects/{r.Id}/workgroup", null, TodoUrgency.Soon, r.Id)).ToList();
    }
}

public static class SigningFeature
{
    public static IServiceCollection AddSigningFeature(this IServiceCollection services)
    {
        services.AddSingleton<SigningQuery>();
        services.AddSingleton<SigningCommands>();
        services.AddSingleton<ITodoSource, WorkGroupTodoSource>();
        return services;
    }
}
