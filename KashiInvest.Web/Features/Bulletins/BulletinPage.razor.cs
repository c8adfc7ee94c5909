using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Bulletins;

/// <summary>
/// One bulletin (<c>/bulletins/{id}</c>), printable: the Bureau edits the narrative of a draft (optimistic
/// concurrency: an edit based on an older read is a conflict), retakes its figures and submits it; a leader approves
/// it or returns it with a comment; the Bureau publishes it. Published bulletins are read by every signed-in user;
/// drafts only by the Bureau and leaders (others get "not found"). Live: a notice for this bulletin re-reads it.
/// </summary>
public partial class BulletinPage
{
    private UserScope? _scope;
    private BulletinView? _view;
    private bool _busy;
    private string? _general;
    private IReadOnlyList<FieldViolation> _errors = [];

    [Parameter] public int Id { get; set; }
    [Inject] private BulletinCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<BulletinPage> Logger { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _scope = await Scopes.GetAsync();
        await ReadInTurnAsync(ReadAsync);
        if (_view is null) Navigation.NotFound();
    }

    protected override bool Concerns(ChangeNotice notice) => notice.Kind == ChangeKinds.BulletinChanged && notice.ItemId == Id;

    protected override Task ApplyAsync(LiveChanges changes) => ReadAsync();

    private async Task ReadAsync()
    {
        if (_scope is null) return;
        _view = await Commands.ReadAsync(_scope, Id);
    }

    private Task EditAsync(BulletinNarrative n) => RunAsync(s => Commands.EditAsync(s, Id, _view!.Bulletin.Version, n), "Bulletins.Saved");
    private Task RefreshAsync() => RunAsync(s => Commands.RefreshAsync(s, Id, _view!.Bulletin.Version), "Bulletins.Refreshed");
    private Task SubmitAsync() => RunAsync(s => Commands.SubmitAsync(s, Id, _view!.Bulletin.Version), "Bulletins.Submitted");
    private Task ApproveAsync() => RunAsync(s => Commands.ApproveAsync(s, Id, _view!.Bulletin.Version), "Bulletins.Approved");
    private Task ReturnAsync(string? comment) => RunAsync(s => Commands.ReturnAsync(s, Id, _view!.Bulletin.Version, comment), "Bulletins.Returned");
    private Task PublishAsync() => RunAsync(s => Commands.PublishAsync(s, Id, _view!.Bulletin.Version), "Bulletins.Published");

    /// <summary>Runs a write the one way (<see cref="SafeWrite"/>), shows its result, and re-reads the bulletin in turn.</summary>
    private async Task RunAsync(Func<UserScope, Task<WriteResult>> write, string doneKey)
    {
        _busy = true;
        _general = null;
        var result = await SafeWrite.RunAsync(Logger, async () => await write(_scope ?? await Scopes.GetAsync()));
        _busy = false;
        _errors = result.Status == WriteStatus.Invalid ? [.. result.FieldErrors] : [];
        var feedback = WriteFeedback.Of(T, result, saved: T[doneKey]);
        if (result.Status == WriteStatus.Saved) feedback.Show(Snackbar); else _general = feedback.Message;
        try
        {
            await ReadInTurnAsync(ReadAsync);
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Re-reading bulletin {Id} after a write failed", Id);
        }
    }
}
