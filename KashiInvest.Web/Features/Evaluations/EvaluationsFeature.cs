using KashiInvest.Domain.Evaluations;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Features.Todo;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Evaluations;

public static class EvaluationsFeature
{
    /// <summary>Evaluation meetings (Art. 20) and the <c>Lifecycle</c> settings, validated at start.</summary>
    public static IServiceCollection AddEvaluationsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LifecycleSettings>().Bind(configuration.GetSection(LifecycleSettings.Section))
            .Validate(s => s.Validate().Count == 0, "Invalid Lifecycle settings (SignAgreementWithinDays 1–365, SignAgreementSoonDays ≤ it).")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LifecycleSettings>>().Value);
        services.AddSingleton<EvaluationQuery>();
        services.AddSingleton<EvaluationCommands>();
        services.AddSingleton<ITodoSource, EvaluationTodoSource>();
        services.AddSingleton<IProjectDocumentSource, LifecycleDocumentSource>();
        return services;
    }
}
