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
