using KashiInvest.Infrastructure.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>
/// Re-checks a project as soon as something committed about it reaches the live bus (a report submitted, a ledger
/// entry raised or changed, the project changed), so a submitted report clears its overdue alert at once rather
/// than at the next night's scan.
/// </summary>
public sealed class AlertRechecker(ILiveBus bus, AlertEngine engine, IOptions<AlertsOptions> options, ILogger<AlertRechecker> logger) : BackgroundService
{
    private static readonly HashSet<string> Triggers =
    [
        ChangeKinds.ReportSubmitted, ChangeKinds.ProblemRaised, ChangeKinds.ProblemChanged,
        ChangeKinds.ProjectCreated, ChangeKinds.ProjectUpdated, ChangeKinds.ProjectStageChanged, ChangeKinds.EvaluationRecorded,
        ChangeKinds.ApprovalItemChanged, ChangeKinds.CommitmentChanged,
    ];

    /// <summary>The notices that move a unit's year-to-date figures or its targets (as the targets screen re-reads on).</summary>
    private static readonly HashSet<string> FigureTriggers =
    [
        ChangeKinds.ReportSubmitted, ChangeKinds.ProjectStageChanged, ChangeKinds.ProjectCreated, ChangeKinds.ProjectUpdated, ChangeKinds.AnnualTargetChanged,
    ];

    public static bool IsTrigger(ChangeNotice notice) => notice.ProjectId is not null && Triggers.Contains(notice.Kind);

    /// <summary>Whether the notice may move a unit's standing against its annual targets (the far-behind alert).</summary>
    public static bool MovesAnnualFigures(ChangeNotice notice) => FigureTriggers.Contains(notice.Kind);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RecheckOnEvents) return;
        await foreach (var notice in bus.SubscribeAsync(stoppingToken))
        {
            if (notice.Kind == ChangeKinds.WeeklyReported)
            {
                // A filed weekly report clears its unit's missing-report alert at once, not at the next scan.
                try { await engine.ScanKindsAsync([Domain.Alerts.AlertKind.WeeklyIntentionReportMissing], stoppingToken); }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception ex) { logger.LogError(ex, "Re-checking weekly reports after {Kind} failed", notice.Kind); }
                continue;
            }
            if (IsTrigger(notice))
            {
                try
                {
                    var result = await engine.RecheckAsync([notice.ProjectId!.Value], stoppingToken);
                    if (result.Raised + result.Cleared > 0) logger.LogInformation("Re-check of project {ProjectId} after {Kind}: {Result}", notice.ProjectId, notice.Kind, result);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Re-checking project {ProjectId} after {Kind} failed", notice.ProjectId, notice.Kind);
                }
            }
            if (MovesAnnualFigures(notice))
            {
                // Funds, signings, starts or a target moved: a unit may have caught up with (or fallen far behind) the elapsed time.
                try { await engine.ScanKindsAsync([Domain.Alerts.AlertKind.AnnualTargetFarBehind], stoppingToken); }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception ex) { logger.LogError(ex, "Re-checking annual targets after {Kind} failed", notice.Kind); }
            }
        }
    }
}
