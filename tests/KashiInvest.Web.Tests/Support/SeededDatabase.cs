using KashiInvest.Domain.Access;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace KashiInvest.Web.Tests.Support;

/// <summary>
/// A real SQLite file, migrated and filled with the demo data once per test class, and the application's own
/// service registrations over it — for component (bUnit) and use-case tests.
/// </summary>
public class SeededDatabase : IAsyncLifetime
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "kashi-web-tests", Guid.NewGuid().ToString("N"));

    public IConfiguration Configuration { get; private set; } = default!;

    /// <summary>The clock the services and the demo data run on: the suite's <see cref="TestClock.Default"/>.</summary>
    public TimeProvider Clock { get; init; } = TestClock.Default;

    public IServiceProvider Services { get; private set; } = default!;

    /// <summary>The demo data's scale (<c>Demo:Scale</c>); 1 unless a large-data fixture asks for more.</summary>
    public int Scale { get; init; } = 1;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:DataDir"] = DataDir,
            ["Demo:Enabled"] = "true",
            ["Demo:Scale"] = Scale.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        AddSettings(settings);
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        AddApplicationServices(services);
        Services = services.BuildServiceProvider();
        await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await Services.GetRequiredService<DemoDataSeeder>().SeedAsync();
    }

    /// <summary>Settings of a fixture that needs other ones (e.g. a short SQLite busy wait).</summary>
    protected virtual void AddSettings(IDictionary<string, string?> settings) { }

    /// <summary>The registrations the pages need, as the Web project makes them (scope comes from the test).</summary>
    public void AddApplicationServices(IServiceCollection services)
    {
        services.AddLogging();
        services.AddSingleton(Clock);
        services.AddInfrastructure(Configuration, DataDir);
        services.AddMudServices();
        services.AddLocalization();
        services.AddSingleton<UiText>();
        services.AddSingleton<KashiInvest.Web.Shared.Excel.ExcelExporter>();
        services.AddSingleton<ReferenceCache>();
        services.AddSingleton(WorkGroupThresholds.Default);
        services.AddProjectsFeature();
        KashiInvest.Web.Features.Problems.ProblemsFeature.AddProblemsFeature(services);
        KashiInvest.Web.Features.Reports.ReportsFeature.AddReportsFeature(services);
        KashiInvest.Web.Features.BattleMaps.BattleMapsFeature.AddBattleMapsFeature(services);
        KashiInvest.Web.Features.Pipeline.PipelineFeature.AddPipelineFeature(services);
        KashiInvest.Web.Features.Todo.TodoFeature.AddTodoFeature(services);
        KashiInvest.Web.Features.Triage.TriageFeature.AddTriageFeature(services);
        KashiInvest.Web.Features.Evaluations.EvaluationsFeature.AddEvaluationsFeature(services);
        KashiInvest.Web.Features.Signing.SigningFeature.AddSigningFeature(services);
        KashiInvest.Web.Features.Leads.LeadsFeature.AddLeadsFeature(services);
        KashiInvest.Web.Features.Meetings.MeetingsFeature.AddMeetingsFeature(services);
        KashiInvest.Web.Features.Statistics.StatisticsFeature.AddStatisticsFeature(services);
        KashiInvest.Web.Features.Bulletins.BulletinsFeature.AddBulletinsFeature(services);
        KashiInvest.Web.Features.Commitments.CommitmentsFeature.AddCommitmentsFeature(services);
        KashiInvest.Web.Features.AnnualTargets.AnnualTargetsFeature.AddAnnualTargetsFeature(services);
        KashiInvest.Web.Features.Import.ImportFeature.AddImportFeature(services, Configuration);
    }

    public async Task<UserScope> ScopeOfAsync(string unitCode, ActorRole role = ActorRole.AttractingUnit)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<KashiDbContext>>().CreateDbContextAsync();
        var unit = await db.Units.SingleAsync(u => u.Code == unitCode);
        var chains = await db.Chains.Where(c => c.LeadUnitId == unit.Id).Select(c => c.Id).ToListAsync();
        return new UserScope(unitCode, unit.Name, role, unit.Id, chains, []);
    }

    public async Task<T> QueryAsync<T>(Func<KashiDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<KashiDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async Task DisposeAsync()
    {
        if (Services is IAsyncDisposable d) await d.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The signed-in user, as the test decides (sign-in itself is covered by the functional tests).</summary>
public sealed class FixedScopeProvider(UserScope scope) : IUserScopeProvider
{
    public Task<UserScope> GetAsync() => Task.FromResult(scope);
}

/// <summary>Runs a test body under a UI culture and restores the previous one.</summary>
public sealed class UiCulture : IDisposable
{
    private readonly System.Globalization.CultureInfo _culture = System.Globalization.CultureInfo.CurrentCulture;
    private readonly System.Globalization.CultureInfo _uiCulture = System.Globalization.CultureInfo.CurrentUICulture;

    public UiCulture(string name)
    {
        System.Globalization.CultureInfo.CurrentCulture = new(name);
        System.Globalization.CultureInfo.CurrentUICulture = new(name);
    }

    public void Dispose()
    {
        System.Globalization.CultureInfo.CurrentCulture = _culture;
        System.Globalization.CultureInfo.CurrentUICulture = _uiCulture;
    }
}
