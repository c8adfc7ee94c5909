using System.Threading.Channels;
using KashiInvest.Domain.Alerts;
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
/// <remarks>
/// Three loops. The reader only sorts notices: project ids go to a queue, and the wider scans (the far-behind scan
/// reads every unit's year figures; the weekly-report scan) are only marked as wanted. The project loop takes every
/// distinct id that queued up while its last re-check ran and re-checks them together. The scan loop runs each
/// wanted scan once, so any number of notices arriving during one scan cause at most one more scan.
/// </remarks>
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

    private readonly Channel<int> _projects = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>One slot: a scan is wanted. What is wanted is in the flags; a full slot already promises a run that reads them.</summary>
    private readonly Channel<bool> _scanWanted = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true, SingleWriter = true,
    });

    private int _farBehindWanted;
    private int _weeklyWanted;
    private long _noticesRead;

    /// <summary>How many notices the reader has sorted so far (for tests that must know a burst was taken in).</summary>
    public long NoticesRead => Interlocked.Read(ref _noticesRead);

    public static bool IsTrigger(ChangeNotice notice) => notice.ProjectId is not null && Triggers.Contains(notice.Kind);

    /// <summary>Whether the notice may move a unit's standing against its annual targets (the far-behind alert).</summary>
    public static bool MovesAnnualFigures(ChangeNotice notice) => FigureTriggers.Contains(notice.Kind);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RecheckOnEvents) return Task.CompletedTask;
        return Task.WhenAll(ReadAsync(stoppingToken), RecheckProjectsAsync(stoppingToken), ScanAsync(stoppingToken));
    }

    private async Task ReadAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var notice in bus.SubscribeAsync(ct))
            {
                // A filed weekly report clears its unit's missing-report alert at once, not at the next scan.
                if (notice.Kind == ChangeKinds.WeeklyReported) Want(ref _weeklyWanted);
                else
                {
                    if (IsTrigger(notice)) _projects.Writer.TryWrite(notice.ProjectId!.Value);
                    // Funds, signings, starts or a target moved: a unit may have caught up with (or fallen far behind) the elapsed time.
                    if (MovesAnnualFigures(notice)) Want(ref _farBehindWanted);
                }
                Interlocked.Increment(ref _noticesRead);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        finally
        {
            _projects.Writer.TryComplete();
            _scanWanted.Writer.TryComplete();
        }
    }

    private void Want(ref int flag)
    {
        Volatile.Write(ref flag, 1);
        _scanWanted.Writer.TryWrite(true); // dropped when a run is already pending: that run reads the flag
    }

    private async Task RecheckProjectsAsync(CancellationToken ct)
    {
        var batch = new HashSet<int>();
        try
        {
            while (await _projects.Reader.WaitToReadAsync(ct))
            {
                batch.Clear();
                while (_projects.Reader.TryRead(out var id)) batch.Add(id);
                try
                {
                    var result = await engine.RecheckAsync(batch.ToArray(), ct);
                    if (result.Raised + result.Cleared > 0) logger.LogInformation("Re-check of projects {ProjectIds}: {Result}", batch, result);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
                catch (Exception ex) { logger.LogError(ex, "Re-checking projects {ProjectIds} failed", batch); }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    private async Task ScanAsync(CancellationToken ct)
    {
        try
        {
            while (await _scanWanted.Reader.WaitToReadAsync(ct))
            {
                _scanWanted.Reader.TryRead(out _);
                var kinds = new List<AlertKind>(2);
                if (Interlocked.Exchange(ref _farBehindWanted, 0) == 1) kinds.Add(AlertKind.AnnualTargetFarBehind);
                if (Interlocked.Exchange(ref _weeklyWanted, 0) == 1) kinds.Add(AlertKind.WeeklyIntentionReportMissing);
                if (kinds.Count == 0) continue;
                try { await engine.ScanKindsAsync(kinds, ct); }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
                catch (Exception ex) { logger.LogError(ex, "Re-scanning {Kinds} after committed changes failed", kinds); }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }
}
