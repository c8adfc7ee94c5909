using KashiInvest.Domain.Access;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>
/// What the presenter and follower screens share: the meeting read under the user's own access, re-read whenever one of
/// its notices arrives (or the circuit reconnects), never polled, and nothing done after the page has gone.
/// </summary>
public abstract class MeetingLivePage : ComponentBase
{
    protected UserScope? _scope;
    protected ReferenceCache.Snapshot? _ref;
    protected MeetingView? _view;
    protected bool _loaded;
    protected bool _disposed;
    private IDisposable? _live;

    [Parameter] public int Id { get; set; }

    /// <summary>The page follows the meeting's notices (the interactive pass has subscribed).</summary>
    protected bool IsLive => _live is not null;

    [Inject] protected MeetingQuery Query { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private LiveFeed Live { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _scope = await ScopeProvider.GetAsync();
        _ref = await Reference.GetAsync();
        if (RendererInfo.IsInteractive)
            _live = Live.Subscribe(n => MeetingLive.Concerns(n, Id), _ => ReloadAsync(), ReloadAsync);
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    /// <summary>Reads the meeting again (null when it is gone or no longer readable).</summary>
    protected async Task LoadAsync()
    {
        var fresh = await Query.GetAsync(_scope!, Id);
        if (_disposed) return;
        _view = fresh;
        _loaded = true;
    }

    protected Task ReloadAsync() => InvokeAsync(async () =>
    {
        if (_disposed) return;
        await LoadAsync();
        if (!_disposed) StateHasChanged();
    });

    /// <summary>Stops following the meeting's notices; the page calls it when it is disposed.</summary>
    protected void StopLive()
    {
        _disposed = true;
        _live?.Dispose();
    }
}
