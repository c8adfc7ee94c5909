using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Signing;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Signing;

/// <summary>Signing the agreement and forming the work group its level requires (Art. 22).</summary>
public partial class SigningPage
{
    private SigningView? _view;
    private ReferenceCache.Snapshot? _ref;
    private DateTime _today;
    private DateTime? _signedOn;
    private decimal? _amountWan;
    private int? _jobs;
    private int? _termYears;
    private string? _number;
    private string? _leader;
    private bool _principal;
    private IReadOnlyCollection<int> _departments = [];
    private int? _leadService;
    private IReadOnlyList<FieldViolation> _errors = [];
    private string? _general;
    private bool _busy;

    [Parameter] public int Id { get; set; }
    [Inject] private SigningQuery Query { get; set; } = default!;
    [Inject] private SigningCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private WorkGroupThresholds Thresholds { get; set; } = default!;
    [Inject] private ILogger<SigningPage> Logger { get; set; } = default!;

    private WorkGroupLevel PreviewLevel => Thresholds.LevelFor(Money.FromWan(_amountWan ?? 0m), _jobs ?? 0);

    /// <summary>The host's assist-and-proxy service group first, then the host itself and departments.</summary>
    private IEnumerable<UnitInfo> ServiceCandidates => (_ref?.Units ?? [])
        .Where(u => (u.Type == UnitType.ServiceGroup && u.ParentUnitId == _view?.HostUnitId) || u.Type == UnitType.Department || u.Id == _view?.HostUnitId)
        .OrderBy(u => u.Type == UnitType.ServiceGroup ? 0 : 1);

    protected override async Task OnParametersSetAsync()
    {
        _today = BeijingTime.Today(Clock).ToDateTime(TimeOnly.MinValue);
        _ref = await Reference.GetAsync();
        await LoadAsync(resetInputs: true);
    }

    private async Task LoadAsync(bool resetInputs)
    {
        _view = await Query.GetAsync(await Scopes.GetAsync(), Id);
        if (_view is null) { Navigation.NotFound(); return; }
        if (!resetInputs) return;
        _signedOn = _today;
        _amountWan = _view.AmountWan;
        _jobs = _view.Jobs;
        _termYears ??= 20;
        _number = _view.AgreementNumber;
        _leader = _view.WorkGroup.LeaderInCharge;
        _principal = _view.WorkGroup.LeaderIsPrincipal;
        _departments = _view.WorkGroup.DepartmentIds.ToHashSet();
        _leadService = _view.WorkGroup.LeadServiceUnitId ?? ServiceCandidates.FirstOrDefault(u => u.Type == UnitType.ServiceGroup)?.Id;
    }

    private string? Err(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } e ? T.Rule(e.Violation) : null;

    private async Task SignAsync()
    {
        var input = new AgreementInput(_signedOn is { } d ? DateOnly.FromDateTime(d) : null, _amountWan, _jobs, _termYears, _number);
        await RunAsync(scope => Commands.SignAsync(scope, _view!.ProjectId, _view.Version, input), "Signing.Done");
    }

    private async Task SaveWorkGroupAsync()
    {
        var input = new WorkGroupInput(_leader, _principal, _departments.ToList(), _leadService);
        await RunAsync(scope => Commands.SetWorkGroupAsync(scope, _view!.ProjectId, _view.Version, input), "WorkGroup.Saved");
    }

    private async Task RunAsync(Func<KashiInvest.Domain.Access.UserScope, Task<WriteResult>> write, string doneKey)
    {
        _busy = true;
        _general = null;
        var result = await SafeWrite.RunAsync(Logger, async () => await write(await Scopes.GetAsync()));
        _busy = false;
        // The inputs stay whatever happened; field errors next to their fields, the rest above the form.
        if (result.Status is WriteStatus.Saved or WriteStatus.Invalid) _errors = [.. result.FieldErrors];
        var feedback = WriteFeedback.Of(T, result, saved: T[doneKey]);
        if (result.Status == WriteStatus.Saved) feedback.Show(Snackbar); else _general = feedback.Message;
        if (result.Status is WriteStatus.Saved or WriteStatus.Conflict)
        {
            try { await LoadAsync(resetInputs: false); }
            catch (Exception ex) { Logger.LogWarning(ex, "Re-reading project {ProjectId} after a write failed", Id); }
        }
    }
}
