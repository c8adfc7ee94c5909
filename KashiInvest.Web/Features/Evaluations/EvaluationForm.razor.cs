using KashiInvest.Domain.Common;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Evaluations;

/// <summary>The evaluation meeting record (Art. 20; seed 000 §15): every criterion judged, screens, decision and reasons.</summary>
public partial class EvaluationForm
{
    private EvaluationSubject? _subject;
    private ReferenceCache.Snapshot? _ref;
    private readonly EvaluationFormModel _model = new();
    private IReadOnlyList<FieldViolation> _errors = [];
    private string? _general;
    private bool _busy;
    private bool _loaded;
    private DateTime _today;

    // Bound as text: a query value that is not a number must not fail the page (see QueryValues).
    [SupplyParameterFromQuery(Name = "project")] public string? ProjectQuery { get; set; }

    private int? ProjectId => QueryValues.Id(ProjectQuery);

    [Inject] private EvaluationQuery Query { get; set; } = default!;
    [Inject] private EvaluationCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<EvaluationForm> Logger { get; set; } = default!;

    private IEnumerable<UnitInfo> AttendableUnits => (_ref?.Units ?? []).Where(u => u.Type is UnitType.Bureau or UnitType.LeadersOffice or UnitType.ChainLead
        or UnitType.County or UnitType.DevelopmentZone or UnitType.Department or UnitType.FrontCommand or UnitType.SubBureau);

    protected override async Task OnInitializedAsync()
    {
        _today = BeijingTime.Today(Clock).ToDateTime(TimeOnly.MinValue);
        _ref = await Reference.GetAsync();
        if (ProjectId is { } id) _subject = await Query.SubjectAsync(await Scopes.GetAsync(), id);
        if (_subject is not null)
        {
            // The meeting convened by the Bureau with the chain lead and the host county (Art. 20).
            _model.HeldOn = _today;
            var bureau = _ref.Units.FirstOrDefault(u => u.Type == UnitType.Bureau)?.Id;
            _model.AttendingUnitIds = new[] { bureau, _subject.ChainLeadUnitId, _subject.HostUnitId }
                .Where(x => x is > 0).Select(x => x!.Value).Distinct().ToHashSet();
        }
        _loaded = true;
    }

    private string? Err(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } e ? T.Rule(e.Violation) : null;

    private static Color JudgementColor(Judgement j) => j switch
    {
        Judgement.Good => Color.Success,
        Judgement.Acceptable => Color.Info,
        Judgement.Doubtful => Color.Warning,
        _ => Color.Error,
    };

    private async Task SubmitAsync()
    {
        if (_subject is null) return;
        var input = _model.ToInput();
        _errors = EvaluationRules.Validate(input, BeijingTime.Today(Clock));
        _general = null;
        if (_errors.Count > 0) return;
        _busy = true;
        var subject = _subject;
        var result = await SafeWrite.RunAsync(Logger, async () => await Commands.RecordAsync(await Scopes.GetAsync(), subject.ProjectId, subject.Version, input));
        _busy = false;
        if (result.Status == WriteStatus.Saved)
        {
            Snackbar.Add(T[input.Decision == EvaluationDecision.Pass ? "Evaluation.SavedPass" : "Evaluation.SavedFail"], Severity.Success);
            Navigation.NavigateTo($"/evaluations/{result.Id}");
            return;
        }
        // The input stays in the form whatever happened.
        if (result.Status == WriteStatus.Invalid) _errors = [.. result.FieldErrors];
        _general = WriteFeedback.Of(T, result).Message;
        if (result.Status == WriteStatus.Conflict)
        {
            // Take the project's new version so that a second submit is judged on what is there now.
            try { _subject = await Query.SubjectAsync(await Scopes.GetAsync(), subject.ProjectId) ?? subject; }
            catch (Exception ex) { Logger.LogWarning(ex, "Re-reading project {ProjectId} after a conflict failed", subject.ProjectId); }
        }
    }
}
