using KashiInvest.Domain.Access;
using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Statistics;
using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Statistics;
using KashiInvest.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static KashiInvest.Infrastructure.Tests.Alerts.AlertTestKit;

namespace KashiInvest.Infrastructure.Tests.Statistics;

/// <summary>Monthly returns on a real SQLite file: persistence with audit, computing from the platform, the missing-return alert, the prefecture table.</summary>
public sealed class MonthlyReturnPersistenceTests
{
    private static readonly StatMonth November = new(2026, 11);
    private static readonly StatisticsSettings Settings = new();
    private static readonly UserScope Bureau = new("bureau", "bureau", ActorRole.Bureau, null, [], []);

    private static UserScope County(int unitId) => new($"county-{unitId}", "county", ActorRole.AttractingUnit, unitId, [], []);

    private static async Task<int> AddReturnAsync(TestDatabase database, int unitId, StatMonth month, IReadOnlyDictionary<FigureKey, decimal> figures,
        bool submit = false, bool approve = false)
    {
        await using var db = database.CreateContext();
        db.Actor = Actor.System("test");
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var r = MonthlyReturn.Create(unitId, month, figures, Actor.System("test"), now);
        if (submit || approve) r.Submit(County(unitId), now, ReturnDeadlines.DueAtUtc(month, Settings));
        if (approve) r.Approve(Bureau, now);
        db.MonthlyReturns.Add(r);
        await db.SaveChangesAsync();
        return r.Id;
    }

    private static Dictionary<FigureKey, decimal> Figures(decimal outOfRegionMonth, decimal outOfRegionYtd, int? chain = null) => new()
    {
        [new(FigureCode.OutOfRegionFundsMonth)] = outOfRegionMonth,
        [new(FigureCode.OutOfRegionFundsYtd)] = outOfRegionYtd,
        [new(FigureCode.FundsMonth)] = outOfRegionMonth * 2,
        [new(FigureCode.FundsYtd)] = outOfRegionYtd * 2,
        [new(FigureCode.FundsMonth, chain ?? 0)] = outOfRegionMonth * 2,
    };

    [Fact]
    public async Task A_return_round_trips_with_its_corrections_and_history_and_every_step_is_audited()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var id = await AddReturnAsync(database, w.CountyA, November, Figures(500m, 4_000m, w.Chain1));

        await using (var db = database.CreateContext())
        {
            var county = County(w.CountyA);
            db.Actor = county.Actor;
            var r = await db.MonthlyReturns.Include(x => x.Figures).Include(x => x.History).SingleAsync(x => x.Id == id);
            r.Correct(county, new FigureKey(FigureCode.OutOfRegionFundsMonth), 650m, "补录一笔到位资金", database.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var back = await read.MonthlyReturns.AsNoTracking().Include(x => x.Figures).Include(x => x.History).SingleAsync(x => x.Id == id);
        var figure = back.Figure(new FigureKey(FigureCode.OutOfRegionFundsMonth))!;
        Assert.Equal((500m, 650m, "补录一笔到位资金"), (figure.ComputedValue, figure.CorrectedValue!.Value, figure.CorrectionReason!));
        Assert.Equal(1_000m, back.Value(new FigureKey(FigureCode.FundsMonth, w.Chain1)));
        Assert.Equal([ReturnAction.Computed, ReturnAction.Corrected], back.History.OrderBy(h => h.Id).Select(h => h.Action));
        Assert.Equal(November, back.Month);
        Assert.Equal(1, back.Version);
        var audit = await read.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ReturnFigure)).ToListAsync();
        Assert.Contains(audit, a => a.Action == Domain.Audit.AuditAction.Modified && a.Before!.Contains("\"CorrectedValue\":null") && a.After!.Contains("650"));
    }

    [Fact]
    public async Task One_return_per_unit_and_month()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        await AddReturnAsync(database, w.CountyA, November, Figures(1m, 1m));

        await Assert.ThrowsAsync<DbUpdateException>(() => AddReturnAsync(database, w.CountyA, November, Figures(2m, 2m)));
    }

    [Fact]
    public async Task The_figures_are_computed_from_the_projects_and_reports_recorded_before_the_close_in_Beijing()
    {
        await using var database = await TestDatabase.CreateAsync(); // 20 Nov 2026: the world's projects are new leads
        var w = await MiniWorld.CreateAsync(database);
        await using (var db = database.CreateContext())
        {
            db.Actor = Actor.System("test");
            var lastMinute = new DateTime(2026, 11, 30, 15, 30, 0, DateTimeKind.Utc); // 23:30 Beijing on the last day
            var afterClose = new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc);  // 00:00 Beijing on 1 December
            db.ProgressReports.Add(new ProgressReport(w.Projects["A1"], new HalfMonthPeriod(2026, 11, 2), ReportKind.Update, 1, "到位资金",
                null, 1_000m, 800m, Actor.System("test"), lastMinute, false));
            db.ProgressReports.Add(new ProgressReport(w.Projects["A2"], new HalfMonthPeriod(2026, 11, 2), ReportKind.Update, 1, "到位资金",
                null, 300m, 0m, Actor.System("test"), afterClose, false));
            db.ProgressReports.Add(new ProgressReport(w.Projects["B1"], new HalfMonthPeriod(2026, 11, 2), ReportKind.Update, 1, "其他县",
                null, 9_000m, 9_000m, Actor.System("test"), lastMinute, false));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var november = await MonthlyReturnData.ComputeAsync(read, w.CountyA, November, Settings, default);
        var december = await MonthlyReturnData.ComputeAsync(read, w.CountyA, November.Next(), Settings, default);

        Assert.Equal(2m, november[new(FigureCode.NewLeads)]);
        Assert.Equal(1_000m, november[new(FigureCode.FundsMonth)]);
        Assert.Equal(800m, november[new(FigureCode.OutOfRegionFundsMonth)]);
        Assert.Equal(1_000m, november[new(FigureCode.FundsMonth, w.Chain1)]);
        Assert.Equal(0m, november[new(FigureCode.FundsMonth, w.Chain2)]);
        Assert.Equal(0m, december[new(FigureCode.NewLeads)]);
        Assert.Equal(300m, december[new(FigureCode.FundsMonth)]);
        Assert.Equal(1_300m, december[new(FigureCode.FundsYtd)]);
    }

    [Fact]
    public async Task A_return_missing_after_the_deadline_raises_one_alert_per_unit_and_month_and_submitting_clears_it()
    {
        // 5 Dec 23:00 Beijing: November's return is still on time.
        await using var database = await TestDatabase.CreateAsync(new FakeClock(new DateTimeOffset(2026, 12, 5, 15, 0, 0, TimeSpan.Zero)));
        var w = await MiniWorld.CreateAsync(database);
        foreach (var unit in new[] { w.CountyA, w.CountyB })
        foreach (var month in new[] { new StatMonth(2026, 9), new StatMonth(2026, 10) })
            await AddReturnAsync(database, unit, month, Figures(1m, 1m), approve: true);
        await AddReturnAsync(database, w.CountyA, November, Figures(1m, 1m), submit: true);
        var bId = await AddReturnAsync(database, w.CountyB, November, Figures(1m, 1m));
        var engine = new AlertEngine(database.Factory, [new MonthlyReturnMissingCheck(Options.Create(Settings))], new NoAlertNotifier(),
            new PlainAlertTexts(), database.Clock, NullLogger<AlertEngine>.Instance);

        await engine.ScanAsync();
        Assert.Empty(await AlertsAsync(database));

        database.Clock.UtcNow = new DateTimeOffset(2026, 12, 5, 16, 0, 0, TimeSpan.Zero); // 6 Dec 00:00 Beijing
        await engine.ScanAsync();
        await engine.ScanAsync();
        var alert = Assert.Single(await AlertsAsync(database));
        Assert.Equal((AlertKind.MonthlyReturnMissing, (int?)w.CountyB, "2026-11", AlertSeverity.Medium, (int?)w.CountyB),
            (alert.Kind, alert.UnitId, alert.Subject, alert.Severity, alert.OwnerUnitId));
        Assert.Equal(["2026-11", "2026-12-05"], alert.Args);

        await using (var db = database.CreateContext())
        {
            var county = County(w.CountyB);
            db.Actor = county.Actor;
            var r = await db.MonthlyReturns.Include(x => x.Figures).Include(x => x.History).SingleAsync(x => x.Id == bId);
            r.Submit(county, database.Clock.GetUtcNow().UtcDateTime, ReturnDeadlines.DueAtUtc(November, Settings));
            await db.SaveChangesAsync();
            Assert.True(r.SubmittedLate);
        }
        var result = await engine.ScanKindsAsync([AlertKind.MonthlyReturnMissing]);
        Assert.Equal(1, result.Cleared);
    }

    [Fact]
    public async Task The_prefecture_table_sums_approved_returns_names_the_missing_and_compares_with_last_year()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        for (var m = 1; m <= 11; m++) await AddReturnAsync(database, w.CountyA, new StatMonth(2025, m), Figures(100m, 100m * m, w.Chain1), approve: true);
        await AddReturnAsync(database, w.CountyA, November, Figures(150m, 1_650m, w.Chain1), approve: true);
        await AddReturnAsync(database, w.CountyB, November, Figures(999m, 9_999m, w.Chain2), submit: true);

        var table = await new PrefectureMonthlyTableQuery(database.Factory).ReadAsync(November);

        Assert.Equal(150m, table.Totals[FigureCode.OutOfRegionFundsMonth]);
        Assert.Equal(1_650m, table.Totals[FigureCode.OutOfRegionFundsYtd]);
        var missing = Assert.Single(table.Missing);
        Assert.Equal((w.CountyB, (ReturnStatus?)ReturnStatus.Submitted), (missing.UnitId, missing.Status));
        var a = table.Counties.Single(c => c.UnitId == w.CountyA);
        Assert.Equal((new Growth(GrowthKind.Percent, 50m), (int?)1), (a.OutOfRegionFundsYtdGrowth, a.OutOfRegionFundsYtdRank));
        Assert.Null(table.Counties.Single(c => c.UnitId == w.CountyB).OutOfRegionFundsYtdRank);
        Assert.Equal(300m, table.Chains.Single(c => c.ChainId == w.Chain1).Figures[FigureCode.FundsMonth]);
        Assert.Equal(0m, table.Chains.Single(c => c.ChainId == w.Chain2).Figures[FigureCode.FundsMonth]);
        // County B has no returns last year: the prefecture as a whole has nothing to compare with.
        Assert.Equal(GrowthKind.NoComparison, table.Growth[FigureCode.OutOfRegionFundsYtd].Kind);
    }
}
