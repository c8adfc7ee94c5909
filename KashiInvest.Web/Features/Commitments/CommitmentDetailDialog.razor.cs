using KashiInvest.Domain.Commitments;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Commitments;

/// <summary>
/// Shows one commitment (<see cref="CommitmentDetailQuery"/>) and opens the dialog of each action the user may take
/// (<see cref="CommitmentRights"/>); after a saved action it says so and reads the commitment again. It closes with
/// true when anything was saved, so the opener re-reads at once (its live notice follows anyway).
/// </summary>
public partial class CommitmentDetailDialog
{
    internal static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
    /// <summary>The detail's own width: its history table needs the room of a laptop screen.</summary>
    internal static readonly DialogOptions WideOptions = new() { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true };
    internal static readonly DialogOptions SmallOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private CommitmentDetail? _detail;
    private ReferenceCache.Snapshot? _units;
    private bool _failed;
    private bool _saved;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter, EditorRequired] public int CommitmentId { get; set; }

    [Inject] private CommitmentDetailQuery Query { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<CommitmentDetailDialog> Logger { get; set; } = default!;

    protected override Task OnInitializedAsync() => ReadAsync();

    /// <summary>Reads the commitment; a database failure is said in the dialog (the page behind stays as it was).</summary>
    private async Task ReadAsync()
    {
        try
        {
            _units ??= await Reference.GetAsync();
            _detail = await Query.LoadAsync(await Scopes.GetAsync(), CommitmentId);
            _failed = _detail is null;
        }
        catch (Exception ex) when (SafeWrite.IsDatabaseFailure(ex))
        {
            Logger.LogWarning(ex, "Commitment {Id} could not be read", CommitmentId);
            _failed = true;
        }
    }

    private async Task EditAsync()
    {
        if (_detail is null || _units is null) return;
        var parameters = new DialogParameters<CommitmentDialog> { { d => d.Detail, _detail }, { d => d.Units, CommitmentUnits.Of(_units) } };
        var dialog = await Dialogs.ShowAsync<CommitmentDialog>(T["Commitments.Action.Edit"], parameters, Options);
        await AfterAsync(await dialog.Result, T["Commitments.Saved"]);
    }

    private async Task ActAsync(CommitmentActionMode mode, CommitmentStep? step)
    {
        if (_detail is null) return;
        var parameters = new DialogParameters<CommitmentActionDialog> { { d => d.Detail, _detail }, { d => d.Mode, mode }, { d => d.Step, step } };
        var title = CommitmentText.ActionTitle(T, mode, step);
        var dialog = await Dialogs.ShowAsync<CommitmentActionDialog>(title, parameters, SmallOptions);
        await AfterAsync(await dialog.Result, T["Commitments.Done", title]);
    }

    private async Task AfterAsync(DialogResult? closed, string saved)
    {
        if (closed is null || closed.Canceled || closed.Data is not WriteResult result) return;
        WriteFeedback.Of(T, result, saved: saved, conflict: T["Commitments.Conflict"], notFound: T["Commitments.Gone"]).Show(Snackbar);
        _saved |= result.Status == WriteStatus.Saved;
        await ReadAsync();
    }

    private void Close() => Dialog.Close(DialogResult.Ok(_saved));
}
