using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Charts;
using Microsoft.AspNetCore.Components;

namespace KashiInvest.Web.Features.BattleMaps;

/// <summary>
/// One project's live battle map (挂图作战, Art. 21). Holds a snapshot read under the user's scope and re-reads it
/// when the live feed says something about this project changed, highlighting the cards the change touched. No
/// polling: the only timer re-reads once when the Beijing date changes, so "overdue" stays true on a screen that
/// is left on overnight.
/// </summary>
public sealed partial class BattleMap : IDisposable
{
    private readonly Dictionary<BattleMapSection, int> _flash = [];
    private BattleMapView? _view;
    private ReferenceCache.Snapshot? _ref;
    private UserScope? _scope;
    private IDisposable? _subscription;
    private ITimer? _midnight;
    private int? _newReportId;
    private bool _gone;
    private bool _disposed;

    [Parameter] public int Id { get; set; }

    [Inject] private BattleMapReader Reader { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private LiveFeed Live { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<BattleMap> Logger { get; set; } = default!;

    protected override void OnInitialized()
    {
        // Only a live circuit subscribes (not the prerendering pass), and before the first read, so that nothing
        // committed after that read can be missed.
        if (RendererInfo.IsInteractive) _subscription = Live.Subscribe(n => n.ProjectId == Id, OnChangesAsync, OnResyncAsync);
    }

    protected override async Task OnParametersSetAsync()
    {
        _ref ??= await Reference.GetAsync();
        _scope ??= await ScopeProvider.GetAsync();
        if (_view?.Project.Id == Id) return;
        _flash.Clear();
        _newReportId = null;
        var view = await Reader.GetAsync(_scope, Id);
        if (view is null)
        {
            // Not found and not allowed look the same: nothing about the project is revealed.
            Navigation.NotFound();
            return;
        }
        Show(view);
    }

    private int Tick(BattleMapSection section) => _flash.GetValueOrDefault(section);

    /// <summary>Planned and actual bars per milestone, late ones red, with a line at today (built per render: KashiChart sends only real changes).</summary>
    private ChartSpec MilestoneSpec() => MilestoneTimeline.Spec(_view!.Project, _view.Today, T);

    /// <summary>Cumulative funds in place (total and out-of-region) by half-month period against the plan line.</summary>
    private ChartSpec FundsSpec() => ChartSpecs.FundsInPlace(
        _view!.Funds.Select(f => new FundsPoint(f.On, f.TotalWan, f.OutOfRegionWan)).ToList(),
        _view.Plan.Select(p => new PlanPoint(p.On, p.Wan)).ToList(),
        T["BattleMap.FundsTotal"], T["BattleMap.FundsOutOfRegion"], T["Chart.Plan"], T["Chart.AxisWan"]);

    private async Task OnChangesAsync(IReadOnlyList<ChangeNotice> batch)
    {
        var touched = BattleMapSections.Affected(batch);
        var newReport = batch.LastOrDefault(n => n.Kind == ChangeKinds.ReportSubmitted)?.ItemId;
        await RefreshAsync(touched, newReport);
    }

    private Task OnResyncAsync() => RefreshAsync(BattleMapSection.None, null);

    /// <summary>Re-reads the battle map (off the renderer) and applies it with a highlight on the touched cards.</summary>
    private async Task RefreshAsync(BattleMapSection touched, int? newReportId)
    {
        if (_disposed || _scope is null) return;
        var view = await Reader.GetAsync(_scope, Id);
        await InvokeAsync(() =>
        {
            if (_disposed) return;
            if (view is null)
            {
                // The project left this user's scope (or was removed) while the page was open.
                _view = null;
                _gone = true;
            }
            else
            {
                foreach (var section in BattleMapSections.All.Where(s => touched.HasFlag(s))) _flash[section] = Tick(section) + 1;
                if (newReportId is not null) _newReportId = newReportId;
                Show(view);
            }
            StateHasChanged();
        });
    }

    private void Show(BattleMapView view)
    {
        _view = view;
        _gone = false;
        ArmMidnight();
    }

    /// <summary>Re-reads once when the Beijing date changes: overdue days and "today" move with the calendar.</summary>
    private void ArmMidnight()
    {
        if (!RendererInfo.IsInteractive || _disposed) return;
        var now = Clock.GetUtcNow().UtcDateTime;
        var due = BeijingTime.StartOfDayUtc(BeijingTime.DateOf(now).AddDays(1)) - now + TimeSpan.FromSeconds(1);
        _midnight?.Dispose();
        _midnight = Clock.CreateTimer(_ => _ = RefreshSafelyAsync(), null, due, Timeout.InfiniteTimeSpan);
    }

    private async Task RefreshSafelyAsync()
    {
        try
        {
            await RefreshAsync(BattleMapSection.None, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Re-reading battle map {ProjectId} at the change of date failed", Id);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
        _midnight?.Dispose();
    }
}
