using System.Linq.Expressions;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Access;

/// <summary>The roles of the domain guide's actors, plus the administrator and a read-only display (kiosk) role.</summary>
public enum ActorRole
{
    Administrator,
    Bureau,
    Leader,
    /// <summary>KEDZ or a county: owns the projects it hosts.</summary>
    AttractingUnit,
    SubBureau,
    ChainLead,
    FrontCommand,
    ServiceGroup,
    Department,
    /// <summary>A projector or wall screen: sees everything, changes nothing.</summary>
    Display,
}

/// <summary>
/// What one signed-in user may see and change, resolved once per request or circuit. Every read of projects goes
/// through <see cref="ProjectAccess.VisibleTo"/>, every write through <see cref="ProjectAccess.CanEdit"/>.
/// </summary>
public sealed record UserScope(
    string UserName,
    string DisplayName,
    ActorRole Role,
    int? UnitId,
    IReadOnlyList<int> ChainIds,
    IReadOnlyList<int> HostUnitIds)
{
    public Actor Actor => new(UserName, UnitId);

    /// <summary>Roles that see every project in the prefecture.</summary>
    public bool SeesAll => Role is ActorRole.Administrator or ActorRole.Bureau or ActorRole.Leader or ActorRole.Display;

    /// <summary>Roles that may create projects.</summary>
    public bool CanCreateProjects => Role is ActorRole.Administrator or ActorRole.Bureau or ActorRole.AttractingUnit or ActorRole.SubBureau;

    /// <summary>Whether this user must create projects in its own unit (an attracting unit hosts its own projects).</summary>
    public bool HostIsFixed => Role == ActorRole.AttractingUnit;
}

public static class ProjectAccess
{
    /// <summary>The one scoping predicate for projects; translatable by EF Core.</summary>
    public static Expression<Func<Project, bool>> VisibleTo(UserScope scope)
    {
        if (scope.SeesAll) return _ => true;
        var unitId = scope.UnitId ?? -1;
        var chains = scope.ChainIds.ToArray();
        var hosts = scope.HostUnitIds.ToArray();
        return scope.Role switch
        {
            ActorRole.AttractingUnit => p => p.HostUnitId == unitId,
            ActorRole.ChainLead => p => chains.Contains(p.ChainId),
            ActorRole.SubBureau or ActorRole.FrontCommand => p => p.SourceUnitId == unitId,
            ActorRole.ServiceGroup => p => hosts.Contains(p.HostUnitId),
            _ => _ => false,
        };
    }

    public static bool CanSee(UserScope scope, Project project) => CanSee(scope, project.Key);

    /// <summary>The same rule as <see cref="VisibleTo"/>, on a project's key: for filtering live notices.</summary>
    public static bool CanSee(UserScope scope, ProjectKey project)
    {
        if (scope.SeesAll) return true;
        return scope.Role switch
        {
            ActorRole.AttractingUnit => project.HostUnitId == scope.UnitId,
            ActorRole.ChainLead => scope.ChainIds.Contains(project.ChainId),
            ActorRole.SubBureau or ActorRole.FrontCommand => project.SourceUnitId == scope.UnitId,
            ActorRole.ServiceGroup => scope.HostUnitIds.Contains(project.HostUnitId),
            _ => false,
        };
    }

    /// <summary>
    /// Who may change a project's facts and stage: its host unit, the Bureau that runs the procedure, and the
    /// administrator. A unit never edits another unit's data; leaders, chain leads and displays read.
    /// </summary>
    public static bool CanEdit(UserScope scope, Project project) => scope.Role switch
    {
        ActorRole.Administrator or ActorRole.Bureau => true,
        ActorRole.AttractingUnit => project.HostUnitId == scope.UnitId,
        ActorRole.SubBureau => project.SourceUnitId == scope.UnitId && project.Stage is ProjectStage.Lead or ProjectStage.Triage,
        _ => false,
    };
}
