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
    private UserScope? _scope;
    private AssessmentView? _view;
    private bool _busy;
    private string? _general;
    private string? _comment;
    private IReadOnlyList<FieldViolation> _errors = [];

    [Parameter] public int Year { get; set; }
    [Inject] private AssessmentCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<AssessmentYearPage> Logger { get; set; } = default!;

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
    }

    private string? Err(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } e ? T.Rule(e.Violation) : null;

    private int? RoundVersion => _view?.Round?.Version;

    private Task CreateSchemeAsync() => RunAsync(s => Commands.CreateSchemeAsync(s, Year), "Assessment.Scheme.Created");
    private Task ComputeAsync() => RunAsync(s => Commands.ComputeAsync(s, Year, RoundVersion), "Assessment.Computed");
    private Task SubmitAsync() => RunAsync(s => Commands.SubmitAsync(s, Year, RoundVersion ?? -1), "Assessment.Submitted");
    private Task ApproveAsync() => RunAsync(s => Commands.ApproveAsync(s, Year, RoundVersion ?? -1, _comment), "Assessment.Approved", clear: true);
    private Task SendBackAsync() => RunAsync(s => Commands.SendBackAsync(s, Year, RoundVersion ?? -1, _comment), "Assessment.SentBack", clear: true);
    private Task EditSchemeAsync(SchemeContent content) => RunAsync(s => Commands.EditSchemeAsync(s, Year, _view!.Scheme!.Version, content), "Assessment.Scheme.Saved");

    /// <summary>Runs a write the one way (<see cref="SafeWrite"/>), shows its result, and re-reads the year in turn.</summary>
    private async Task RunAsync(Func<UserScope, Task<WriteResult>> write, string doneKey, bool clear = false)
    {
        _busy = true;
        _general = null;
        var result = await SafeWrite.RunAsync(Logger, async () => await write(_scope ?? await Scopes.GetAsync()));
        _busy = false;
        _errors = result.Status == WriteStatus.Invalid ? [.. result.FieldErrors] : [];
        var feedback = WriteFeedback.Of(T, result, saved: T[doneKey]);
        if (result.Status == WriteStatus.Saved)
        {
            feedback.Show(Snackbar);
            if (clear) _comment = null;
        }
        else _general = feedback.Message;
        try
        {
            await ReadInTurnAsync(ReadAsync);
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Re-reading assessment {Year} after a write failed", Year);
        }
    }
}
