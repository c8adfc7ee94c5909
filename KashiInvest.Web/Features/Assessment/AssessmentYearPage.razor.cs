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
/// One year's assessment (<c>/assessment/{year}</c>): the rankings per sequence with grades, the round's actions (the
/// Bureau computes and sends; the leader in charge sends back with a comment or approves), and the scheme (editable by
/// the Bureau until the year is final). Live: an assessment notice for the year re-reads it.
/// </summary>
public partial class AssessmentYearPage
{
    private bool _busy;
    private string? _general;
    private string? _comment;
    private IReadOnlyList<FieldViolation> _errors = [];

    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<AssessmentYearPage> Logger { get; set; } = default!;

    private AssessmentWords Words => new(T, View?.Units ?? new Dictionary<int, AssessedUnit>());

    private string? Err(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } e ? T.Rule(e.Violation) : null;

    private int? RoundVersion => View?.Round?.Version;

    private Task CreateSchemeAsync() => RunAsync(s => Commands.CreateSchemeAsync(s, Year), "Assessment.Scheme.Created");
    private Task ComputeAsync() => RunAsync(s => Commands.ComputeAsync(s, Year, RoundVersion), "Assessment.Computed");
    private Task SubmitAsync() => RunAsync(s => Commands.SubmitAsync(s, Year, RoundVersion ?? -1), "Assessment.Submitted");
    private Task ApproveAsync() => RunAsync(s => Commands.ApproveAsync(s, Year, RoundVersion ?? -1, _comment), "Assessment.Approved", clear: true);
    private Task SendBackAsync() => RunAsync(s => Commands.SendBackAsync(s, Year, RoundVersion ?? -1, _comment), "Assessment.SentBack", clear: true);
    private Task EditSchemeAsync(SchemeContent content) => RunAsync(s => Commands.EditSchemeAsync(s, Year, View!.Scheme!.Version, content), "Assessment.Scheme.Saved");

    /// <summary>Runs a write the one way (<see cref="SafeWrite"/>), shows its result, and re-reads the year in turn.</summary>
    private async Task RunAsync(Func<UserScope, Task<WriteResult>> write, string doneKey, bool clear = false)
    {
        _busy = true;
        _general = null;
        var result = await SafeWrite.RunAsync(Logger, async () => await write(Scope ?? await Scopes.GetAsync()));
        _busy = false;
        _errors = result.Status == WriteStatus.Invalid ? [.. result.FieldErrors] : [];
        var feedback = WriteFeedback.Of(T, result, saved: T[doneKey]);
        if (result.Status == WriteStatus.Saved)
        {
            feedback.Show(Snackbar);
            if (clear) _comment = null;
        }
        else _general = feedback.Message;
        await RereadInTurnAsync(ReadAsync);
    }
}
