using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Bulletins;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Bulletins;

/// <summary>The quarterly bulletin (季度通报, Art. 26): its use cases, the archive and printable pages, and the .docx.</summary>
public static class BulletinsFeature
{
    public static IServiceCollection AddBulletinsFeature(this IServiceCollection services)
    {
        services.AddSingleton<BulletinSnapshotQuery>();
        services.AddSingleton<BulletinCommands>();
        // Stateless: the localizer reads the request's UI culture when the document is written.
        services.AddSingleton<BulletinDocxWriter>();
        return services;
    }

    /// <summary>GET /bulletins/{id}.docx: a bulletin the user may read (published: everyone signed in; drafts: the Bureau and leaders).</summary>
    public static IEndpointRouteBuilder MapBulletinDocx(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bulletins/{id:int}.docx", async (int id, HttpContext http, IDbContextFactory<KashiDbContext> factory,
            BulletinCommands commands, BulletinDocxWriter writer, CancellationToken ct) =>
        {
            UserScope scope;
            await using (var db = await factory.CreateDbContextAsync(ct)) scope = await UserScopes.ResolveAsync(http.User, db, ct);
            // A draft the user may not read is as absent as one that does not exist.
            if (await commands.ReadAsync(scope, id, ct) is not { } view) return Results.NotFound();
            return Results.File(writer.ToBytes(view.Bulletin), BulletinDocxWriter.ContentType, BulletinDocxWriter.FileName(view.Bulletin));
        }).RequireAuthorization();
        return app;
    }
}
