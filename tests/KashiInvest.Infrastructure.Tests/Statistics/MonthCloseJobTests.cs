using System.Reflection;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Statistics;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Scheduling;
using KashiInvest.Infrastructure.Statistics;
using KashiInvest.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;

namespace KashiInvest.Infrastructure.Tests.Statistics;

/// <summary>The month close job, run directly on the test's clock: every attracting unit's return, idempotent, one failure stops no one.</summary>
public sealed class MonthCloseJobTests
{
    private static readonly StatMonth November = new(2026, 11);

    /// <summary>00:30 on 1 December 2026 in Beijing, when the job is scheduled.</summary>
    private static readonly DateTimeOffset FirstOfDecember0030 = new(2026, 11, 30, 16, 30, 0, TimeSpan.Zero);

    private static MonthCloseJob Job(TestDatabase database, IDbContextFactory<KashiDbContext>? factory = null) =>
        new(new MonthClose(factory ?? database.Factory, Options.Create(new StatisticsSettings()), database.Clock, NullLogger<MonthClose>.Instance));

    private static async Task<string?> ExecuteAsync(MonthCloseJob job)
    {
        var context = DispatchProxy.Create<IJobExecutionContext, FakeJobContext>();
        await job.Execute(context, CancellationToken.None);
        return context.Result as string;
    }

    [Fact]
    public async Task On_the_first_at_00_30_Beijing_every_attracting_unit_finds_its_return_for_the_month_just_closed_computed_by_the_system()
    {
        await using var database = await TestDatabase.CreateAsync(new FakeClock(FirstOfDecember0030));
        var w = await MiniWorld.CreateAsync(database);

        var result = await ExecuteAsync(Job(database));

        await using var db = database.CreateContext();
        var returns = await db.MonthlyReturns.AsNoTracking().Include(r => r.History).ToListAsync();
        Assert.Equal([w.CountyA, w.CountyB], returns.Select(r => r.UnitId).Order()); // not the sub-bureau, the chain leads or the service group
        Assert.All(returns, r =>
        {
            Assert.Equal(November, r.Month);
            Assert.Equal(ReturnStatus.Computed, r.Status);
            Assert.Equal(MonthClose.System.UserName, r.ComputedBy);
            Assert.Equal(ReturnAction.Computed, Assert.Single(r.History).Action);
        });
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(MonthlyReturn) && a.UserName == MonthClose.System.UserName));
        Assert.Equal("2026-11: computed 2, already there 0, failed 0", result);
    }

    [Fact]
    public async Task A_minute_before_midnight_Beijing_on_the_last_day_the_month_is_not_closed_and_the_job_closes_the_month_before()
    {
        await using var database = await TestDatabase.CreateAsync(new FakeClock(new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero)));
        await MiniWorld.CreateAsync(database);

        await ExecuteAsync(Job(database));

        await using var db = database.CreateContext();
        Assert.All(await db.MonthlyReturns.AsNoTracking().ToListAsync(), r => Assert.Equal(new StatMonth(2026, 10), r.Month));
    }

    [Fact]
    public async Task A_unit_whose_return_exists_is_left_alone_and_a_second_run_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(new FakeClock(FirstOfDecember0030));
        var w = await MiniWorld.CreateAsync(database);
        var county = new UserScope("county-a", "county", ActorRole.AttractingUnit, w.CountyA, [], []);
        int submittedId;
        await using (var db = database.CreateContext())
        {
            db.Actor = county.Actor;
            var now = database.Clock.GetUtcNow().UtcDateTime;
            var r = MonthlyReturn.Create(w.CountyA, November, new Dictionary<FigureKey, decimal> { [new(FigureCode.FundsMonth)] = 123m }, county.Actor, now);
            r.Submit(county, now, ReturnDeadlines.DueAtUtc(November, new StatisticsSettings()));
            db.MonthlyReturns.Add(r);
            await db.SaveChangesAsync();
            submittedId = r.Id;
        }

        var first = await ExecuteAsync(Job(database));
        var second = await ExecuteAsync(Job(database));

        await using var read = database.CreateContext();
        var kept = await read.MonthlyReturns.AsNoTracking().Include(r => r.Figures).SingleAsync(r => r.Id == submittedId);
        Assert.Equal((ReturnStatus.Submitted, 123m), (kept.Status, kept.Value(new FigureKey(FigureCode.FundsMonth))));
        Assert.Equal(2, await read.MonthlyReturns.CountAsync());
        Assert.Equal("2026-11: computed 1, already there 1, failed 0", first);
        Assert.Equal("2026-11: computed 0, already there 2, failed 0", second);
    }

    [Fact]
    public async Task A_unit_that_fails_does_not_stop_the_others_and_the_next_run_fills_it()
    {
        await using var database = await TestDatabase.CreateAsync(new FakeClock(FirstOfDecember0030));
        var w = await MiniWorld.CreateAsync(database);

        // Contexts: the first lists the units, the second is the first unit's (county A): that one breaks.
        var failed = await ExecuteAsync(Job(database, new BreakingFactory(database.Factory, breakOnCall: 2)));

        await using (var db = database.CreateContext())
            Assert.Equal([w.CountyB], await db.MonthlyReturns.AsNoTracking().Select(r => r.UnitId).ToListAsync());
        Assert.Equal("2026-11: computed 1, already there 0, failed 1", failed);

        var again = await ExecuteAsync(Job(database));
        Assert.Equal("2026-11: computed 1, already there 1, failed 0", again);
    }

    [Fact]
    public void The_month_close_schedule_is_validated_at_start()
    {
        Assert.Empty(new Infrastructure.Alerts.AlertsOptions().Validate(sqlServer: false));
        var error = Assert.Single(new Infrastructure.Alerts.AlertsOptions { MonthCloseCron = "on the first" }.Validate(sqlServer: false));
        Assert.Contains("Alerts:MonthCloseCron", error, StringComparison.Ordinal);
    }

    private sealed class BreakingFactory(IDbContextFactory<KashiDbContext> inner, int breakOnCall) : IDbContextFactory<KashiDbContext>
    {
        private int _calls;

        public KashiDbContext CreateDbContext() =>
            ++_calls == breakOnCall ? throw new InvalidOperationException("database unavailable") : inner.CreateDbContext();

        public Task<KashiDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());
    }

    /// <summary>The job reads nothing from its context and writes only <see cref="IJobExecutionContext.Result"/>.</summary>
    public class FakeJobContext : DispatchProxy
    {
        private object? _result;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            "get_Result" => _result,
            "set_Result" => _result = args![0],
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }
}
