using KashiInvest.Web.Features.Todo;

namespace KashiInvest.Web.Features.Approvals;

public static class ApprovalsFeature
{
    public static IServiceCollection AddApprovalsFeature(this IServiceCollection services)
    {
        services.AddSingleton<ApprovalCommands>();
        services.AddSingleton<CalendarQuery>();
        services.AddSingleton<MyApprovalsQuery>();
        services.AddSingleton<BoardQuery>();
        services.AddSingleton<ApplicationQuery>();
        services.AddSingleton<ApprovalTimelineQuery>();
        services.AddSingleton<SpeedQuery>();
        services.AddSingleton<CatalogueQuery>();
        services.AddSingleton<CatalogueCommands>();
        services.AddSingleton<ITodoSource, FollowUpTodoSource>();
        services.AddSingleton<ITodoSource, ApplicationsTodoSource>();
        return services;
    }
}
