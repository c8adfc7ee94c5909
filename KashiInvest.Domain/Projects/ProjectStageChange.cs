using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Projects;

/// <summary>One step of a project's stage history: who moved it, when, and why. Never edited or deleted.</summary>
public sealed class ProjectStageChange : Entity
{
    /// <summary>The longest reason a stage change may carry (the column's size).</summary>
    public const int NoteMaxLength = 2000;

    private ProjectStageChange() { ChangedBy = string.Empty; }

    internal ProjectStageChange(ProjectStage? from, ProjectStage to, DateTime atUtc, Actor actor, string? note, TerminationReason? reason)
    {
        From = from;
        To = to;
        AtUtc = atUtc;
        ChangedBy = actor.UserName;
        ChangedByUnitId = actor.UnitId;
        Note = note;
        TerminationReason = reason;
    }

    public int ProjectId { get; private set; }
    public ProjectStage? From { get; private set; }
    public ProjectStage To { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ChangedBy { get; private set; }
    public int? ChangedByUnitId { get; private set; }
    public string? Note { get; private set; }
    public TerminationReason? TerminationReason { get; private set; }
}
