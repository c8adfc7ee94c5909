using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Features.Todo;

namespace KashiInvest.Web.Features.Evaluations;

public static class EvaluationsFeature
{
    /// <summary>Evaluation meetings (Art. 20). The <c>Lifecycle</c> settings they read are bound and validated by Infrastructure.</summary>
    public static IServiceCollection AddEvaluationsFeature(this IServiceCollection services)
    {
        services.AddSingleton<EvaluationQuery>();
        services.AddSingleton<EvaluationCommands>();
        services.AddSingleton<ITodoSource, EvaluationTodoSource>();
        services.AddSingleton<IProjectDocumentSource, LifecycleDocumentSource>();
        return services;
    }
}
