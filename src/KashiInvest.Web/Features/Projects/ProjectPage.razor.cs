using KashiInvest.Domain.Projects;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Projects;

public partial class ProjectPage
{
    private ProjectView? _view;
    private IReadOnlyList<ProjectStage> _next = [];
    private ReferenceCache.Snapshot? _ref;
    private string? _postUpdateUrl;

    [Parameter] public int Id { get; set; }

    [Inject] private ProjectReader Reader { get; set; } = default!;
    [Inject] private ChangeStageCommand ChangeStage { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _ref = await Reference.GetAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var scope = await ScopeProvider.GetAsync();
        _view = await Reader.GetAsync(scope, Id);
        if (_view is null)
        {
            // Not found and not allowed look the same: nothing about the project is revealed.
            Navigation.NotFound();
            return;
        }
        _next = ProjectLifecycle.NextStages(_view.Stage);
        _postUpdateUrl = Reports.ReportLinks.PostUpdate(scope, _view, Clock);
    }

    /// <summary>A move that a procedure owns opens that procedure's screen (Art. 19 triage, Art. 20 evaluation, Art. 22 signing).</summary>
    private string? ProcedureHref(ProjectStage to) => ProjectLifecycle.ProcedureFor(_view!.Stage, to, _view.Coordination) switch
    {
        LifecycleProcedure.Triage => "/triage",
        LifecycleProcedure.Evaluation => $"/evaluations/new?project={_view.Id}",
        LifecycleProcedure.Signing => $"/projects/{_view.Id}/signing",
        _ => null,
    };

    private async Task MoveAsync(ProjectStage to)
    {
        var parameters = new DialogParameters<TransitionDialog>
        {
            { x => x.To, to },
            { x => x.ProjectName, _view!.Name },
        };
        var dialog = await Dialogs.ShowAsync<TransitionDialog>(T[$"Transition.To.{to}"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled || result.Data is not StageTransition transition) return;

        var scope = await ScopeProvider.GetAsync();
        var outcome = await ChangeStage.ExecuteAsync(scope, _view.Id, _view.Version, transition);
        switch (outcome.Status)
        {
            case WriteStatus.Saved:
                Snackbar.Add(T["Transition.Done", T.Enum(to)], Severity.Success);
                break;
            case WriteStatus.Conflict:
                Snackbar.Add(T["Write.Conflict"], Severity.Warning);
                break;
            case WriteStatus.Invalid:
                Snackbar.Add(T.Rule(outcome.Errors![0].Violation), Severity.Error);
                break;
            default:
                Snackbar.Add(T["Write.NotAllowed"], Severity.Error);
                break;
        }
        await LoadAsync();
    }
}
