using KashiInvest.Domain.Access;
using KashiInvest.Domain.Meetings;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>
/// A meeting's page: its head, the agenda the Bureau builds before it (add, move, annotate, remove), the decisions and
/// action items recorded in it, and the action items carried over from earlier meetings. Kept current by the meeting
/// live base; every write goes through <see cref="SafeWrite"/> and says what became of it in the page's one message.
/// </summary>
public partial class MeetingPage
{
    private static readonly AgendaItemKind[] ProjectKinds =
        [AgendaItemKind.KeyProjectReport, AgendaItemKind.StalledProject, AgendaItemKind.AtRiskProject, AgendaItemKind.AwaitingTriage, AgendaItemKind.AwaitingEvaluation];

    private bool _busy;
    private string? _message;
    private Severity _messageSeverity = Severity.Error;
    private int? _annotating;
    private string? _annotateNote, _annotateTitle;
    private string _addMode = "project";
    private PickProject? _addProject;
    private PickProblem? _addProblem;
    private AgendaItemKind _addKind = AgendaItemKind.KeyProjectReport;
    private string? _addTitle, _addError;

    [Inject] private MeetingCommands Commands { get; set; } = default!;
    [Inject] private KashiInvest.Web.Shared.Excel.ExcelExporter Exporter { get; set; } = default!;
    [Inject] private ILogger<MeetingPage> Logger { get; set; } = default!;

    private async Task RunAsync(Func<UserScope, int, Task<WriteResult>> write, string? done = null)
    {
        if (_busy || _view is null) return;
        _busy = true;
        try
        {
            var version = _view.Version;
            var result = await SafeWrite.RunAsync(Logger, () => write(_scope!, version));
            Report(result, done);
            await ReloadSafelyAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>What became of a write, as the page's one message (every error of a refused write in it).</summary>
    private void Report(WriteResult result, string? done)
    {
        var feedback = WriteFeedback.Of(T, result, saved: done, conflict: T["Meetings.Conflict"], notFound: T["Meetings.NotFound"], notAllowed: T["Meetings.NotAllowed"]);
        (_message, _messageSeverity) = result.Status == WriteStatus.Invalid
            ? (string.Join(" ", (result.Errors ?? []).Select(e => T.Rule(e.Violation))), Severity.Error)
            : (feedback.Message, feedback.Severity);
    }

    /// <summary>Re-reads the meeting after a write; if that read fails, the page keeps what it shows.</summary>
    private async Task ReloadSafelyAsync()
    {
        try { await LoadAsync(); }
        catch (Exception ex) { Logger.LogWarning(ex, "Re-reading meeting {MeetingId} failed", Id); }
    }

    private Task RefreshAgendaAsync() => RunAsync((s, v) => Commands.RefreshAgendaAsync(s, Id, v), T["Meetings.AgendaRefreshed"]);
    private Task MoveAsync(AgendaItemView item, int by) => RunAsync((s, v) => Commands.MoveItemAsync(s, Id, v, item.Id, by));
    private Task RemoveAsync(AgendaItemView item) => RunAsync((s, v) => Commands.RemoveItemAsync(s, Id, v, item.Id), T["Meetings.Removed"]);

    private void StartAnnotate(AgendaItemView item)
    {
        _annotating = item.Id;
        _annotateNote = item.Note;
        _annotateTitle = item.Title;
    }

    private async Task SaveAnnotationAsync(AgendaItemView item)
    {
        await RunAsync((s, v) => Commands.AnnotateAsync(s, Id, v, item.Id, _annotateNote, item.Kind == AgendaItemKind.Custom ? _annotateTitle : item.Title));
        if (_messageSeverity != Severity.Error || _message is null) _annotating = null;
    }

    private async Task<IEnumerable<PickProject>> SearchProjectsAsync(string? text, CancellationToken ct) => await Query.SearchProjectsAsync(_scope!, text, ct);
    private async Task<IEnumerable<PickProblem>> SearchProblemsAsync(string? text, CancellationToken ct) => await Query.SearchProblemsAsync(_scope!, text, ct);

    private async Task AddItemAsync()
    {
        _addError = null;
        switch (_addMode)
        {
            case "project" when _addProject is null: _addError = T.Rule(new("Meeting.ItemSubjectRequired")); return;
            case "problem" when _addProblem is null: _addError = T.Rule(new("Meeting.ItemSubjectRequired")); return;
            case "custom" when string.IsNullOrWhiteSpace(_addTitle): _addError = T.Rule(new("Meeting.ItemTitleRequired")); return;
        }
        var (kind, project, problem, title) = _addMode switch
        {
            "project" => (_addKind, _addProject?.Id, (int?)null, (string?)null),
            "problem" => (AgendaItemKind.EscalatedProblem, null, _addProblem?.Id, null),
            _ => (AgendaItemKind.Custom, null, null, _addTitle),
        };
        await RunAsync((s, v) => Commands.AddItemAsync(s, Id, v, kind, project, problem, title, null), T["Meetings.Added"]);
        if (_messageSeverity == Severity.Success) (_addProject, _addProblem, _addTitle) = (null, null, null);
    }

    private async Task MarkDoneAsync((ActionView Action, string? Note) done)
    {
        var result = await SafeWrite.RunAsync(Logger, () => Commands.MarkActionDoneAsync(_scope!, done.Action.Id, done.Action.Version, done.Note));
        Report(result, T["Meetings.ActionDone"]);
        await ReloadSafelyAsync();
    }

}
