using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Pipeline;

public static class PipelineFeature
{
    public static IServiceCollection AddPipelineFeature(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<PipelineOptions>();
        if (configuration is not null) options.Bind(configuration.GetSection(PipelineOptions.Section));
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineOptions.Validator>();
        services.AddSingleton<PipelineQuery>();
        return services;
    }
}
