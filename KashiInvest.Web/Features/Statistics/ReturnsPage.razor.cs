using KashiInvest.Domain.Access;
using KashiInvest.Domain.Statistics;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Statistics;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Statistics;

/// <summary>
/// The monthly returns (<c>/statistics/returns</c>). The Bureau (leaders and the wall read-only) picks a month (the
/// latest closed one by default) and sees every attracting unit's return with its state, deadline and last step —
/// returned and not submitted first — and below it the prefecture's monthly table of the approved returns. A unit
/// sees its own returns of the last months. Live: any <c>return.changed</c> the user may see re-reads the page.
/// </summary>
public partial class ReturnsPage
{
    /// <summary>How many closed months the picker offers (two years of history and the latest).</summary>
    private const int PickerMonths = 36;

    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private bool _seesAll;
    private StatMonth _month;
    private IReadOnlyList<ReturnListRow> _rows = [];
    private PrefectureMonthlyTable? _table;
    private bool _loading = true;

    [Inject] private ReturnListQuery Query { get; set; } = default!;
    [Inject] private PrefectureMonthlyTableQuery TableQuery { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private IEnumerable<StatMonth> Months => Enumerable.Range(0, PickerMonths).Select(i => StatMonth.FromIndex(Query.LatestClosed.Index - i));

    protected override async Task OnParametersSetAsync()
    {
        _scope = await Scopes.GetAsync();
        if (!ReturnListQuery.MayOpen(_scope))
        {
            Navigation.NotFound();
            return;
        }
        _ref = await Reference.GetAsync();
        _seesAll = ReturnListQuery.SeesAllUnits(_scope);
        _month = Query.LatestClosed;
        await ReadInTurnAsync(ReadAsync);
    }

    // The feed has already limited notices to the user's scope: a unit hears of its own returns only.
    protected override bool Concerns(ChangeNotice notice) => notice.Kind == ChangeKinds.ReturnChanged;

    // The month's list and table, or last year's months its year-on-year growth compares with (a revision there).
    protected override Task ApplyAsync(LiveChanges changes) =>
        changes.Everything || !_seesAll || changes.Notices.Any(n => n.PeriodIndex is { } m && (m == _month.Index
            || (m >= _month.SameMonthLastYear.FirstOfYear.Index && m <= _month.SameMonthLastYear.Index))) ? ReadAsync() : Task.CompletedTask;

    private async Task MonthChangedAsync(int index)
    {
        _month = StatMonth.FromIndex(index);
        _loading = true;
        await ReadInTurnAsync(ReadAsync);
    }

    private async Task ReadAsync()
    {
        if (_scope is null) return;
        if (_seesAll)
        {
            _rows = await Query.ForMonthAsync(_scope, _month);
            _table = await TableQuery.ReadAsync(_month);
        }
        else
        {
            _rows = await Query.ForUnitAsync(_scope);
        }
        _loading = false;
    }

    private string MonthText(StatMonth m) => T["Statistics.Returns.MonthOption", m.Year, m.Month];

    private static Color StateColor(ReturnListState state) => state switch
    {
        ReturnListState.Approved => Color.Success,
        ReturnListState.Submitted => Color.Info,
        ReturnListState.Returned => Color.Warning,
        ReturnListState.NotComputed => Color.Error,
        _ => Color.Default,
    };
}
