namespace KashiInvest.Web.Features.Notifications;

public static class NotificationsFeature
{
    public static IServiceCollection AddNotificationsFeature(this IServiceCollection services)
    {
        services.AddSingleton<WebhookAdminQuery>();
        services.AddSingleton<WebhookCommands>();
        return services;
    }
}
