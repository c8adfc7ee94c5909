using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Projects;

/// <summary>A step on a project's battle map with its planned and actual Beijing dates.</summary>
public sealed class Milestone : Entity, IAudited
{
    public const int NameMaxLength = 100;

    private Milestone() { Name = string.Empty; }

    internal Milestone(string name, DateOnly plannedOn, DateOnly? reachedOn, int order)
    {
        Name = name;
        PlannedOn = plannedOn;
        ReachedOn = reachedOn;
        Order = order;
    }

    public int ProjectId { get; private set; }

    public string Name { get; internal set; }

    public DateOnly PlannedOn { get; internal set; }

    public DateOnly? ReachedOn { get; internal set; }

    public int Order { get; internal set; }

    public bool IsReached => ReachedOn is not null;

    /// <summary>Days past the planned date without being reached; 0 when on time or reached.</summary>
    public int DaysOverdue(DateOnly today) => IsReached || today <= PlannedOn ? 0 : today.DayNumber - PlannedOn.DayNumber;
}

/// <summary>One line of a milestone plan as entered by a user: existing milestones carry their id.</summary>
public sealed record MilestoneInput(int? Id, string Name, DateOnly? PlannedOn, DateOnly? ReachedOn);
