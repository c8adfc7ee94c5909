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
    private bool _busy;
    private string? _general;
    private IReadOnlyList<FieldViolation> _errors = [];

    [Parameter] public int UnitId { get; set; }
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<AssessmentUnitPage> Logger { get; set; } = default!;

    private AssessmentWords Words => new(T, View?.Units ?? new Dictionary<int, AssessedUnit>());

    /// <summary>The unit's result, when the user may see the year's results.</summary>
    private UnitAssessment? Result => View is { CanSeeResults: true, Round: { } round } ? round.ResultOf(UnitId) : null;

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
        var result = await SafeWrite.RunAsync(Logger, async () => await Commands.EnterCheckAsync(Scope ?? await Scopes.GetAsync(), Year,
            View?.Round?.Version ?? -1, UnitId, entry.Kind, entry.Points, entry.Evidence));
        _busy = false;
        _errors = result.Status == WriteStatus.Invalid ? [.. result.FieldErrors] : [];
        var feedback = WriteFeedback.Of(T, result, saved: T["Assessment.Check.Saved"]);
        if (result.Status == WriteStatus.Saved) feedback.Show(Snackbar); else _general = feedback.Message;
        await RereadInTurnAsync(ReadAsync);
    }
}
