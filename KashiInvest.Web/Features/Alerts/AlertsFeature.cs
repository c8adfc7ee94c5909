using KashiInvest.Infrastructure.Alerts;

namespace KashiInvest.Web.Features.Alerts;

public static class AlertsFeature
{
    public static IServiceCollection AddAlertsFeature(this IServiceCollection services)
    {
        services.AddSingleton<AlertsQuery>();
        services.AddSingleton<AlertCommands>();
        services.AddSingleton<AlertWords>();
        // Outbound alerts are worded from the same resource files as the screens (in Chinese).
        services.AddSingleton<IAlertTexts>(sp => sp.GetRequiredService<AlertWords>());
        return services;
    }
}
