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
public sealed partial class BattleMap
{
    private readonly LiveFlash<BattleMapSection> _flash = new();
    private BattleMapView? _view;
    private ReferenceCache.Snapshot? _ref;
    private UserScope? _scope;
    private int? _newReportId;
    /// <summary>The approvals cards re-read when this changes (<see cref="BattleMapSections.RereadsApprovals"/>), not on every re-read.</summary>
    private object _approvals = new();
    /// <summary>The commitments card re-reads when this changes (<see cref="BattleMapSections.RereadsCommitments"/>).</summary>
    private object _commitments = new();
    private bool _gone;

    [Parameter] public int Id { get; set; }

    [Inject] private BattleMapReader Reader { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Only notices about this project (LivePage subscribes on the interactive pass, before the first read).</summary>
    protected override bool Concerns(ChangeNotice notice) => notice.ProjectId == Id;

    protected override async Task OnParametersSetAsync()
    {
        _ref ??= await Reference.GetAsync();
        _scope ??= await ScopeProvider.GetAsync();
        if (_view?.Project.Id == Id) return;
        _flash.Clear();
        _newReportId = null;
        BattleMapView? view = null;
        await ReadInTurnAsync(async () =>
        {
            view = await Reader.GetAsync(_scope, Id);
            if (view is null) return;
            _approvals = new();
            _commitments = new();
            Show(view);
        });
        // Not found and not allowed look the same: nothing about the project is revealed.
        if (view is null && !IsDisposed) Navigation.NotFound();
    }

    private int Tick(BattleMapSection section) => _flash.Of(section);

    /// <summary>Planned and actual bars per milestone, late ones red, with a line at today (built per render: KashiChart sends only real changes).</summary>
    private ChartSpec MilestoneSpec() => MilestoneTimeline.Spec(_view!.Project, _view.Today, T);

    /// <summary>Cumulative funds in place (total and out-of-region) by half-month period against the plan line.</summary>
    private ChartSpec FundsSpec() => ChartSpecs.FundsInPlace(
        _view!.Funds.Select(f => new FundsPoint(f.On, f.TotalWan, f.OutOfRegionWan)).ToList(),
        _view.Plan.Select(p => new PlanPoint(p.On, p.Wan)).ToList(),
        T["BattleMap.FundsTotal"], T["BattleMap.FundsOutOfRegion"], T["Chart.Plan"], T["Chart.AxisWan"]);

    /// <summary>Re-reads the battle map and applies it with a highlight on the cards the batch touched.</summary>
    protected override async Task ApplyAsync(LiveChanges changes)
    {
        var touched = changes.Everything ? BattleMapSection.None : BattleMapSections.Affected(changes.Notices);
        var newReportId = changes.Notices.LastOrDefault(n => n.Kind == ChangeKinds.ReportSubmitted)?.ItemId;
        if (_scope is null) return;
        var view = await Reader.GetAsync(_scope, Id);
        if (IsDisposed) return;
        if (view is null)
        {
            // The project left this user's scope (or was removed) while the page was open.
            _view = null;
            _gone = true;
            return;
        }
        if (_view is null || BattleMapSections.RereadsApprovals(changes.Everything, touched, _view.Project.Stage, view.Project.Stage)) _approvals = new();
        if (_view is null || BattleMapSections.RereadsCommitments(changes.Everything, touched)) _commitments = new();
        foreach (var section in BattleMapSections.All.Where(s => touched.HasFlag(s))) _flash.Mark(section);
        if (newReportId is not null) _newReportId = newReportId;
        Show(view);
    }

    private void Show(BattleMapView view)
    {
        _view = view;
        _gone = false;
        // Overdue days and "today" move with the calendar.
        RereadAtBeijingMidnight();
    }
}
