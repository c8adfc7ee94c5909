namespace KashiInvest.Web.Features.Projects;

public static class ProjectsFeature
{
    public static IServiceCollection AddProjectsFeature(this IServiceCollection services)
    {
        services.AddSingleton<ProjectRegisterQuery>();
        services.AddSingleton<ProjectReader>();
        services.AddSingleton<SaveProjectCommand>();
        services.AddSingleton<ChangeStageCommand>();
        services.AddScoped<StageMoveFlow>();
        services.AddSingleton<ProjectDocumentsQuery>();
        return services;
    }
}

/// <summary>The outcome of a write from a form: done, refused with reasons, or lost a race.</summary>
public enum WriteStatus { Saved, Invalid, Conflict, NotFound, NotAllowed }

public sealed record WriteResult(WriteStatus Status, int? Id = null, IReadOnlyList<KashiInvest.Domain.Common.FieldViolation>? Errors = null)
{
    public static WriteResult Saved(int id) => new(WriteStatus.Saved, id);
    public static WriteResult Invalid(IReadOnlyList<KashiInvest.Domain.Common.FieldViolation> errors) => new(WriteStatus.Invalid, Errors: errors);
    public static WriteResult Invalid(string field, KashiInvest.Domain.Common.RuleViolation violation) => new(WriteStatus.Invalid, Errors: [new(field, violation)]);
    public static readonly WriteResult Conflict = new(WriteStatus.Conflict);
    public static readonly WriteResult NotFound = new(WriteStatus.NotFound);
    public static readonly WriteResult NotAllowed = new(WriteStatus.NotAllowed);
}
