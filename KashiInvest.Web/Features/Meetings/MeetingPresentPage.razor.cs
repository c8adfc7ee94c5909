using KashiInvest.Domain.Access;
using KashiInvest.Domain.Meetings;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>
/// The presenter screen (Bureau; for a county meeting the county): starts the meeting, moves through the agenda (buttons,
/// a click on any item, arrow keys and PageUp/PageDown from a clicker), records discussion, decisions and action items
/// as they are made, and ends the meeting. Every action is saved at once, so a dropped presenter loses nothing; another
/// user who may run the meeting sees "take over" and resumes at the current item. A stale write is refused with a
/// conflict message and the page re-reads.
/// </summary>
public sealed partial class MeetingPresentPage : IAsyncDisposable
{
    public const string KeysModule = "./js/meeting-present.js";

    private IJSObjectReference? _module;
    private IJSObjectReference? _keys;
    private DotNetObjectReference<MeetingPresentPage>? _self;
    private bool _busy;
    private bool _confirmEnd;
    private string? _message;

    [Inject] private MeetingCommands Commands { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ILogger<MeetingPresentPage> Logger { get; set; } = default!;

    private AgendaItemView? Current => _view?.CurrentItem;
    private AgendaItemView? Previous => _view is null ? null : MeetingScreenText.Neighbour(_view, _view.CurrentItemId, -1);
    private AgendaItemView? Next => _view is null ? null : MeetingScreenText.Neighbour(_view, _view.CurrentItemId, 1);
    private string CurrentTitle => Current is { } c ? MeetingScreenText.Title(c, T) : "—";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || IsDisposed) return;
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", KeysModule);
            _self = DotNetObjectReference.Create(this);
            _keys = await _module.InvokeAsync<IJSObjectReference>("listen", _self);
        }
        catch (JSDisconnectedException) { }
        catch (JSException) { }
    }

    /// <summary>A key from the keyboard or a presentation clicker: +1 next, -1 previous.</summary>
    [JSInvokable]
    public Task StepFromKey(int step) => InvokeAsync(() => StepAsync(step));

    private async Task StepAsync(int step)
    {
        if (_view is null || _busy || _view.Status != MeetingStatus.InProgress || !_view.Rights.IsPresenter) return;
        if (MeetingScreenText.Neighbour(_view, _view.CurrentItemId, step) is { } target) await PresentAsync(target.Id);
    }

    private async Task PresentAsync(int itemId)
    {
        if (_view is null || itemId == _view.CurrentItemId) return;
        await RunAsync(scope => Commands.PresentAsync(scope, Id, itemId));
    }

    private Task StartAsync() => RunAsync(scope => Commands.StartAsync(scope, Id, _view!.Version));

    private Task TakeOverAsync() => RunAsync(scope => Commands.TakeOverAsync(scope, Id));

    private async Task EndAsync()
    {
        _confirmEnd = false;
        await RunAsync(scope => Commands.EndAsync(scope, Id, _view!.Version));
    }

    /// <summary>
    /// Runs one write and re-reads the meeting at once (so the next write carries the fresh version). A conflict, a
    /// refusal or a rule that names no field is shown at the top; field errors are for the caller to place.
    /// </summary>
    private async Task<WriteResult> RunAsync(Func<UserScope, Task<WriteResult>> write)
    {
        _busy = true;
        _message = null;
        try
        {
            // The presenter's screen never drops: a busy or failing database is a message at the top, like a conflict.
            var result = await SafeWrite.RunAsync(Logger, () => write(_scope!));
            if (result.Status != WriteStatus.Saved && WriteFeedback.Of(T, result, conflict: T["Meeting.Present.Conflict"],
                    notFound: T["Meeting.Screen.NotFound"], notAllowed: T["Meeting.Present.NotAllowed"]).Message is { } message)
                Show(message);
            try { await LoadAsync(); }
            catch (Exception ex) { Logger.LogWarning(ex, "Re-reading meeting {MeetingId} after a write failed", Id); }
            return result;
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(string message) => _message = message;

    public async ValueTask DisposeAsync()
    {
        StopLive();
        try
        {
            if (_keys is not null) { await _keys.InvokeVoidAsync("dispose"); await _keys.DisposeAsync(); }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException) { }
        catch (JSException) { }
        _self?.Dispose();
    }
}
