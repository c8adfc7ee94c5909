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
    private IDisposable? _live;
    private DateTime? _updatedAtUtc;
    private bool _disposed;

    [Inject] private TodoQuery Query { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private LiveFeed Live { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _scope = await ScopeProvider.GetAsync();
        await LoadAsync();
        if (RendererInfo.IsInteractive) _live = Live.Subscribe(_ => true, _ => ReloadAsync(), ReloadAsync);
    }

    private async Task LoadAsync()
    {
        _list = await Query.ReadAsync(_scope!);
        _updatedAtUtc = Clock.GetUtcNow().UtcDateTime;
    }

    private async Task ReloadAsync()
    {
        if (_disposed) return;
        var list = await Query.ReadAsync(_scope!);
        await InvokeAsync(() =>
        {
            if (_disposed) return;
            _list = list;
            _updatedAtUtc = Clock.GetUtcNow().UtcDateTime;
            StateHasChanged();
        });
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

    public void Dispose()
    {
        _disposed = true;
        _live?.Dispose();
    }
}
