using KashiInvest.Domain.Access;
using KashiInvest.Domain.Investors;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Projects;

public partial class ProjectRegister
{
    private MudDataGrid<RegisterRow>? _grid;
    private RegisterFilter _filter = new();
    private string? _search;
    private string? _tierKey;
    private int _total;
    /// <summary>The first row of the grid's page: it carries the screen's first-render mark (<see cref="ScreenRendered"/>).</summary>
    private int? _firstRowId;
    private string? _sortBy;
    private bool _descending = true;
    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;

    [Inject] private ProjectRegisterQuery Query { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _scope = await ScopeProvider.GetAsync();
        _ref = await Reference.GetAsync();
    }

    private async Task<GridData<RegisterRow>> LoadAsync(GridState<RegisterRow> state, CancellationToken ct)
    {
        _scope ??= await ScopeProvider.GetAsync();
        var sort = state.SortDefinitions.FirstOrDefault();
        (_sortBy, _descending) = (sort?.SortBy, sort?.Descending ?? true);
        var page = await Query.RunAsync(_scope, _filter, sort?.SortBy, sort?.Descending ?? true, state.Page, state.PageSize, ct);
        _total = page.Total;
        _firstRowId = page.Rows.Count == 0 ? null : page.Rows[0].Id;
        StateHasChanged();
        return new GridData<RegisterRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private Task Apply(RegisterFilter filter)
    {
        _filter = filter;
        return _grid?.ReloadServerData() ?? Task.CompletedTask;
    }

    private Task OnSearch(string? text)
    {
        _search = text;
        return Apply(_filter with { Search = text });
    }

    private Task OnTier(string? key)
    {
        _tierKey = key;
        return key switch
        {
            null => Apply(_filter with { Tier = null, Tiered = null }),
            "tiered" => Apply(_filter with { Tier = null, Tiered = true }),
            "none" => Apply(_filter with { Tier = null, Tiered = false }),
            _ => Apply(_filter with { Tier = Enum.Parse<InvestorTier>(key), Tiered = null }),
        };
    }

    private Task ClearFilters()
    {
        _search = null;
        _tierKey = null;
        return Apply(new RegisterFilter());
    }
}
