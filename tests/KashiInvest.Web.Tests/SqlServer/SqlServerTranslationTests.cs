using System.Reflection;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace KashiInvest.Web.Tests.SqlServer;

/// <summary>
/// Every query the screens, jobs and commands run translates on the SQL Server provider: no SQL Server is needed to
/// know that, only its EF Core provider (see <see cref="SqlServerQueryRun"/>). A LINQ query that works on SQLite but
/// not on SQL Server, or one that would need client evaluation, fails here rather than in production.
/// </summary>
public sealed class SqlServerTranslationTests(SqlServerQueryRun run, ITestOutputHelper output) : IClassFixture<SqlServerQueryRun>
{
    /// <summary>
    /// Services that take the context factory but whose public methods cannot be called with made-up arguments;
    /// each with the reason. Their queries are not checked here (a DBA checks them on a real server).
    /// </summary>
    private static readonly Dictionary<string, string> NotCallable = new(StringComparer.Ordinal)
    {
        ["DatabaseInitializer"] = "migrates the schema (DDL, checked by the migration script's parse test), off here",
        ["DemoDataSeeder"] = "demo data is refused outside Development: never runs against SQL Server",
        ["WebhookAlertNotifier"] = "does nothing while Notifications:Webhooks:Enabled is off; its deliverer (WebhookDeliverer) is run",
        ["ScheduledJobs"] = "reads Quartz's own tables through Quartz's ADO.NET store (db/sqlserver/quartz.sql), not EF Core",
        ["UserScopeProvider"] = "reads the signed-in user of a circuit; the scope's predicate runs inside every query above",
        ["FileLeadCommand"] = "validates its form before it reads: a made-up form is refused without a query",
        ["EvaluationCommands"] = "validates its form before it reads: a made-up form is refused without a query",
        ["SubmitReportCommand"] = "validates its form before it reads: a made-up form is refused without a query",
        ["TriageCommands"] = "validates its form before it reads: a made-up form is refused without a query",
    };

    [Fact]
    public void Every_query_translates_to_SQL_Server_without_client_evaluation()
    {
        Report();
        var failures = run.Calls.Where(c => c.Translation).ToList();

        Assert.True(failures.Count == 0, $"{failures.Count} call(s) failed to translate on SQL Server:\n"
            + string.Join("\n", failures.DistinctBy(f => (f.Service, f.Method.Name, f.Error!.Message)).Select(f => $"{f.Name}: {f.Error!.GetType().Name}: {f.Error.Message}")));
    }

    [Fact]
    public void Every_service_with_the_context_factory_ran_SQL_on_the_SQL_Server_provider()
    {
        var silent = run.Services
            .Where(t => !NotCallable.ContainsKey(t.Name))
            .Where(t => !run.Calls.Any(c => c.Service == t && c.Sql.Count > 0))
            .Select(t => t.Name + Reasons(t))
            .ToList();

        Assert.True(silent.Count == 0, "These services produced no SQL (nothing of theirs was checked):\n" + string.Join("\n", silent));
    }

    [Fact]
    public void The_run_covers_the_query_classes_of_the_screens_and_the_shared_reads()
    {
        var product = new[] { typeof(KashiApp).Assembly, typeof(KashiDbContext).Assembly };
        var queryClasses = product.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Query", StringComparison.Ordinal) && !t.IsNested)
            .ToList();

        Assert.True(queryClasses.Count >= 25, $"only {queryClasses.Count} query classes found");
        Assert.All(queryClasses, t => Assert.True(run.Services.Contains(t) || NotCallable.ContainsKey(t.Name), $"{t.Name} is not registered, so not checked"));
        // The shared reads of the battle map, wall, agenda and alert checks are among them.
        Assert.Contains(run.Services, t => t.Name == "WallQuery");
        Assert.Contains(run.Services, t => t.Name == "ProjectHealthQuery");
        Assert.Contains(run.Services, t => t.Name == "AlertEngine");
    }

    [Fact]
    public void A_query_SQL_Server_cannot_translate_is_recognised_as_a_translation_failure()
    {
        var error = Assert.ThrowsAny<InvalidOperationException>(() =>
        {
            using var db = new Infrastructure.Persistence.SqlServerDesignTimeFactory().CreateDbContext([]);
            _ = System.Linq.Queryable.Where(db.Projects, p => Untranslatable(p.Name)).ToQueryString();
        });

        Assert.True(SqlServerQueryRun.IsTranslationFailure(error), error.Message);
        Assert.False(SqlServerQueryRun.IsTranslationFailure(new InvalidOperationException("Sequence contains no elements")));
    }

    private static bool Untranslatable(string name) => name.GetHashCode(StringComparison.Ordinal) % 2 == 0;

    private string Reasons(Type type)
    {
        var skips = run.Skips.Where(s => s.Service == type).Select(s => $"{s.Member}: {s.Reason}");
        var errors = run.Calls.Where(c => c.Service == type && c.Error is not null).Select(c => $"{c.Name}: {c.Error!.GetType().Name}: {c.Error.Message}").Distinct().Take(5);
        var all = skips.Concat(errors).ToList();
        return all.Count == 0 ? "" : " (" + string.Join("; ", all) + ")";
    }

    private void Report()
    {
        foreach (var type in run.Services)
        {
            var calls = run.Calls.Where(c => c.Service == type).ToList();
            var methods = calls.Select(c => c.Method).Distinct().Count();
            var statements = calls.Sum(c => c.Sql.Count);
            var early = calls.Count(c => c.Error is not null && !c.Translation);
            output.WriteLine($"{type.Name}: {methods} methods, {calls.Count} calls, {statements} SQL statements, {early} ended early on empty data, {run.Skips.Count(s => s.Service == type)} skipped");
        }
        foreach (var skip in run.Skips) output.WriteLine($"skipped {skip.Service.Name}.{skip.Member}: {skip.Reason}");
    }
}
