using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Domain.Alerts;
using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.AnnualTargets;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Tests.AnnualTargets;

/// <summary>Annual targets on a real SQLite file: the split round-trips audited, races are refused, and the results are the platform's live figures.</summary>
public sealed class AnnualTargetsPersistenceTests
{
    private static readonly Actor Bureau = new("bureau", null);
    /// <summary>20 Nov 2026 10:00 Beijing (the test clock's default day).</summary>
    private static readonly DateOnly Through = new(2026, 11, 20);

    private static IAnnualFigures Figures(TestDatabase database) => new AnnualFigures(database.Factory, Options.Create(new StatisticsSettings()));

    private static async Task<int> AddTargetAsync(TestDatabase database, MiniWorld w, AnnualIndicator indicator, decimal amount, decimal a, decimal b)
    {
        await using var db = database.CreateContext();
        db.Actor = Bureau;
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var target = AnnualTarget.Set(2026, indicator, amount, Bureau, now);
        target.Split(AssessmentSequence.CountiesAndZone, [new(w.CountyA, UnitType.County, a), new(w.CountyB, UnitType.County, b)], Bureau, now);
        db.AnnualTargets.Add(target);
        await db.SaveChangesAsync();
        return target.Id;
    }

    private static async Task AddFundsAsync(TestDatabase database, int projectId, decimal funds, decimal outOfRegion, DateTime atUtc, int revision = 1)
    {
        await using var db = database.CreateContext();
        db.Actor = Actor.System("test");
        db.ProgressReports.Add(new ProgressReport(projectId, new HalfMonthPeriod(2026, 11, 1), ReportKind.Update, revision, "到位资金",
            null, funds, outOfRegion, Actor.System("test"), atUtc, false));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_target_and_its_split_round_trip_and_every_change_is_audited_with_before_and_after()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var id = await AddTargetAsync(database, w, AnnualIndicator.OutOfRegionFunds, 10_000m, 4_000m, 3_000m);

        await using (var db = database.CreateContext())
        {
            db.Actor = Bureau;
            var target = await db.AnnualTargets.Include(t => t.Shares).SingleAsync(t => t.Id == id);
            target.Split(AssessmentSequence.CountiesAndZone, [new(w.CountyA, UnitType.County, 4_500m), new(w.CountyB, UnitType.County, 3_000m)], Bureau, database.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var stored = await read.AnnualTargets.AsNoTracking().Include(t => t.Shares).SingleAsync(t => t.Id == id);
        Assert.Equal((2026, AnnualIndicator.OutOfRegionFunds, 10_000m), (stored.Year, stored.Indicator, stored.Amount));
        Assert.Equal(4_500m, stored.ShareOf(w.CountyA));
        Assert.Equal(2_500m, stored.Remainder(AssessmentSequence.CountiesAndZone));
        var shareAudit = await read.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(TargetShare) && a.Action == Domain.Audit.AuditAction.Modified).SingleAsync();
        Assert.Contains("4000", shareAudit.Before!, StringComparison.Ordinal);
        Assert.Contains("4500", shareAudit.After!, StringComparison.Ordinal);
        Assert.Equal("bureau", shareAudit.UserName);
        Assert.True(await read.AuditEntries.AnyAsync(a => a.EntityType == nameof(AnnualTarget) && a.Action == Domain.Audit.AuditAction.Modified));
    }

    [Fact]
    public async Task Of_two_splits_based_on_the_same_read_the_second_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var id = await AddTargetAsync(database, w, AnnualIndicator.SignedProjects, 10m, 4m, 3m);
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        first.Actor = second.Actor = Bureau;
        var t1 = await first.AnnualTargets.Include(t => t.Shares).SingleAsync(t => t.Id == id);
        var t2 = await second.AnnualTargets.Include(t => t.Shares).SingleAsync(t => t.Id == id);
        var now = database.Clock.GetUtcNow().UtcDateTime;

        t1.Split(AssessmentSequence.CountiesAndZone, [new(w.CountyA, UnitType.County, 5m), new(w.CountyB, UnitType.County, 5m)], Bureau, now);
        await first.SaveChangesAsync();
        t2.Split(AssessmentSequence.CountiesAndZone, [new(w.CountyA, UnitType.County, 2m)], Bureau, now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task A_second_target_for_the_same_year_and_indicator_is_refused_by_the_database()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        await AddTargetAsync(database, w, AnnualIndicator.SignedProjects, 10m, 4m, 3m);

        await Assert.ThrowsAsync<DbUpdateException>(() => AddTargetAsync(database, w, AnnualIndicator.SignedProjects, 12m, 4m, 3m));
    }

    [Fact]
    public async Task Each_assessed_unit_gets_its_share_and_its_live_year_to_date_figure_and_unassessed_units_none()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        await AddTargetAsync(database, w, AnnualIndicator.OutOfRegionFunds, 10_000m, 6_000m, 4_000m);
        var morning = new DateTime(2026, 11, 20, 1, 0, 0, DateTimeKind.Utc); // 09:00 Beijing
        await AddFundsAsync(database, w.Projects["A1"], 1_000m, 800m, morning);
        await AddFundsAsync(database, w.Projects["B2"], 500m, 500m, morning);

        var figures = await Figures(database).ReadAsync(2026, Through, default);

        Assert.Equal(5 * AnnualIndicators.All.Length, figures.Count); // 2 counties, the sub-bureau, 2 chain leads; not the service group
        Assert.DoesNotContain(figures, f => f.UnitId == w.ServiceGroupA);
        UnitIndicatorFigure Of(int unit) => figures.Single(f => f.UnitId == unit && f.Indicator == AnnualIndicator.OutOfRegionFunds);
        Assert.Equal((6_000m, 800m), (Of(w.CountyA).Target, Of(w.CountyA).Actual));
        Assert.Equal((4_000m, 500m), (Of(w.CountyB).Target, Of(w.CountyB).Actual));
        // The sub-bureau brought B2 in; the chain leads count their chain's projects in every county.
        Assert.Equal((null, 500m), (Of(w.SubBureau).Target, Of(w.SubBureau).Actual));
        Assert.Equal(800m, Of(w.LeadUnit1).Actual);
        Assert.Equal(500m, Of(w.LeadUnit2).Actual);
        Assert.Null(figures.Single(f => f.UnitId == w.CountyA && f.Indicator == AnnualIndicator.SignedProjects).Target);
    }

    [Fact]
    public async Task A_report_that_moves_funds_moves_the_progress_at_once_and_a_report_after_the_day_does_not_count_yet()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        await AddTargetAsync(database, w, AnnualIndicator.FundsInPlace, 10_000m, 6_000m, 4_000m);
        var reader = Figures(database);
        decimal ActualA(IReadOnlyList<UnitIndicatorFigure> f) => f.Single(x => x.UnitId == w.CountyA && x.Indicator == AnnualIndicator.FundsInPlace).Actual;
        Assert.Equal(0m, ActualA(await reader.ReadAsync(2026, Through, default)));

        await AddFundsAsync(database, w.Projects["A1"], 1_200m, 0m, new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc));
        Assert.Equal(1_200m, ActualA(await reader.ReadAsync(2026, Through, default)));

        // A revision of the same period replaces the first; a report of the next Beijing day is not in the 20th's figure.
        await AddFundsAsync(database, w.Projects["A1"], 1_500m, 0m, new DateTime(2026, 11, 20, 4, 0, 0, DateTimeKind.Utc), revision: 2);
        await AddFundsAsync(database, w.Projects["A2"], 700m, 0m, new DateTime(2026, 11, 20, 16, 0, 0, DateTimeKind.Utc));
        Assert.Equal(1_500m, ActualA(await reader.ReadAsync(2026, Through, default)));
        Assert.Equal(2_200m, ActualA(await reader.ReadAsync(2026, Through.AddDays(1), default)));
    }

    [Fact]
    public async Task A_unit_far_behind_the_elapsed_time_raises_one_alert_the_Bureau_hears_of_and_catching_up_clears_it()
    {
        await using var database = await TestDatabase.CreateAsync(); // 20 Nov 2026: 88.8 % of the year elapsed
        var w = await MiniWorld.CreateAsync(database);
        int bureau;
        await using (var db = database.CreateContext())
        {
            db.Actor = MiniWorld.Setup;
            var unit = new Unit("bureau", "地区招商局", "Investment Bureau", UnitType.Bureau);
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            bureau = unit.Id;
        }
        await AddTargetAsync(database, w, AnnualIndicator.FundsInPlace, 10_000m, 6_000m, 4_000m);
        var morning = new DateTime(2026, 11, 20, 1, 0, 0, DateTimeKind.Utc);
        await AddFundsAsync(database, w.Projects["A1"], 1_000m, 0m, morning); // A: 16.7 %, far behind
        await AddFundsAsync(database, w.Projects["B1"], 3_000m, 0m, morning); // B: 75.0 %, behind but not far
        var notifier = new Alerts.RecordingNotifier();
        var engine = new AlertEngine(database.Factory,
            [new AnnualTargetFarBehindCheck(Figures(database), Options.Create(new AnnualTargetSettings()))],
            notifier, new PlainAlertTexts(), database.Clock, NullLogger<AlertEngine>.Instance);

        await engine.ScanAsync();
        await engine.ScanKindsAsync([AlertKind.AnnualTargetFarBehind]);

        var alert = Assert.Single(await Alerts.AlertTestKit.AlertsAsync(database));
        Assert.Equal((AlertKind.AnnualTargetFarBehind, (int?)w.CountyA, (int?)w.CountyA, "2026", true),
            (alert.Kind, alert.UnitId, alert.OwnerUnitId, alert.Subject, alert.IsOpen));
        Assert.Equal(["2026", "FundsInPlace:16.7%", "88.8%"], alert.Args);
        var sent = Assert.Single(notifier.Sent);
        Assert.Contains(bureau, sent.UnitIds);
        Assert.Contains(w.CountyA, sent.UnitIds);

        // A project re-check leaves the unit's alert alone; the county's report of more funds clears it at the next check.
        await engine.RecheckAsync([w.Projects["A1"]]);
        Assert.True(Assert.Single(await Alerts.AlertTestKit.AlertsAsync(database)).IsOpen);
        await AddFundsAsync(database, w.Projects["A1"], 4_000m, 0m, morning.AddHours(1), revision: 2); // 66.7 %: 22.1 points behind
        var result = await engine.ScanKindsAsync([AlertKind.AnnualTargetFarBehind]);

        Assert.Equal((0, 1), (result.Raised, result.Cleared));
        Assert.False(Assert.Single(await Alerts.AlertTestKit.AlertsAsync(database)).IsOpen);
    }
}
