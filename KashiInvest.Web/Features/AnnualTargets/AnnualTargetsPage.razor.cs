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
using Microsoft.JSInterop;
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
    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>A far-behind alert links here (<c>?year=2026&amp;unit=5&amp;indicator=OutOfRegionFunds</c>): open that year and indicator on the unit's row.</summary>
    [SupplyParameterFromQuery(Name = "year")] public int? QueryYear { get; set; }
    [SupplyParameterFromQuery(Name = "unit")] public int? QueryUnit { get; set; }
    [SupplyParameterFromQuery(Name = "indicator")] public string? QueryIndicator { get; set; }

    private int? _focusUnit;
    private bool _revealed;

    private IEnumerable<int> Years => new[] { Commands.Today.Year - 1, Commands.Today.Year, Commands.Today.Year + 1, _year }.Distinct().Order();

    private TargetView Current => _view!.Targets.First(t => t.Indicator == _indicator);

    protected override async Task OnInitializedAsync()
    {
        _year = QueryYear is { } y and >= 2000 and <= 2100 ? y : Commands.Today.Year;
        if (Enum.TryParse<AnnualIndicator>(QueryIndicator, ignoreCase: false, out var indicator) && Enum.IsDefined(indicator)) _indicator = indicator;
        _focusUnit = QueryUnit;
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

    /// <summary>The unit's row (linked from its alert) is brought into view once, when the table first shows it.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusUnit is not { } unit || _revealed || _view is null || !RendererInfo.IsInteractive) return;
        _revealed = true;
        try
        {
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/reveal.js");
            await module.InvokeAsync<bool>("reveal", _seesAll
                ? $"[data-testid=annual-row][data-unit-id='{unit}']"
                : $"[data-testid=annual-row][data-indicator='{_indicator}']");
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException or TaskCanceledException)
        {
        }
    }

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
