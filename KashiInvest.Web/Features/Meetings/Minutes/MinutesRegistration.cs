using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Meetings.Minutes;

/// <summary>Meeting minutes as a Word document (<see cref="MinutesDocxWriter"/>); the printable page needs no service.</summary>
public static class MinutesRegistration
{
    public static IServiceCollection AddMeetingMinutes(this IServiceCollection services)
    {
        // Stateless: the localizer reads the request's UI culture when the document is written.
        services.AddSingleton<MinutesDocxWriter>();
        services.AddSingleton<MinutesBuilder>();
        return services;
    }

    /// <summary>GET /meetings/{id}/minutes.docx: the minutes of a meeting the user may read, in the user's language.</summary>
    public static IEndpointRouteBuilder MapMeetingMinutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/meetings/{id:int}/minutes.docx", async (int id, HttpContext http, IDbContextFactory<KashiDbContext> factory,
            MinutesBuilder builder, MinutesDocxWriter writer, CancellationToken ct) =>
        {
            UserScope scope;
            await using (var db = await factory.CreateDbContextAsync(ct)) scope = await UserScopes.ResolveAsync(http.User, db, ct);
            // A meeting the user may not read is as absent as one that does not exist.
            if (await builder.BuildAsync(scope, id, ct) is not { } minutes) return Results.NotFound();
            return Results.File(writer.ToBytes(minutes), MinutesDocxWriter.ContentType, MinutesDocxWriter.FileName(minutes));
        }).RequireAuthorization();
        return app;
    }
}
