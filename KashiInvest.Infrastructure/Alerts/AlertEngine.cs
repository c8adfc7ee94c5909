using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>What one run of the checks changed.</summary>
public sealed record AlertScanResult(int Raised, int Cleared, int Refreshed, int Open)
{
    /// <summary>The form kept in the job run log; <see cref="TryParse"/> reads it back for the page to put in words.</summary>
    public override string ToString() => $"raised {Raised}, cleared {Cleared}, refreshed {Refreshed}, open {Open}";

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AlertScanResult? result)
    {
        result = null;
        if (text is null) return false;
        var m = System.Text.RegularExpressions.Regex.Match(text, @"^raised (\d+), cleared (\d+), refreshed (\d+), open (\d+)$");
        if (!m.Success) return false;
        int N(int g) => int.Parse(m.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
        result = new AlertScanResult(N(1), N(2), N(3), N(4));
        return true;
    }
}

/// <summary>
/// Runs the registered <see cref="IAlertCheck"/>s and brings the alert table in line with what they find: each new
/// condition raised once, each ended one cleared, in one audited transaction per check. Runs in one process are
/// serialized; runs on several instances meet the unique open-alert index, and the loser re-reads and retries, so
/// nothing is ever raised twice. Each raised alert is handed to <see cref="IAlertNotifier"/> once, after commit.
/// </summary>
public sealed class AlertEngine(
    IDbContextFactory<KashiDbContext> factory,
    IEnumerable<IAlertCheck> checks,
    IAlertNotifier notifier,
    IAlertTexts texts,
    TimeProvider clock,
    ILogger<AlertEngine> logger)
{
    /// <summary>The name the engine writes under in the audit log.</summary>
    public static readonly Actor System = new("system:alerts", null);

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>A full scan of every check.</summary>
    public Task<AlertScanResult> ScanAsync(CancellationToken cancellationToken = default) => RunAsync(null, cancellationToken);

    /// <summary>Re-checks the given projects right away (after a report, ledger or project change).</summary>
    public Task<AlertScanResult> RecheckAsync(IReadOnlyCollection<int> projectIds, CancellationToken cancellationToken = default) =>
        projectIds.Count == 0 ? Task.FromResult(new AlertScanResult(0, 0, 0, 0)) : RunAsync(projectIds, cancellationToken);

    /// <summary>A full scan of only the checks that decide <paramref name="kinds"/> (e.g. after a weekly report is filed).</summary>
    public Task<AlertScanResult> ScanKindsAsync(IReadOnlyCollection<AlertKind> kinds, CancellationToken cancellationToken = default) =>
        RunAsync(null, cancellationToken, check => check.Kinds.Any(kinds.Contains));

    private async Task<AlertScanResult> RunAsync(IReadOnlyCollection<int>? projectIds, CancellationToken ct, Func<IAlertCheck, bool>? only = null)
    {
        await _gate.WaitAsync(ct);
        try
        {
            int raised = 0, cleared = 0, refreshed = 0;
            foreach (var check in checks)
            {
                if (only is not null && !only(check)) continue;
                var (r, c, f, newAlerts) = await RunCheckWithRetryAsync(check, projectIds, ct);
                raised += r; cleared += c; refreshed += f;
                foreach (var alert in newAlerts) await NotifyAsync(alert, ct);
            }
            await using var db = await factory.CreateDbContextAsync(ct);
            var open = await db.Alerts.CountAsync(a => a.OpenKey != null, ct);
            return new AlertScanResult(raised, cleared, refreshed, open);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(int, int, int, List<Alert>)> RunCheckWithRetryAsync(IAlertCheck check, IReadOnlyCollection<int>? projectIds, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunCheckAsync(check, projectIds, ct);
            }
            catch (DbUpdateException ex) when (attempt < 3)
            {
                // Another instance raised or cleared the same alert first (unique open key, version): re-read and redo.
                logger.LogInformation(ex, "Alert check {Check} met a concurrent run; retrying", check.GetType().Name);
            }
        }
    }

    private async Task<(int, int, int, List<Alert>)> RunCheckAsync(IAlertCheck check, IReadOnlyCollection<int>? projectIds, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = System;
        var now = clock.GetUtcNow().UtcDateTime;
        var kinds = check.Kinds.ToArray();
        var conditions = await check.FindAsync(db, projectIds, now, ct);
        conditions = conditions.Where(c => kinds.Contains(c.Kind)).ToList();

        var openQuery = db.Alerts.Where(a => a.OpenKey != null && kinds.Contains(a.Kind));
        if (projectIds is not null)
        {
            var ids = projectIds.ToArray();
            openQuery = openQuery.Where(a => a.ProjectId != null && ids.Contains(a.ProjectId.Value));
        }
        var open = await openQuery.ToListAsync(ct);
        var plan = AlertReconciliation.Plan(open, conditions);

        var projectIdsToKey = plan.ToRaise.Where(c => c.ProjectId is not null).Select(c => c.ProjectId!.Value).Distinct().ToArray();
        var keys = await db.Projects.AsNoTracking().Where(p => projectIdsToKey.Contains(p.Id))
            .Select(p => new ProjectKey(p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId)).ToDictionaryAsync(k => k.ProjectId, ct);

        var raised = new List<Alert>();
        foreach (var condition in plan.ToRaise)
        {
            ProjectKey? key = condition.ProjectId is { } pid && keys.TryGetValue(pid, out var k) ? k : null;
            var alert = new Alert(condition, key, now);
            db.Alerts.Add(alert);
            raised.Add(alert);
        }
        var refreshed = plan.ToRefresh.Count(r => r.Alert.Refresh(r.Condition, now));
        foreach (var alert in plan.ToClear) alert.Clear(now);

        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
        return (raised.Count, plan.ToClear.Count, refreshed, raised);
    }

    private async Task NotifyAsync(Alert alert, CancellationToken ct)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            string? projectName = null;
            int? chainLead = null;
            if (alert.ProjectId is { } pid)
            {
                projectName = await db.Projects.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Name).FirstOrDefaultAsync(ct);
            }
            if (alert.ChainId is { } cid)
            {
                chainLead = await db.Chains.AsNoTracking().Where(c => c.Id == cid).Select(c => (int?)c.LeadUnitId).FirstOrDefaultAsync(ct);
            }
            string? unitName = alert.UnitId is { } uid ? await db.Units.AsNoTracking().Where(u => u.Id == uid).Select(u => u.Name).FirstOrDefaultAsync(ct) : null;
            var (title, text) = texts.RenderChinese(new AlertTextInput(alert, projectName, unitName));
            var link = AlertLinks.PathOf(alert);
            var also = (await ApprovalAlertCheck.AlsoNotifyAsync(db, alert, ct)).Concat(await CommitmentAlertCheck.AlsoNotifyAsync(db, alert, ct))
                .Concat(await ComplaintAlertCheck.AlsoNotifyAsync(db, alert, ct))
                .Concat(await AnnualTargetFarBehindCheck.AlsoNotifyAsync(db, alert, ct))
                .Concat(await IntegrityAlertCheck.AlsoNotifyAsync(db, alert, ct)).ToList();
            await notifier.NotifyAsync(new OutboundAlert(alert.Id, alert.Kind.ToString(), alert.Severity.ToString(),
                AlertAccess.UnitsToNotify(alert, chainLead, also), title, text, link, alert.RaisedAtUtc), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The alert is committed; outbound notification is best effort and must not undo or repeat it.
            logger.LogError(ex, "Handing alert {AlertId} to the notifier failed", alert.Id);
        }
    }
}
