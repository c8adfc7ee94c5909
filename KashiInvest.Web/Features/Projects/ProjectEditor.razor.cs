using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Projects;

public partial class ProjectEditor
{
    private ProjectForm? _form;
    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private Dictionary<string, string> _errors = [];
    private string? _generalError;
    private bool _conflict;
    private bool _loading = true;
    private bool _saving;

    [Parameter] public int? Id { get; set; }

    [Inject] private ProjectReader Reader { get; set; } = default!;
    [Inject] private SaveProjectCommand Save { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private WorkGroupThresholds Thresholds { get; set; } = default!;
    [Inject] private ILogger<ProjectEditor> Logger { get; set; } = default!;

    private string Title => Id is null ? T["Nav.NewProject"] : T["Project.Edit"];

    private WorkGroupLevel PreviewLevel => Thresholds.LevelFor(Money.FromWan(_form?.PlannedInvestmentWan ?? 0m), _form?.ExpectedJobs ?? 0);

    protected override async Task OnParametersSetAsync()
    {
        _scope = await ScopeProvider.GetAsync();
        _ref = await Reference.GetAsync();
        if (Id is { } id)
        {
            var view = await Reader.GetAsync(_scope, id);
            if (view is null || !view.CanEdit)
            {
                Navigation.NotFound();
                return;
            }
            _form = ProjectForm.From(view);
        }
        else
        {
            if (!_scope.CanCreateProjects)
            {
                Navigation.NotFound();
                return;
            }
            _form = new ProjectForm { HostUnitId = _scope.HostIsFixed ? _scope.UnitId : null };
        }
        _loading = false;
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? Err(string field) => _errors.GetValueOrDefault(field);

    private void OnChainChanged(int? chainId)
    {
        _form!.ChainId = chainId;
        if (_ref?.Link(_form.ChainLinkId)?.ChainId != chainId) _form.ChainLinkId = null;
    }

    private Task<IEnumerable<InvestorView>> SearchInvestorsAsync(string? text, CancellationToken ct) =>
        Reader.SearchInvestorsAsync(_scope!, text, ct).ContinueWith(t => (IEnumerable<InvestorView>)t.Result, ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

    /// <summary>The user agrees to link the project to the investor on file with the typed credit code, and saves.</summary>
    private Task LinkByCreditCodeAsync()
    {
        if (_form is null) return Task.CompletedTask;
        _form.LinkByCreditCode = _form.NewInvestorCreditCode.Trim();
        return SaveAsync();
    }

    private async Task SaveAsync()
    {
        if (_form is null || _scope is null || _saving) return;
        _saving = true;
        _generalError = null;
        try
        {
            var result = await Save.ExecuteAsync(_scope, _form);
            _errors = [];
            _conflict = false;
            switch (result.Status)
            {
                case WriteStatus.Saved:
                    Snackbar.Add(T["Write.Saved"], Severity.Success);
                    Navigation.NavigateTo($"/projects/{result.Id}");
                    break;
                case WriteStatus.Invalid:
                    foreach (var e in result.Errors!)
                    {
                        if (string.IsNullOrEmpty(e.Field)) _generalError = T.Rule(e.Violation);
                        else _errors.TryAdd(e.Field, T.Rule(e.Violation));
                    }
                    _generalError ??= T["Form.FixErrors", _errors.Count];
                    break;
                case WriteStatus.Conflict:
                    // The user's input stays in the form; they decide what to keep.
                    _conflict = true;
                    break;
                default:
                    // Not allowed, gone, or not saved (the database was busy): the input stays in the form.
                    _generalError = WriteFeedback.Of(T, result).Message;
                    break;
            }
        }
        catch (Exception ex) when (ex is not NavigationException)
        {
            // The form and its input stay; the user is told, and the circuit survives.
            Logger.LogError(ex, "Saving project {ProjectId} failed", _form.Id);
            _generalError = T["Write.Failed"];
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>After a conflict: take the current version as the base but keep everything the user typed.</summary>
    private async Task KeepMyChangesAsync()
    {
        if (_form?.Id is not { } id || _scope is null) return;
        var current = await Reader.GetAsync(_scope, id);
        if (current is null)
        {
            Navigation.NotFound();
            return;
        }
        _form.Version = current.Version;
        var knownIds = current.Milestones.Select(m => m.Id).ToHashSet();
        foreach (var row in _form.Milestones.Where(r => r.Id is { } mid && !knownIds.Contains(mid))) row.Id = null;
        _conflict = false;
        Snackbar.Add(T["Write.RebasedKeepInput"], Severity.Info);
    }
}
