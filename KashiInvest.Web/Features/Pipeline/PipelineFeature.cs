using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Pipeline;

public static class PipelineFeature
{
    public static IServiceCollection AddPipelineFeature(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddCheckedOptions<PipelineOptions>(configuration, PipelineOptions.Section);
        services.AddSingleton<PipelineQuery>();
        return services;
    }
}
