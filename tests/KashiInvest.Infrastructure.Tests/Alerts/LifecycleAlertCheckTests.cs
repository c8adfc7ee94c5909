using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static KashiInvest.Infrastructure.Tests.Alerts.AlertTestKit;

namespace KashiInvest.Infrastructure.Tests.Alerts;

/// <summary>
/// The two life-cycle checks on a real SQLite file through the engine: a weekly intention report past its deadline
/// (Art. 19) and an agreement not signed in time after a passed evaluation (Art. 20).
/// </summary>
public sealed class LifecycleAlertCheckTests
{
    // Week of Mon 16 Nov 2026; with the defaults its report is due Mon 23 Nov 12:00 Beijing (04:00 UTC).
    private static readonly ReportWeek Week = new(new DateOnly(2026, 11, 16));
    private static readonly DateTimeOffset BeforeDue = new(2026, 11, 23, 3, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterDue = new(2026, 11, 23, 4, 30, 0, TimeSpan.Zero);

    private static AlertEngine EngineWith(TestDatabase database, IAlertCheck check) =>
        new(database.Factory, [check], new NoAlertNotifier(), new PlainAlertTexts(), database.Clock, NullLogger<AlertEngine>.Instance);

    private static async Task FileWeeklyAsync(TestDatabase database, int unitId, ReportWeek week)
    {
        await using var db = database.CreateContext();
        var actor = new Actor("unit-user", unitId);
        db.Actor = actor;
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var report = new WeeklyIntentionReport(unitId, week, actor, now);
        report.File(true, [], [], actor, now);
        db.WeeklyReports.Add(report);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_unit_that_has_not_filed_its_week_gets_one_alert_after_the_deadline_and_filing_clears_it()
    {
        await using var database = await TestDatabase.CreateAsync(new FakeClock(BeforeDue.AddDays(-3)));
        var w = await MiniWorld.CreateAsync(database);
        var settings = new WeeklyReportSettings { LookBackWeeks = 1 }; // only last week (due today) and this one
        var engine = EngineWith(database, new WeeklyIntentionReportCheck(Options.Create(settings)));
        await FileWeeklyAsync(database, w.CountyA, Week);

        database.Clock.UtcNow = BeforeDue;
        await engine.ScanAsync();
        Assert.Empty(await AlertsAsync(database));

        database.Clock.UtcNow = AfterDue;
        await engine.ScanAsync();
        await engine.ScanAsync();
        var alert = Assert.Single(await AlertsAsync(database));
        Assert.Equal((AlertKind.WeeklyIntentionReportMissing, (int?)null, (int?)w.CountyB, Week.ToString(), (int?)w.CountyB),
            (alert.Kind, alert.ProjectId, alert.UnitId, alert.Subject, alert.OwnerUnitId));
        Assert.True(alert.IsOpen);

        // A re-check of some projects leaves unit alerts alone; filing the week and re-scanning the kind clears it.
        await engine.RecheckAsync([w.Projects["B1"]]);
        Assert.True(Assert.Single(await AlertsAsync(database)).IsOpen);
        database.Clock.Advance(TimeSpan.FromHours(1));
        await FileWeeklyAsync(database, w.CountyB, Week);
        var result = await engine.ScanKindsAsync([AlertKind.WeeklyIntentionReportMissing]);
        Assert.Equal(1, result.Cleared);
        Assert.False(Assert.Single(await AlertsAsync(database)).IsOpen);
    }

    [Fact]
    public async Task A_passed_project_left_unsigned_past_the_allowed_days_is_alerted_and_signing_clears_it()
    {
        var passedOn = new DateOnly(2026, 11, 2);
        await using var database = await TestDatabase.CreateAsync(new FakeClock(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero)));
        var w = await MiniWorld.CreateAsync(database);
        var lifecycle = new LifecycleSettings();
        var engine = EngineWith(database, new AgreementNotSignedCheck(Options.Create(lifecycle)));
        var bureau = new Actor("bureau", null);

        int id;
        await using (var db = database.CreateContext())
        {
            db.Actor = bureau;
            var now = database.Clock.GetUtcNow().UtcDateTime;
            var details = MiniWorld.Details("待签约项目", w.CountyA, w.Chain1, w.Investor, 60_000m, 300) with { ResponsibleLeader = "地区副专员 王建国" };
            var project = Project.Create("KS-2026-0200", details, InvestorTier.Listed, w.SubBureau, MiniWorld.Setup, now, WorkGroupThresholds.Default, ProjectStage.Negotiating);
            project.RecordEvaluation(new EvaluationInput(passedOn, [w.CountyA], "地区招商局；甲县",
                EvaluationRules.AllCriteria.Select(c => new CriterionJudgement(c, Judgement.Good, null)).ToList(), EvaluationDecision.Pass, "符合布局"),
                Domain.Access.ActorRole.Bureau, bureau, now);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            id = project.Id;
        }

        // On the last allowed day nothing is said; the day after, one alert owned by the host county.
        database.Clock.UtcNow = new DateTimeOffset(passedOn.AddDays(lifecycle.SignAgreementWithinDays).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        await engine.ScanAsync();
        Assert.Empty(await AlertsAsync(database));
        database.Clock.UtcNow = database.Clock.UtcNow.AddDays(1);
        await engine.ScanAsync();
        var alert = Assert.Single(await AlertsAsync(database));
        Assert.Equal((AlertKind.AgreementNotSigned, (int?)id, (int?)w.CountyA, (int?)w.CountyA, AlertSeverity.Medium),
            (alert.Kind, alert.ProjectId, alert.HostUnitId, alert.OwnerUnitId, alert.Severity));

        await using (var db = database.CreateContext())
        {
            db.Actor = new Actor("county-a", w.CountyA);
            var project = await db.Projects.Include(p => p.Milestones).SingleAsync(p => p.Id == id);
            project.MoveTo(new StageTransition(ProjectStage.Signed, Date: BeijingTime.DateOf(database.Clock.GetUtcNow().UtcDateTime)), db.Actor, database.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        var result = await engine.RecheckAsync([id]);
        Assert.Equal(1, result.Cleared);
        Assert.False(Assert.Single(await AlertsAsync(database)).IsOpen);
    }
}
