namespace KashiInvest.Web.Features.Pipeline;

public static class PipelineFeature
{
    public static IServiceCollection AddPipelineFeature(this IServiceCollection services)
    {
        services.AddSingleton<PipelineQuery>();
        return services;
    }
}
