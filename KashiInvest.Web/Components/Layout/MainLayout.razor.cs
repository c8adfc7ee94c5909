using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace KashiInvest.Web.Components.Layout;

public partial class MainLayout
{
    private bool _drawerOpen = true;
    private string? _unitName;

    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var scope = await ScopeProvider.GetAsync();
        if (scope.UnitId is not null) _unitName = (await Reference.GetAsync()).UnitName(scope.UnitId);
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;
}
