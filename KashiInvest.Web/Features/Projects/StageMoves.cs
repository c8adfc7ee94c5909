using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Projects;

/// <summary>How the user gives what a stage transition needs: the transition dialog, or a page of its own.</summary>
public abstract record StageMoveRoute
{
    /// <summary>The generic <see cref="TransitionDialog"/> (reason, signing date, note, as the target stage needs).</summary>
    public sealed record Dialog : StageMoveRoute;

    /// <summary>A page that records the step (e.g. an evaluation record); the move happens there.</summary>
    public sealed record Page(Func<int, string> Href) : StageMoveRoute;
}

/// <summary>
/// The one place that says how each transition is asked for: a move that belongs to a procedure of the rules
/// (<see cref="ProjectLifecycle.ProcedureFor"/>: triage Art. 19, evaluation Art. 20, signing Art. 22) opens that
/// procedure's screen; every other move goes through the transition dialog. The pipeline and the project page follow.
/// </summary>
public static class StageMoves
{
    private static readonly StageMoveRoute DialogRoute = new StageMoveRoute.Dialog();

    public static StageMoveRoute RouteOf(ProjectStage from, ProjectStage to, CoordinationLevel coordination) =>
        ProjectLifecycle.ProcedureFor(from, to, coordination) switch
        {
            LifecycleProcedure.None => DialogRoute,
            var procedure => new StageMoveRoute.Page(id => ProcedureHref(procedure, id)!),
        };

    /// <summary>The screen where a procedure's step is recorded for project <paramref name="projectId"/>.</summary>
    public static string? ProcedureHref(LifecycleProcedure procedure, int projectId) => procedure switch
    {
        LifecycleProcedure.Triage => "/triage",
        LifecycleProcedure.Evaluation => $"/evaluations/new?project={projectId}",
        LifecycleProcedure.Signing => $"/projects/{projectId}/signing",
        _ => null,
    };
}

/// <summary>What happened to a requested move.</summary>
public enum StageMoveStatus { Saved, Cancelled, Refused, Conflict, NotAllowed, NotFound, Navigated }

/// <summary>The outcome of a move, with the words to show when it did not happen.</summary>
public sealed record StageMoveOutcome(StageMoveStatus Status, string? Message = null)
{
    public bool Moved => Status == StageMoveStatus.Saved;
}

/// <summary>The project being moved, as the caller knows it (its version guards against a lost race).</summary>
public sealed record StageMoveSubject(int Id, int Version, string Name, ProjectStage Stage, CoordinationLevel Coordination);

/// <summary>
/// Moves a project to another stage from any screen: refuses what <see cref="ProjectLifecycle"/> forbids (with the
/// reason in words), asks for what the transition needs (<see cref="StageMoves"/>), runs <see cref="ChangeStageCommand"/>.
/// Scoped per circuit (it opens dialogs).
/// </summary>
public sealed class StageMoveFlow(IDialogService dialogs, ChangeStageCommand command, NavigationManager navigation, UiText text)
{
    public async Task<StageMoveOutcome> MoveAsync(UserScope scope, StageMoveSubject project, ProjectStage to, CancellationToken ct = default)
    {
        if (project.Stage == to) return new(StageMoveStatus.Cancelled);
        if (!ProjectLifecycle.IsAllowed(project.Stage, to))
            return new(StageMoveStatus.Refused, text.Rule(new RuleViolation("Stage.TransitionNotAllowed", project.Stage, to)));

        switch (StageMoves.RouteOf(project.Stage, to, project.Coordination))
        {
            case StageMoveRoute.Page page:
                navigation.NavigateTo(page.Href(project.Id));
                return new(StageMoveStatus.Navigated);
        }

        var parameters = new DialogParameters<TransitionDialog>
        {
            { x => x.To, to },
            { x => x.ProjectName, project.Name },
        };
        var dialog = await dialogs.ShowAsync<TransitionDialog>(text[$"Transition.To.{to}"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled || result.Data is not StageTransition transition) return new(StageMoveStatus.Cancelled);

        var outcome = await command.ExecuteAsync(scope, project.Id, project.Version, transition, ct);
        return outcome.Status switch
        {
            WriteStatus.Saved => new(StageMoveStatus.Saved, text["Transition.Done", text.Enum(to)]),
            WriteStatus.Conflict => new(StageMoveStatus.Conflict, text["Write.Conflict"]),
            WriteStatus.Invalid => new(StageMoveStatus.Refused, text.Rule(outcome.Errors![0].Violation)),
            WriteStatus.NotFound => new(StageMoveStatus.NotFound, text["Write.NotAllowed"]),
            WriteStatus.Unavailable => new(StageMoveStatus.Refused, WriteFeedback.Of(text, outcome).Message),
            _ => new(StageMoveStatus.NotAllowed, text["Write.NotAllowed"]),
        };
    }

    /// <summary>The snackbar for an outcome; nothing for a cancelled move or a navigation.</summary>
    public static void Report(ISnackbar snackbar, StageMoveOutcome outcome)
    {
        if (outcome.Message is null) return;
        var severity = outcome.Status switch
        {
            StageMoveStatus.Saved => Severity.Success,
            StageMoveStatus.Conflict => Severity.Warning,
            _ => Severity.Error,
        };
        snackbar.Add(outcome.Message, severity);
    }
}
