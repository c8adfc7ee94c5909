using KashiInvest.Domain.Assessment;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Assessment;

/// <summary>The year-end assessment (年度考核, Art. 29–31): its use cases, pages, printable results and the results .docx.</summary>
public static class AssessmentFeature
{
    public static IServiceCollection AddAssessmentFeature(this IServiceCollection services)
    {
        services.AddSingleton<AssessmentCommands>();
        services.AddSingleton<AssessmentDocxWriter>();
        return services;
    }

    /// <summary>GET /assessment/{year}/results.docx: a final round for everyone signed in; a draft for the Bureau and leaders.</summary>
    public static IEndpointRouteBuilder MapAssessmentDocx(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assessment/{year:int}/results.docx", async (int year, HttpContext http, IDbContextFactory<KashiDbContext> factory,
            AssessmentCommands commands, AssessmentDocxWriter writer, CancellationToken ct) =>
        {
            Domain.Access.UserScope scope;
            await using (var db = await factory.CreateDbContextAsync(ct)) scope = await UserScopes.ResolveAsync(http.User, db, ct);
            if (await commands.ReadAsync(scope, year, ct) is not { CanSeeResults: true, Round: { } round } view) return Results.NotFound();
            return Results.File(writer.ToBytes(round, view.Units), AssessmentDocxWriter.ContentType, AssessmentDocxWriter.FileName(year));
        }).RequireAuthorization();
        return app;
    }
}
