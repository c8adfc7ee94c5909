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
    private ProjectDocuments _documents = ProjectDocuments.Empty;

    [Parameter] public int Id { get; set; }

    [Inject] private ProjectReader Reader { get; set; } = default!;
    [Inject] private StageMoveFlow Mover { get; set; } = default!;
    [Inject] private ProjectDocumentsQuery DocumentsQuery { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
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
        _documents = await DocumentsQuery.ReadAsync(scope, _view.Id);
    }

    /// <summary>Who made a change: the person's display name (or user name) and their unit.</summary>
    private string Who(StageChangeView h)
    {
        var person = h.ChangedByName ?? h.ChangedBy;
        return h.ChangedByUnitId is { } unit ? T["Project.HistoryBy", person, _ref?.UnitName(unit) ?? "—"] : person;
    }

    /// <summary>A move that a procedure owns opens that procedure's screen (Art. 19 triage, Art. 20 evaluation, Art. 22 signing).</summary>
    private string? ProcedureHref(ProjectStage to) =>
        StageMoves.ProcedureHref(ProjectLifecycle.ProcedureFor(_view!.Stage, to, _view.Coordination), _view.Id);

    private async Task MoveAsync(ProjectStage to)
    {
        var scope = await ScopeProvider.GetAsync();
        var outcome = await Mover.MoveAsync(scope, new StageMoveSubject(_view!.Id, _view.Version, _view.Name, _view.Stage, _view.Coordination), to);
        StageMoveFlow.Report(Snackbar, outcome);
        if (outcome.Status is StageMoveStatus.Cancelled or StageMoveStatus.Navigated) return;
        await LoadAsync();
    }
}
