namespace KashiInvest.Web.Features.Meetings.Minutes;

/// <summary>Meeting minutes as a Word document (<see cref="MinutesDocxWriter"/>); the printable page needs no service.</summary>
public static class MinutesRegistration
{
    public static IServiceCollection AddMeetingMinutes(this IServiceCollection services)
    {
        // Stateless: the localizer reads the request's UI culture when the document is written.
        services.AddSingleton<MinutesDocxWriter>();
        return services;
    }
}
