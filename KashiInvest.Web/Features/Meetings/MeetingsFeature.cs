using KashiInvest.Web.Features.Meetings.Minutes;

namespace KashiInvest.Web.Features.Meetings;

public static class MeetingsFeature
{
    public static IServiceCollection AddMeetingsFeature(this IServiceCollection services)
    {
        services.AddSingleton<MeetingCommands>();
        services.AddSingleton<MeetingQuery>();
        services.AddMeetingMinutes();
        services.AddSingleton<KashiInvest.Web.Features.Todo.ITodoSource, MeetingsTodoSource>();
        return services;
    }
}
