using System.Globalization;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.AnnualTargets;

/// <summary>
/// The annual targets (<c>/targets/annual</c>): the Bureau sets the year's prefecture target per indicator and splits
/// it within each sequence (the remainder shown until it sums); every unit sees its progress against its targets and
/// the elapsed time (序时进度); the prefecture's readers see everyone's on one table and one chart. Live: a target
/// notice or a report, stage or return notice (funds and projects move the results) re-reads the year.
/// </summary>
public partial class AnnualTargetsPage
{
    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private AnnualTargetsView? _view;
    private int _year;
    private AnnualIndicator _indicator = AnnualIndicator.OutOfRegionFunds;
    private decimal? _amount;
    private string? _amountError;
    private string? _message;
    private bool _busy;
    private bool _canSet;
    private bool _seesAll;
    private int _sequenceTab;

    [Inject] private AnnualTargetCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<AnnualTargetsPage> Logger { get; set; } = default!;
    [Inject] private Shared.Excel.ExcelExporter Exporter { get; set; } = default!;

    private IEnumerable<int> Years => [Commands.Today.Year - 1, Commands.Today.Year, Commands.Today.Year + 1];

    private TargetView Current => _view!.Targets.First(t => t.Indicator == _indicator);

    protected override async Task OnInitializedAsync()
    {
        _year = Commands.Today.Year;
        _scope = await Scopes.GetAsync();
        _canSet = AnnualTargetAccess.CanSet(_scope);
        _seesAll = AnnualTargetAccess.SeesAll(_scope);
        _ref = await Reference.GetAsync();
        await ReadInTurnAsync(ReadAsync);
    }

    protected override bool Concerns(ChangeNotice notice) => notice.Kind is ChangeKinds.AnnualTargetChanged or ChangeKinds.ReportSubmitted
        or ChangeKinds.ProjectStageChanged or ChangeKinds.ProjectCreated or ChangeKinds.ProjectUpdated;

    protected override Task ApplyAsync(LiveChanges changes) =>
        changes.Everything || changes.Notices.Any(n => n.Kind != ChangeKinds.AnnualTargetChanged || n.PeriodIndex == _year) ? ReadAsync() : Task.CompletedTask;

    private async Task ReadAsync()
    {
        if (_scope is null) return;
        _view = await Commands.ReadAsync(_scope, _year);
        _amount ??= Current.Amount;
    }

    private async Task YearChangedAsync(int year)
    {
        _year = year;
        _amount = null;
        await RereadInTurnAsync(ReadAsync);
    }

    private void IndicatorChanged(AnnualIndicator indicator)
    {
        _indicator = indicator;
        if (_view is null) return;
        _amount = Current.Amount;
        _amountError = _message = null;
    }

    private IReadOnlyList<UnitInfo> UnitsOf(AssessmentSequence sequence) =>
        _ref is null ? [] : [.. _ref.Units.Where(u => AnnualIndicators.SequenceOf(u.Type) == sequence)
            .OrderBy(u => u.Type == Domain.Units.UnitType.DevelopmentZone ? 0 : 1).ThenBy(u => u.Id)];

    private async Task SetAsync()
    {
        _busy = true;
        _amountError = _message = null;
        var current = Current;
        var result = await SafeWrite.RunAsync(Logger, () => Commands.SetAsync(_scope!, _year, _indicator, _amount, current.Id is null ? null : current.Version));
        _busy = false;
        var feedback = WriteFeedback.Of(T, result, saved: T["AnnualTargets.Saved"]);
        _amountError = feedback.FieldErrors.GetValueOrDefault("amount");
        if (result.Status == WriteStatus.Saved) feedback.Show(Snackbar);
        else _message = feedback.Message;
        await RereadInTurnAsync(ReadAsync);
    }

    /// <summary>The split of the chosen indicator as the page shows it (the user's scope), with each sequence's remainder for the prefecture's readers.</summary>
    private Task<Shared.Excel.ExcelFile> ExportAsync() =>
        Task.FromResult(AnnualSplitExcel.Export(Exporter, T, _view!, _indicator, _ref!, _seesAll));

    private async Task SavedAsync() => await RereadInTurnAsync(ReadAsync);

    private string Unit(AnnualIndicator indicator) => indicator.IsMoney() ? T["AnnualTargets.UnitWan"] : T["AnnualTargets.UnitProjects"];


    internal static string Percent(decimal share) => (share * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
