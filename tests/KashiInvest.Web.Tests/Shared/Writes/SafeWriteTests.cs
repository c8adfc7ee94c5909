using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Problems;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KashiInvest.Web.Tests.Shared.Writes;

/// <summary>The demo database with a short SQLite busy wait, so that a held write lock fails a write within a second.</summary>
public sealed class ShortBusyDatabase : SeededDatabase
{
    protected override void AddSettings(IDictionary<string, string?> settings) => settings["Database:BusyTimeoutSeconds"] = "1";
}

/// <summary>
/// The one write path on a real SQLite file: a database failure (another program holds the write lock; a constraint
/// refuses the row) is "could not save, your input is kept", nothing is changed, the failure is logged — and the same
/// input saves once the database is free again.
/// </summary>
public sealed class SafeWriteTests(ShortBusyDatabase database) : IClassFixture<ShortBusyDatabase>
{
    private ProblemCommands Commands => database.Services.GetRequiredService<ProblemCommands>();

    private DateOnly Today => BeijingTime.Today(database.Services.GetRequiredService<TimeProvider>());

    private Task<(int ProjectId, string HostCode, int HostUnitId)> CountyProjectAsync(string county) => database.QueryAsync(async db =>
    {
        var p = await (from x in db.Projects
                       join u in db.Units on x.HostUnitId equals u.Id
                       where x.Stage != ProjectStage.Terminated && u.Code == county
                       orderby x.Id
                       select new { x.Id, u.Code, UnitId = u.Id }).FirstAsync();
        return (p.Id, p.Code, p.UnitId);
    });

    [Fact]
    public async Task A_problem_recorded_while_another_program_holds_the_write_lock_is_not_saved_and_saves_once_the_lock_is_gone()
    {
        var (projectId, hostCode, hostUnitId) = await CountyProjectAsync("shache");
        var county = await database.ScopeOfAsync(hostCode);
        var input = new NewProblem(ProblemCategory.Approvals, null, "环评批复迟迟未下达，影响开工（锁定测试）", ProblemSeverity.High, hostUnitId, Today.AddDays(10));
        var before = await database.QueryAsync(db => db.Problems.CountAsync(p => p.ProjectId == projectId));

        await using (var held = await DatabaseWriteLock.TakeAsync(database.DataDir))
        {
            var refused = await Commands.RaiseAsync(county, projectId, input);
            Assert.Equal(WriteStatus.Unavailable, refused.Status);
            Assert.Null(refused.Id);
            // Readers are not blocked (WAL): nothing was written.
            Assert.Equal(before, await database.QueryAsync(db => db.Problems.CountAsync(p => p.ProjectId == projectId)));
        }

        var saved = await Commands.RaiseAsync(county, projectId, input);
        Assert.Equal(WriteStatus.Saved, saved.Status);
        Assert.Equal(before + 1, await database.QueryAsync(db => db.Problems.CountAsync(p => p.ProjectId == projectId)));
        Assert.Equal(input.Description, await database.QueryAsync(db => db.Problems.Where(p => p.Id == saved.Id).Select(p => p.Description).SingleAsync()));
    }

    [Fact]
    public async Task Taking_up_an_entry_while_the_database_is_locked_changes_nothing_and_the_same_version_saves_afterwards()
    {
        var entry = await database.QueryAsync(db => (from x in db.Problems
                                                     join p in db.Projects on x.ProjectId equals p.Id
                                                     join u in db.Units on p.HostUnitId equals u.Id
                                                     where x.Status == ProblemStatus.New && x.Level == EscalationLevel.County && u.Code == "yecheng"
                                                     orderby x.Id
                                                     select new { x.Id, x.Version, u.Code }).FirstOrDefaultAsync());
        Assert.NotNull(entry); // the demo data gives every county new entries
        var county = await database.ScopeOfAsync(entry.Code);

        await using (await DatabaseWriteLock.TakeAsync(database.DataDir))
        {
            Assert.Equal(WriteStatus.Unavailable, (await Commands.StartAsync(county, entry.Id, entry.Version)).Status);
        }
        var unchanged = await database.QueryAsync(db => db.Problems.AsNoTracking().SingleAsync(p => p.Id == entry.Id));
        Assert.Equal(ProblemStatus.New, unchanged.Status);
        Assert.Equal(entry.Version, unchanged.Version);

        Assert.Equal(WriteStatus.Saved, (await Commands.StartAsync(county, entry.Id, entry.Version)).Status);
        Assert.Equal(ProblemStatus.InProgress, (await database.QueryAsync(db => db.Problems.AsNoTracking().SingleAsync(p => p.Id == entry.Id))).Status);
    }

    [Fact]
    public async Task A_row_the_database_refuses_is_could_not_save_and_the_failure_is_logged_with_its_exception()
    {
        var logger = new ListLogger();
        var (_, hostCode, hostUnitId) = await CountyProjectAsync("shufu");
        var county = await database.ScopeOfAsync(hostCode);
        var factory = database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>();
        var now = database.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var before = await database.QueryAsync(db => db.Problems.CountAsync());

        // A problem on a project that does not exist: the foreign key refuses it.
        var result = await SafeWrite.RunAsync(logger, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            db.Actor = county.Actor;
            var orphan = new Problem(int.MaxValue, ProblemCategory.Other, null, "无此项目", ProblemSeverity.Low, hostUnitId, Today.AddDays(5), county.Actor, now);
            db.Problems.Add(orphan);
            await db.SaveChangesAsync();
            return WriteResult.Saved(orphan.Id);
        });

        Assert.Equal(WriteStatus.Unavailable, result.Status);
        Assert.Equal(before, await database.QueryAsync(db => db.Problems.CountAsync()));
        var logged = Assert.Single(logger.Entries);
        Assert.True(logged.Exception is DbUpdateException, $"logged {logged.Exception?.GetType().Name}");
        Assert.True(logged.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_broken_rule_is_invalid_and_a_stale_version_is_a_conflict()
    {
        var logger = new ListLogger();
        Assert.Equal(WriteStatus.Conflict, (await SafeWrite.RunAsync(logger, () => throw new DbUpdateConcurrencyException("stale"))).Status);
        var invalid = await SafeWrite.RunAsync(logger, () => throw new DomainRuleException("Problem.ResolutionRequired"));
        Assert.Equal(WriteStatus.Invalid, invalid.Status);
        Assert.Equal("Problem.ResolutionRequired", Assert.Single(invalid.GeneralErrors).Violation.Code);
        Assert.Empty(logger.Entries);
        // Whatever else goes wrong never escapes to the page either: it is logged and reported as not saved.
        Assert.Equal(WriteStatus.Unavailable, (await SafeWrite.RunAsync(logger, () => throw new InvalidOperationException("bug"))).Status);
        Assert.IsType<InvalidOperationException>(Assert.Single(logger.Entries).Exception);
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, exception));
    }
}
