using System.Text.RegularExpressions;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Reports;

/// <summary>
/// Files or amends a fortnightly report or a progress update (Art. 22). The input is based on the revision the
/// user saw; a submission after someone else's is refused as a conflict, and the user rebases and keeps the input.
/// </summary>
public partial class ReportForm
{
    private ReportFormView? _view;
    private ReportFormModel? _model;
    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private IReadOnlyList<UnitInfo> _units = [];
    private Dictionary<string, string> _errors = [];
    private string? _generalError;
    private bool _conflict;
    private bool _othersUpdated;
    private bool _saving;
    private bool _saved;
    private DateTime _today;
    private ReportKind _kind;

    [Parameter] public int ProjectId { get; set; }
    [Parameter] public int PeriodIndex { get; set; }
    [Parameter] public string Kind { get; set; } = string.Empty;

    /// <summary>Where to go after submitting (a local path, e.g. the project page); the inbox by default.</summary>
    [SupplyParameterFromQuery(Name = "return")] public string? ReturnUrl { get; set; }

    [Inject] private ReportFormReader Reader { get; set; } = default!;
    [Inject] private SubmitReportCommand Submit { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<ReportForm> Logger { get; set; } = default!;

    private string Title => _view is null ? T["Reports.Title"] : $"{T.Enum(_kind)} · {T.Period(_view.Period)}";

    private string BackUrl => LocalUrls.OrDefault(ReturnUrl, _kind == ReportKind.Update ? $"/projects/{ProjectId}" : "/reports");

    /// <summary>The project's cumulative funds once this revision replaces the current one's figure for the period.</summary>
    private decimal NewTotal => _view!.FundsInPlaceWan - (_view.Current?.FundsInPlaceThisPeriodWan ?? 0m) + _model!.FundsInPlaceThisPeriodWan;

    private decimal NewOutOfRegion => _view!.OutOfRegionFundsInPlaceWan - (_view.Current?.OutOfRegionFundsThisPeriodWan ?? 0m) + _model!.OutOfRegionFundsThisPeriodWan;

    protected override async Task OnParametersSetAsync()
    {
        _today = BeijingTime.Today(Clock).ToDateTime(TimeOnly.MinValue);
        _kind = Kind.ToLowerInvariant() switch
        {
            "fortnightly" => ReportKind.Fortnightly,
            "update" => ReportKind.Update,
            _ => (ReportKind)(-1),
        };
        _scope = await ScopeProvider.GetAsync();
        _ref = await Reference.GetAsync();
        _units = [.. _ref.HostUnits, .. _ref.Units.Where(u => !_ref.HostUnits.Contains(u))];
        _view = Enum.IsDefined(_kind) ? await Reader.GetAsync(_scope, ProjectId, PeriodIndex, _kind) : null;
        if (_view is null)
        {
            // Not found, not visible and not reportable look the same.
            Navigation.NotFound();
            return;
        }
        _model = ReportFormModel.From(_view);
    }

    protected override bool Concerns(ChangeNotice notice) =>
        notice.ProjectId == ProjectId && (notice.Kind == ChangeKinds.ReportSubmitted ? notice.PeriodIndex == PeriodIndex : notice.Kind.StartsWith("project.", StringComparison.Ordinal));

    /// <summary>Someone filed for this project-period-kind: say so (the user's submit would conflict); otherwise refresh the figures.</summary>
    protected override async Task ApplyAsync(LiveChanges changes)
    {
        if (_scope is null || _model is null || _saved) return;
        var latest = await Reader.GetAsync(_scope, ProjectId, PeriodIndex, _kind);
        if (latest is null || _saved) return;
        if (latest.CurrentRevision != _model.ExpectedRevision) _othersUpdated = true;
        else _view = latest;
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? Err(string field) => _errors.GetValueOrDefault(field);

    private void Tick(MilestoneRow row, bool reached)
    {
        row.Reached = reached;
        if (reached) row.ReachedOn ??= _today;
    }

    private async Task SubmitAsync()
    {
        if (_view is null || _model is null || _scope is null || _saving) return;
        _saving = true;
        _generalError = null;
        try
        {
            var reached = _model.ReachedRows;
            var result = await Submit.ExecuteAsync(_scope, _model.ToCommand(ProjectId, _view.Period, _kind));
            _errors = [];
            _conflict = false;
            switch (result.Status)
            {
                case WriteStatus.Saved:
                    _saved = true;
                    Snackbar.Add(T["Reports.Submitted", T.Enum(_kind), _model.ExpectedRevision + 1], Severity.Success);
                    Navigation.NavigateTo(LocalUrls.IsLocal(ReturnUrl) ? ReturnUrl! : _kind == ReportKind.Fortnightly ? $"/reports?done={ProjectId}-{PeriodIndex}" : $"/projects/{ProjectId}");
                    break;
                case WriteStatus.Invalid:
                    foreach (var e in result.Errors!) Place(e, reached);
                    _generalError ??= T["Form.FixErrors", _errors.Count];
                    break;
                case WriteStatus.Conflict:
                    // The input stays; the user rebases on the current revision and submits again.
                    _conflict = true;
                    break;
                case WriteStatus.Unavailable:
                    // Not saved (the database was busy or failed): the input stays; the user may submit again.
                    _generalError = WriteFeedback.Of(T, result).Message;
                    break;
                default:
                    Navigation.NotFound();
                    break;
            }
        }
        catch (Exception ex) when (ex is not NavigationException)
        {
            Logger.LogError(ex, "Submitting a report for project {ProjectId}, period {PeriodIndex} failed", ProjectId, PeriodIndex);
            _generalError = T["Write.Failed"];
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>Puts a violation next to its field; <c>Milestones[i]</c> counts only the ticked milestones.</summary>
    private void Place(FieldViolation e, IReadOnlyList<MilestoneRow> reached)
    {
        if (MilestoneIndex().Match(e.Field) is { Success: true } m && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < reached.Count)
        {
            var row = reached[i];
            // The command cannot name the milestone before it loads the project; the form can.
            var violation = e.Violation.Code == "Milestone.ReachedInFuture" ? new RuleViolation(e.Violation.Code, row.Name) : e.Violation;
            _errors.TryAdd($"ms-{row.Id}", T.Rule(violation));
        }
        else if (string.IsNullOrEmpty(e.Field))
        {
            _generalError = T.Rule(e.Violation);
        }
        else
        {
            _errors.TryAdd(e.Field, T.Rule(e.Violation));
        }
    }

    /// <summary>After a conflict (or a notice): base the input on the current revision, keeping everything typed.</summary>
    private async Task KeepMyChangesAsync()
    {
        if (_scope is null || _model is null) return;
        var current = await Reader.GetAsync(_scope, ProjectId, PeriodIndex, _kind);
        if (current is null || !current.CanFile)
        {
            Navigation.NotFound();
            return;
        }
        _view = current;
        _model.ExpectedRevision = current.CurrentRevision;
        var ticked = _model.Milestones.ToDictionary(m => m.Id);
        _model.Milestones = current.OpenMilestones.Select(m => ticked.TryGetValue(m.Id, out var old)
            ? old
            : new MilestoneRow { Id = m.Id, Name = m.Name, PlannedOn = m.PlannedOn }).ToList();
        _conflict = false;
        _othersUpdated = false;
        _errors = [];
        Snackbar.Add(T["Reports.Rebased", current.CurrentRevision], Severity.Info);
    }

    private async Task ShowRevisionAsync(ReportRevisionView revision)
    {
        var parameters = new DialogParameters<ReportRevisionDialog> { { x => x.Revision, revision }, { x => x.Ref, _ref } };
        await Dialogs.ShowAsync<ReportRevisionDialog>(T["Reports.RevisionN", revision.Revision], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
    }

    [GeneratedRegex(@"^Milestones\[(\d+)\]$")]
    private static partial Regex MilestoneIndex();
}
