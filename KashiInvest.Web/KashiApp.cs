using KashiInvest.Infrastructure;
using KashiInvest.Web.Security;

namespace KashiInvest.Web;

/// <summary>
/// Builds the application the same way wherever it runs: <c>Program.cs</c>, and tools that host it in their own
/// process (the benchmarks). Settings come from the usual sources, so a host passes them as command-line
/// arguments (<c>--Demo:Scale=10</c>) exactly as a user would.
/// </summary>
public static class KashiApp
{
    /// <summary>A builder with logging and every service of the application registered.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) => CreateBuilder(new WebApplicationOptions { Args = args });

    /// <inheritdoc cref="CreateBuilder(string[])"/>
    public static WebApplicationBuilder CreateBuilder(WebApplicationOptions options)
    {
        var builder = WebApplication.CreateBuilder(options);
        builder.AddKashiLogging();
        builder.AddHttpHardening();
        builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddWeb(builder.Configuration);
        return builder;
    }

    /// <summary>Migrates and seeds the database, then sets up the request pipeline: ready to run.</summary>
    public static async Task<WebApplication> PrepareAsync(this WebApplication app)
    {
        await app.PrepareDatabaseAsync();
        app.UseWeb();
        return app;
    }
}
