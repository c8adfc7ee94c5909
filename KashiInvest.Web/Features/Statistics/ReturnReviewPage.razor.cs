using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Statistics;

/// <summary>
/// One unit's monthly return for one month (<c>/statistics/returns/{unit id}/{yyyy-MM}</c>): the unit reviews the
/// computed figures, corrects them with reasons and submits; the Bureau returns it with a comment or approves it;
/// leaders and the wall read the approved figures. Live: any step on this return re-reads it.
/// </summary>
public partial class ReturnReviewPage
{
    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private StatMonth _month;
    private ReturnView? _view;
    private bool _loading = true;
    private bool _busy;
    private string? _general;
    private IReadOnlyList<FieldViolation> _errors = [];
    private FigureCode? _figure;
    private decimal? _value;
    private string? _reason;
    private string? _comment;
    private string? _revisionReason;

    [Parameter] public int UnitId { get; set; }
    [Parameter] public string? MonthText { get; set; }
    [Inject] private MonthlyReturnCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<ReturnReviewPage> Logger { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _scope = await Scopes.GetAsync();
        _ref = await Reference.GetAsync();
        var unit = _ref.Units.FirstOrDefault(u => u.Id == UnitId);
        if (!StatMonth.TryParse(MonthText, out _month) || unit is null || unit.Type is not (UnitType.County or UnitType.DevelopmentZone)
            || !MonthlyReturnAccess.CanReadApproved(_scope, UnitId))
        {
            Navigation.NotFound();
            return;
        }
        await ReadInTurnAsync(ReadAsync);
        // No return the user may see: those who compute it may start it once the month has closed; for others it does not exist.
        if (_view is null && !(MonthlyReturnAccess.CanCompute(_scope, UnitId) && Clock.GetUtcNow().UtcDateTime >= _month.CloseUtc)) Navigation.NotFound();
    }

    protected override bool Concerns(ChangeNotice notice) =>
        notice.Kind == ChangeKinds.ReturnChanged && notice.HostUnitId == UnitId && StatMonth.TryParse(MonthText, out var m) && notice.PeriodIndex == m.Index;

    protected override Task ApplyAsync(LiveChanges changes) => ReadAsync();

    private async Task ReadAsync()
    {
        if (_scope is null) return;
        _view = await Commands.ReadAsync(_scope, UnitId, _month);
        _loading = false;
    }

    private string Show(FigureCode code, decimal value) => code.IsMoney() ? T.Money(value) : T.Number((int)value);

    private static Color StatusColor(ReturnStatus status) => status switch
    {
        ReturnStatus.Approved => Color.Success,
        ReturnStatus.Submitted => Color.Info,
        ReturnStatus.Returned => Color.Warning,
        _ => Color.Default,
    };

    private string? Err(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } e ? T.Rule(e.Violation) : null;

    private Task ComputeAsync() => RunAsync(s => Commands.ComputeAsync(s, UnitId, _month), "Statistics.Return.Computed.Done");

    private async Task CorrectAsync()
    {
        if (_figure is not { } code || _value is not { } value) return;
        await RunAsync(s => Commands.CorrectAsync(s, _view!.Return.Id, _view.Return.Version, new FigureKey(code), value, _reason), "Statistics.Return.Corrected.Done");
        if (_errors.Count == 0 && _general is null) (_figure, _value, _reason) = (null, null, null);
    }

    private Task SubmitAsync() => RunAsync(s => Commands.SubmitAsync(s, _view!.Return.Id, _view.Return.Version), "Statistics.Return.Submitted.Done");

    private async Task ReturnAsync()
    {
        await RunAsync(s => Commands.ReturnAsync(s, _view!.Return.Id, _view.Return.Version, _comment), "Statistics.Return.Returned.Done");
        if (_errors.Count == 0 && _general is null) _comment = null;
    }

    private Task ApproveAsync() => RunAsync(s => Commands.ApproveAsync(s, _view!.Return.Id, _view.Return.Version), "Statistics.Return.Approved.Done");

    private async Task OpenRevisionAsync()
    {
        await RunAsync(s => Commands.OpenRevisionAsync(s, _view!.Return.Id, _view.Return.Version, _revisionReason), "Statistics.Return.Revision.Done");
        if (_errors.Count == 0 && _general is null) _revisionReason = null;
    }

    /// <summary>Runs a write the one way (<see cref="SafeWrite"/>), shows its result, and re-reads the return in turn.</summary>
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
            Logger.LogWarning(ex, "Re-reading monthly return {Unit} {Month} after a write failed", UnitId, _month);
        }
    }
}
