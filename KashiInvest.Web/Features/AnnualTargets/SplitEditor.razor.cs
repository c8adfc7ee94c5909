using KashiInvest.Domain.Access;
using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.AnnualTargets;

public partial class SplitEditor
{
    private readonly Dictionary<int, decimal?> _shares = [];
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private string? _message;
    private bool _busy;

    [Parameter, EditorRequired] public TargetView Target { get; set; } = default!;
    [Parameter, EditorRequired] public AssessmentSequence Sequence { get; set; }
    [Parameter, EditorRequired] public IReadOnlyList<UnitInfo> Units { get; set; } = [];
    [Parameter] public EventCallback OnSaved { get; set; }

    [Inject] private AnnualTargetCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<SplitEditor> Logger { get; set; } = default!;

    /// <summary>What the split has yet to give out, as typed (negative: over-split, which saving refuses).</summary>
    private decimal Remainder => (Target.Amount ?? 0m) - _shares.Values.Sum(v => v ?? 0m);

    protected override void OnInitialized()
    {
        foreach (var unit in Units) _shares[unit.Id] = Target.Shares.TryGetValue(unit.Id, out var share) ? share : null;
    }


    private async Task SaveAsync()
    {
        _busy = true;
        _message = null;
        var scope = await Scopes.GetAsync();
        var result = await SafeWrite.RunAsync(Logger, () => Commands.SplitAsync(scope, Target.Id!.Value, Target.Version, Sequence, _shares));
        _busy = false;
        var feedback = WriteFeedback.Of(T, result, saved: T["AnnualTargets.SplitSaved"], conflict: T["AnnualTargets.Conflict"]);
        _errors = feedback.FieldErrors;
        if (result.Status == WriteStatus.Saved)
        {
            feedback.Show(Snackbar);
            await OnSaved.InvokeAsync();
            return;
        }
        _message = feedback.FieldErrors.TryGetValue("split", out var whole) ? whole : feedback.Message;
    }
}
