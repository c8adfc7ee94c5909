using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using Microsoft.AspNetCore.Components;

namespace KashiInvest.Web.Features.Assessment;

/// <summary>
/// What the year's assessment pages share: the signed-in scope and the year's view, read in turn when the page opens
/// and again on every assessment notice of the year; a year the user may not see is not found.
/// </summary>
public abstract class AssessmentPage : LivePage
{
    [Parameter] public int Year { get; set; }
    [Inject] protected AssessmentCommands Commands { get; set; } = default!;
    [Inject] protected IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected UserScope? Scope { get; private set; }
    protected AssessmentView? View { get; private set; }

    protected override async Task OnParametersSetAsync()
    {
        Scope = await Scopes.GetAsync();
        await ReadInTurnAsync(ReadAsync);
        if (View is null) Navigation.NotFound();
    }

    protected override bool Concerns(ChangeNotice notice) => notice.Kind == ChangeKinds.AssessmentChanged && notice.PeriodIndex == Year;

    protected override Task ApplyAsync(LiveChanges changes) => ReadAsync();

    protected async Task ReadAsync()
    {
        if (Scope is null) return;
        View = await Commands.ReadAsync(Scope, Year);
    }
}
