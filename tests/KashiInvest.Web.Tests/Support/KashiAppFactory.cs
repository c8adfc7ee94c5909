using System.Net;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KashiInvest.Web.Tests.Support;

/// <summary>
/// The real application on real Kestrel (127.0.0.1, a free port) with its own SQLite file in a temp folder,
/// migrated and filled with demo data exactly as <c>dotnet run</c> does.
/// </summary>
public sealed class KashiAppFactory : WebApplicationFactory<Program>
{
    /// <summary>The data folder (database, key ring); a test passes one in to start a second instance on the same data.</summary>
    public string DataDir { get; init; } = Path.Combine(Path.GetTempPath(), "kashi-web-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Deletes <see cref="DataDir"/> on dispose; off for an instance whose data a later instance reads.</summary>
    public bool DeleteDataDirOnDispose { get; init; } = true;

    public KashiAppFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>
    /// The application's clock: the suite's <see cref="TestClock.Default"/> unless a test brings its own (e.g. a
    /// <see cref="ManualClock"/>). The app never runs on the machine's clock, so its demo data is the same every day.
    /// </summary>
    public TimeProvider Clock { get; init; } = TestClock.Default;

    /// <summary>Further settings of the application, e.g. a short <c>Database:BusyTimeoutSeconds</c>.</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The host environment; Development (with demo data) unless a test runs the app as production.</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>A further log sink, e.g. to read what the app logged.</summary>
    public ILoggerProvider? LoggerProvider { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:DataDir", DataDir);
        builder.UseSetting("Demo:Enabled", "true");
        // The suite signs in many times from 127.0.0.1 (the browser collection shares one app): the sign-in rate limit
        // is lifted unless a test sets its own (RateLimits:SignIn:* in Settings).
        builder.UseSetting("RateLimits:SignIn:PermitsPerAddress", "10000");
        builder.UseSetting("RateLimits:SignIn:PermitsPerUserName", "1000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(s => s.AddSingleton(Clock));
        if (LoggerProvider is { } logs) builder.ConfigureServices(s => s.AddSingleton(logs));
    }

    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address);
        }
    }

    public HttpClient CreateHttpClient(bool followRedirects = false)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true, CookieContainer = new CookieContainer() };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    public async Task<T> QueryAsync<T>(Func<KashiDbContext, Task<T>> query)
    {
        StartServer();
        await using var db = await Services.GetRequiredService<IDbContextFactory<KashiDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (DeleteDataDirOnDispose) try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
