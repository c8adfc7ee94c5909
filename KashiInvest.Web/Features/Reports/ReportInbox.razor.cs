using KashiInvest.Domain.Access;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Reports;

/// <summary>
/// The inbox of owed fortnightly reports (Art. 22). Holds a snapshot of every row in scope and applies live
/// changes: a notice about a project re-reads that project's rows, and the rows that changed flash and stay in
/// view (pinned on top) until the user changes the filters, so a report that was just filed is seen turning
/// from overdue to "submitted late" instead of vanishing.
/// </summary>
public partial class ReportInbox
{
    private const int PageSize = 50;

    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private List<InboxRow>? _rows;
    private List<InboxRow> _shown = [];
    private InboxCounts _counts = new(0, 0, 0);
    private IReadOnlyList<ChainInfo> _chains = [];
    private IReadOnlyList<UnitInfo> _hosts = [];
    private readonly HashSet<string> _pinned = [];
    private readonly LiveFlash<string> _flash = new();

    private string? _search;
    private ObligationState? _state;
    private int? _chainId;
    private int? _hostId;
    private bool _showHistory;
    private int _page = 1;

    /// <summary>The row a just-submitted form came back from (<c>projectId-periodIndex</c>): pinned and flashed.</summary>
    [SupplyParameterFromQuery(Name = "done")] public string? Done { get; set; }

    [Inject] private ReportInboxQuery Query { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private IOptions<HealthSettings> Settings { get; set; } = default!;

    private int DeadlineDays => Settings.Value.ReportDeadlineDays;

    private int PageCount => Math.Max(1, (_shown.Count + PageSize - 1) / PageSize);

    private IEnumerable<InboxRow> PageRows => _shown.Skip((Math.Min(_page, PageCount) - 1) * PageSize).Take(PageSize);

    protected override async Task OnInitializedAsync()
    {
        _scope = await ScopeProvider.GetAsync();
        _ref = await Reference.GetAsync();
        await ReadInTurnAsync(async () =>
        {
            _rows = [.. await Query.LoadAsync(_scope)];
            if (Done is { Length: > 0 } done && _rows.Any(r => r.Key == done))
            {
                _pinned.Add(done);
                _flash.Mark(done);
            }
            Recompute();
        });
    }

    protected override bool Concerns(ChangeNotice notice) =>
        notice.Kind == ChangeKinds.ReportSubmitted || notice.Kind.StartsWith("project.", StringComparison.Ordinal);

    /// <summary>A notice about a project re-reads that project's rows; a reconnect or a gap re-reads them all.</summary>
    protected override async Task ApplyAsync(LiveChanges changes)
    {
        if (_scope is null || _rows is null) return;
        if (changes.Everything)
        {
            Apply(null, await Query.LoadAsync(_scope));
            return;
        }
        var ids = changes.ProjectIds;
        if (ids.Count > 0) Apply(ids, await Query.LoadAsync(_scope, ids));
    }

    /// <summary>Replaces the rows of <paramref name="projectIds"/> (all rows when null) and flashes what changed.</summary>
    private void Apply(IReadOnlyCollection<int>? projectIds, IReadOnlyList<InboxRow> fresh)
    {
        if (_rows is null) return;
        var before = _rows.Where(r => projectIds is null || projectIds.Contains(r.Project.Id)).ToDictionary(r => r.Key);
        _rows.RemoveAll(r => projectIds is null || projectIds.Contains(r.Project.Id));
        _rows.AddRange(fresh);
        foreach (var row in fresh)
        {
            if (before.TryGetValue(row.Key, out var old) && old.State == row.State && old.Revision == row.Revision) continue;
            _pinned.Add(row.Key);
            _flash.Mark(row.Key);
        }
        Recompute();
    }

    private void Recompute()
    {
        if (_rows is null || _ref is null) return;
        _chains = _rows.Select(r => r.Project.ChainId).Distinct().Select(id => _ref.Chain(id)).OfType<ChainInfo>().OrderBy(c => c.Id).ToList();
        _hosts = _ref.HostUnits.Where(u => _rows.Any(r => r.Project.HostUnitId == u.Id)).ToList();

        var text = _search?.Trim();
        var inFilters = _rows.Where(r =>
            (_chainId is null || r.Project.ChainId == _chainId) &&
            (_hostId is null || r.Project.HostUnitId == _hostId) &&
            (string.IsNullOrEmpty(text) || r.Project.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || r.Project.Code.Contains(text, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        _counts = ReportInboxQuery.Count(inFilters);
        var showSubmitted = _showHistory || _state is ObligationState.Submitted or ObligationState.SubmittedLate;
        var listed = inFilters.Where(r => _pinned.Contains(r.Key) || ((_state is null || r.State == _state) && (showSubmitted || r.IsOutstanding)));
        // Rows that just changed stay on top where the user is looking; then outstanding first, then history.
        _shown = [.. ReportInboxQuery.Order(listed).OrderBy(r => _pinned.Contains(r.Key) ? 0 : 1)];
    }

    /// <summary>A filter change is a fresh look: the pinned rows fall back into their places.</summary>
    private void Refilter()
    {
        _pinned.Clear();
        _flash.Clear();
        _page = 1;
        Recompute();
    }

    private void OnSearch(string? text) { _search = text; Refilter(); }

    private void OnState(ObligationState? state) { _state = state; Refilter(); }

    private void OnChain(int? chainId) { _chainId = chainId; Refilter(); }

    private void OnHost(int? hostId) { _hostId = hostId; Refilter(); }

    private void OnHistory(bool show) { _showHistory = show; Refilter(); }

    private static string FormUrl(InboxRow row, string kind) => $"/reports/{row.Project.Id}/{row.Period.Index}/{kind}";

    [Inject] private KashiInvest.Web.Shared.Excel.ExcelExporter Exporter { get; set; } = default!;

    /// <summary>The listed reports as a workbook: every row the filters show (all pages), in the inbox's order.</summary>
    private Task<KashiInvest.Web.Shared.Excel.ExcelFile> ExportAsync() =>
        Task.FromResult(ReportInboxExcel.Export(Exporter, T, _ref!, [.. _shown],
            ReportInboxExcel.Describe(T, _ref!, _search, _state, _chainId, _hostId, _showHistory)));
}
