using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Todo;

/// <summary>
/// 我的待办: what is waiting on the signed-in user's unit, from every registered <see cref="ITodoSource"/>, overdue
/// first. Any in-scope live notice may add or clear an item, so a batch of notices (already coalesced by the feed)
/// re-reads the list once.
/// </summary>
public sealed partial class TodoPage
{
    private UserScope? _scope;
    private TodoList? _list;
    private DateTime? _updatedAtUtc;

    [Inject] private TodoQuery Query { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _scope = await ScopeProvider.GetAsync();
        await ReadInTurnAsync(LoadAsync);
    }

    /// <summary>Any in-scope notice may add or clear an item.</summary>
    protected override bool Concerns(ChangeNotice notice) => true;

    /// <summary>A batch re-reads the whole list (one read per source).</summary>
    protected override Task ApplyAsync(LiveChanges changes) => LoadAsync();

    private async Task LoadAsync()
    {
        var list = await Query.ReadAsync(_scope!);
        if (IsDisposed) return;
        _list = list;
        _updatedAtUtc = Clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>The kind's name from <c>Todo.Kind.{kind}</c>; a kind without one shows its code.</summary>
    private string KindName(string kind)
    {
        var name = T[$"Todo.Kind.{kind}"];
        return name == $"Todo.Kind.{kind}" ? kind : name;
    }

    private static string IconOf(TodoUrgency urgency) => urgency switch
    {
        TodoUrgency.Overdue => Icons.Material.Filled.Error,
        TodoUrgency.Soon => Icons.Material.Filled.Schedule,
        _ => Icons.Material.Filled.Inbox,
    };
}
