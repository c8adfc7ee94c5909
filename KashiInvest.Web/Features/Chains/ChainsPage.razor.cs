using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using Microsoft.AspNetCore.Components;

namespace KashiInvest.Web.Features.Chains;

/// <summary>
/// All chains at a glance (Art. 12): per chain its links by status, how many gaps have targets, and the projects on it
/// by stage; below, the prefecture's gaps nobody works on. Re-read on a map change and on project or target changes.
/// </summary>
public partial class ChainsPage
{
    private UserScope? _scope;
    private ChainOverview? _overview;

    [Inject] private ChainMapQuery Query { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _scope ??= await ScopeProvider.GetAsync();
        await ReadInTurnAsync(ReadAsync);
    }

    protected override bool Concerns(ChangeNotice notice) => ChainMapPage.ConcernsMaps(notice, null);

    protected override Task ApplyAsync(LiveChanges changes) => ReadAsync();

    private async Task ReadAsync() => _overview = await Query.OverviewAsync(_scope!);
}
