using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Notifications;

public static class WebhookRegistration
{
    /// <summary>
    /// Robot webhooks: settings validated at start, the delivery log's sender and its hosted service, and the
    /// <see cref="IAlertNotifier"/> — <see cref="WebhookAlertNotifier"/> when <c>Notifications:Webhooks:Enabled</c>,
    /// otherwise <see cref="NoAlertNotifier"/>. Call before the default <c>TryAdd</c> of <see cref="NoAlertNotifier"/>.
    /// </summary>
    public static IServiceCollection AddWebhookNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        // No redirects, no proxy, and a connect callback that refuses internal addresses after DNS resolution.
        services.AddHttpClient(WebhookDeliverer.HttpClientName).ConfigurePrimaryHttpMessageHandler(sp =>
            WebhookHttp.CreateHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowLoopbackForTests));
        services.TryAddSingleton<WebhookSignal>();
        services.TryAddSingleton<WebhookDeliverer>();
        services.TryAddSingleton<WebhookAlertNotifier>();
        services.AddHostedService<WebhookDeliveryService>();
        services.TryAddSingleton<IAlertNotifier>(sp => sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Enabled
            ? sp.GetRequiredService<WebhookAlertNotifier>()
            : new NoAlertNotifier());
        return services;
    }
}
