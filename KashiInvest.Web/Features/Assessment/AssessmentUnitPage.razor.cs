using KashiInvest.Domain.Access;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Assessment;

/// <summary>
/// One unit's breakdown (<c>/assessment/{year}/{unit}</c>): every indicator's figures, the rule applied and its points;
/// the records behind each deduction and bonus, linked; the manual checks with their evidence (entered here by the
/// Bureau while the round is a draft). A unit sees its own breakdown once the round is final; the Bureau and leaders
/// always. Live: an assessment notice for the year re-reads it.
/// </summary>
public partial class AssessmentUnitPage
{
    private UserScope? _scope;
    private AssessmentView? _view;
    private UnitAssessment? _result;
    private bool _busy;
    private string? _general;
    private IReadOnlyList<FieldViolation> _errors = [];

    [Parameter] public int Year { get; set; }
    [Parameter] public int UnitId { get; set; }
    [Inject] private AssessmentCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<AssessmentUnitPage> Logger { get; set; } = default!;

    private AssessmentWords Words => new(T, _view?.Units ?? new Dictionary<int, AssessedUnit>());

    protected override async Task OnParametersSetAsync()
    {
        _scope = await Scopes.GetAsync();
        await ReadInTurnAsync(ReadAsync);
        if (_view is null) Navigation.NotFound();
    }

    protected override bool Concerns(ChangeNotice notice) => notice.Kind == ChangeKinds.AssessmentChanged && notice.PeriodIndex == Year;

    protected override Task ApplyAsync(LiveChanges changes) => ReadAsync();

    private async Task ReadAsync()
    {
        if (_scope is null) return;
        _view = await Commands.ReadAsync(_scope, Year);
        _result = _view is { CanSeeResults: true, Round: { } round } ? round.ResultOf(UnitId) : null;
    }

    /// <summary>Where a record behind a deduction or bonus is shown.</summary>
    public static string Link(AssessmentFact f) => f.Source switch
    {
        FactSource.Project => $"/projects/{f.SourceId}",
        FactSource.Bulletin => $"/bulletins/{f.SourceId}",
        FactSource.Commitment => "/commitments",
        FactSource.ApprovalItem => "/approvals",
        _ => "/statistics/returns",
    };

    private async Task EnterAsync(AssessmentChecks.Entry entry)
    {
        _busy = true;
        _general = null;
        var result = await SafeWrite.RunAsync(Logger, async () => await Commands.EnterCheckAsync(_scope ?? await Scopes.GetAsync(), Year,
            _view?.Round?.Version ?? -1, UnitId, entry.Kind, entry.Points, entry.Evidence));
        _busy = false;
        _errors = result.Status == WriteStatus.Invalid ? [.. result.FieldErrors] : [];
        var feedback = WriteFeedback.Of(T, result, saved: T["Assessment.Check.Saved"]);
        if (result.Status == WriteStatus.Saved) feedback.Show(Snackbar); else _general = feedback.Message;
        await RereadInTurnAsync(ReadAsync);
    }
}
