using System.Collections.Concurrent;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Health;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Tests.Alerts;

/// <summary>Records every alert handed to outbound notification.</summary>
public sealed class RecordingNotifier : IAlertNotifier
{
    public ConcurrentQueue<OutboundAlert> Sent { get; } = new();

    public ValueTask NotifyAsync(OutboundAlert alert, CancellationToken cancellationToken)
    {
        Sent.Enqueue(alert);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Project keys straight from the database (the application's directory is internal).</summary>
public sealed class DatabaseProjectKeys(TestDatabase database) : IProjectKeys
{
    public ProjectKey Remember(Project project) => project.Key;

    public async ValueTask<ProjectKey?> FindAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new ProjectKey(p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId)).Cast<ProjectKey?>().FirstOrDefaultAsync(cancellationToken);
    }
}

internal static class AlertTestKit
{
    /// <summary>The 2026-11 first-half report of a project signed on 2 Nov is due by the end of 18 Nov (Beijing).</summary>
    public static readonly DateTimeOffset LastHourBeforeDeadline = new(2026, 11, 18, 15, 0, 0, TimeSpan.Zero); // 23:00 Beijing
    public static readonly DateTimeOffset JustPastDeadline = new(2026, 11, 18, 16, 30, 0, TimeSpan.Zero);       // 19 Nov 00:30 Beijing

    public static AlertEngine Engine(TestDatabase database, IAlertNotifier? notifier = null) =>
        new(database.Factory, [new HealthAlertCheck(new ProjectHealthQuery(Options.Create(new HealthSettings()), database.Clock))],
            notifier ?? new NoAlertNotifier(), new PlainAlertTexts(), database.Clock, NullLogger<AlertEngine>.Instance);

    /// <summary>A key project of county A on chain 1, signed on 2 Nov, active now, with a milestone far ahead.</summary>
    public static async Task<int> SignedKeyProjectAsync(TestDatabase database, MiniWorld w)
    {
        var now = database.Clock.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        db.Actor = MiniWorld.Setup;
        var details = new ProjectDetails("疏附县重点纺织项目", null, w.CountyA, w.Chain1, null, w.Investor, 75_000m, 600, null, null, null, null,
            [new MilestoneInput(null, "取得施工许可", new DateOnly(2027, 3, 1), null)]);
        var project = Project.Create("KS-2026-0100", details, InvestorTier.None, w.SubBureau, MiniWorld.Setup, now, WorkGroupThresholds.Default, ProjectStage.Evaluation);
        project.MoveTo(new StageTransition(ProjectStage.Signed, Date: new DateOnly(2026, 11, 2)), MiniWorld.Setup, now);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    public static async Task<List<Domain.Alerts.Alert>> AlertsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }
}
