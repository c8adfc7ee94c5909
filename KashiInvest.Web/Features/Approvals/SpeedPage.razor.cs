using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>
/// The approval speed table (审批提速, Art. 23): per department and per catalogue item, the finished items' count, median
/// days taken against the statutory and committed limits, the share finished inside half the statutory time, and the
/// open items overdue; filtered by group (county or KEDZ), level and year. Live: every approval item notice re-reads
/// the table under the user's own scope, and the rows whose figures changed flash.
/// </summary>
public partial class SpeedPage
{
    /// <summary>Who may open the page (what each sees is <see cref="SpeedQuery"/>'s rule).</summary>
    public const string Roles = "Administrator,Bureau,Leader,Display,ServiceGroup,Department";

    private UserScope? _scope;
    private SpeedFilter _filter = new();
    private SpeedTable? _table;
    private readonly LiveFlash<string> _flash = new();

    [Inject] private SpeedQuery Query { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _scope = await Scopes.GetAsync();
        _filter = new SpeedFilter(Year: BeijingTime.Today(Clock).Year);
        await ReadInTurnAsync(() => LoadAsync(flash: false));
    }

    protected override bool Concerns(ChangeNotice notice) => notice.Kind == ChangeKinds.ApprovalItemChanged;

    protected override Task ApplyAsync(LiveChanges changes) => LoadAsync(flash: true);

    private Task HostChangedAsync(int? host) => FilterAsync(_filter with { HostUnitId = host });

    private Task LevelChangedAsync(ApprovalLevel? level) => FilterAsync(_filter with { Level = level });

    private Task YearChangedAsync(int? year) => FilterAsync(_filter with { Year = year });

    private Task FilterAsync(SpeedFilter filter)
    {
        _filter = filter;
        _flash.Clear();
        return ReadInTurnAsync(() => LoadAsync(flash: false));
    }

    /// <summary>Re-reads the table; with <paramref name="flash"/>, the rows whose figures differ from before flash.</summary>
    private async Task LoadAsync(bool flash)
    {
        if (_scope is null) return;
        var before = _table;
        _table = await Query.LoadAsync(_scope, _filter, Disposing);
        if (!flash || before is null) return;
        var old = before.Departments.SelectMany(d => d.Items.Select(i => (Key(i), (object)i)).Append((Key(d), Strip(d)))).ToDictionary(p => p.Item1, p => p.Item2);
        foreach (var dept in _table.Departments)
        {
            if (!old.TryGetValue(Key(dept), out var was) || !Equals(was, Strip(dept))) _flash.Mark(Key(dept));
            foreach (var item in dept.Items)
            {
                if (!old.TryGetValue(Key(item), out var wasItem) || !Equals(wasItem, item)) _flash.Mark(Key(item));
            }
        }
    }

    /// <summary>A department row without its items (records compare lists by reference).</summary>
    private static SpeedDepartmentRow Strip(SpeedDepartmentRow row) => row with { Items = [] };

    private static string Key(SpeedDepartmentRow row) => $"d{row.DepartmentUnitId}";

    private static string Key(SpeedItemRow row) => $"i{row.CatalogueItemId}";

    private string? Flash(string key) => _flash.Of(key) > 0 ? "kashi-flash" : null;

    private static string ItemName(SpeedItemRow item) => Shared.Localized.Pick(item.Name, item.NameEn);

    private string Days(decimal? median, LimitUnit? unit)
    {
        if (median is not { } m) return "—";
        var text = m.ToString(m == decimal.Truncate(m) ? "0" : "0.0", System.Globalization.CultureInfo.InvariantCulture);
        return unit is { } u ? T["Speed.Days", text, T.Enum(u)] : text;
    }

    private static string Rated(SatisfactionFigures ratings) => ratings.Rated == 0 ? "—" : ratings.Rated.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The share of 好评 among the rated items, with the counts behind it: "80.0 % (4/5)".</summary>
    private static string GoodShare(SatisfactionFigures ratings) => ratings.GoodPercent is { } percent
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{percent:0.0} % ({ratings.Good}/{ratings.Rated})")
        : "—";

    private static string Overdue(int count) => count == 0 ? "—" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Color ColorOf(SpeedVerdict verdict) => verdict switch
    {
        SpeedVerdict.Good => Color.Success,
        SpeedVerdict.Fair => Color.Warning,
        SpeedVerdict.Poor => Color.Error,
        _ => Color.Default,
    };
}
