using System.Collections.Concurrent;
using System.Threading.Channels;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Targets;
using Microsoft.Extensions.Logging;

namespace KashiInvest.Infrastructure.Live;

/// <summary>Publishes the domain events of a committed write. Called once per commit, never before it.</summary>
public interface IDomainEventDispatcher
{
    Task DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken);
}

/// <summary>
/// A small change notice: what kind of thing changed and where, never the record itself. A screen that receives
/// one re-reads the item under its own scope, so a notice cannot leak data. <see cref="Sequence"/> numbers the
/// notices of one server in publishing order (gaps are normal; a repeat is a duplicate).
/// </summary>
public sealed record ChangeNotice(
    string Kind,
    int? ProjectId,
    int? HostUnitId,
    int? ChainId,
    int? SourceUnitId,
    int Version,
    DateTime AtUtc,
    int? ItemId = null,
    int? PeriodIndex = null,
    long Sequence = 0)
{
    /// <summary>The scope ids of the project the notice is about, when it is about one.</summary>
    public ProjectKey? Project => ProjectId is { } id && HostUnitId is { } host && ChainId is { } chain && SourceUnitId is { } source
        ? new ProjectKey(id, host, chain, source)
        : null;
}

/// <summary>The kinds of change notice; part of the hub's public event contract (README).</summary>
public static class ChangeKinds
{
    public const string ProjectCreated = "project.created";
    public const string ProjectUpdated = "project.updated";
    public const string ProjectStageChanged = "project.stage";
    public const string ReportSubmitted = "report.submitted";
    public const string ProblemRaised = "problem.raised";
    public const string ProblemChanged = "problem.changed";
    public const string TriageChanged = "triage.changed";
    public const string EvaluationRecorded = "evaluation.recorded";

    public static readonly IReadOnlyList<string> All = [ProjectCreated, ProjectUpdated, ProjectStageChanged, ReportSubmitted, ProblemRaised, ProblemChanged,
        TriageChanged, EvaluationRecorded, LeadFiled, TargetPushed, TargetStatus, WeeklyReported, AlertRaised, AlertCleared, AlertAcknowledged,
        MeetingChanged, ActionChanged, ApprovalPlanChanged, ApprovalItemChanged, ReturnChanged, BulletinChanged, CommitmentChanged, ChainChanged, AssessmentChanged, AnnualTargetChanged,
        ComplaintChanged, IntegrityChanged, TargetChanged];
    /// <summary>A registration form was filed (its project's key; ItemId = form id).</summary>
    public const string LeadFiled = "lead.filed";
    /// <summary>A chain map changed: ItemId = chain id, ProjectId 0, Host/Source 0, ChainId = the chain (heard by those who see the chain's projects).</summary>
    public const string ChainChanged = "chain.changed";
    /// <summary>
    /// A target enterprise was added to the library or changed (renamed, re-linked, moved): ItemId = target id, ProjectId 0,
    /// Host/Source 0, ChainId = its chain (heard by those who see all the chain's targets: its lead and the prefecture).
    /// A target moved to another chain is also sent with the chain it left, so both maps re-read.
    /// </summary>
    public const string TargetChanged = "target.changed";
    /// <summary>A target reached a unit. Not about a project: ProjectId 0, Host/Source = the receiving unit, ItemId = push id.</summary>
    public const string TargetPushed = "target.pushed";
    /// <summary>A receiving unit's follow-up on a push changed (same key as <see cref="TargetPushed"/>).</summary>
    public const string TargetStatus = "target.status";
    /// <summary>A weekly intention report was filed or amended: ProjectId 0, Host/Source = the unit, ChainId -1, ItemId = report id.</summary>
    public const string WeeklyReported = "weekly.reported";

    public const string AlertRaised = "alert.raised";
    public const string AlertCleared = "alert.cleared";
    public const string AlertAcknowledged = "alert.acknowledged";

    /// <summary>A meeting (details, agenda, presenter position, record) changed: ItemId = meeting id, ProjectId 0,
    /// Host/Source = organizer unit, ChainId -1. Meeting screens receive it whatever their project scope and re-read.</summary>
    public const string MeetingChanged = "meeting.changed";
    /// <summary>A meeting action item was recorded or done: ItemId = action id; keyed on its project, else like the meeting.</summary>
    public const string ActionChanged = "action.changed";
    /// <summary>A unit's monthly return was computed, corrected or moved along its review: ProjectId 0, Host/Source = the
    /// unit, ChainId -1, ItemId = return id, PeriodIndex = the month (<c>year × 12 + month − 1</c>).</summary>
    public const string ReturnChanged = "return.changed";
    /// <summary>A quarterly bulletin was drafted, edited or moved along its approval: ProjectId 0, Host/Source 0, ChainId -1,
    /// ItemId = bulletin id, PeriodIndex = the quarter (<c>year × 4 + quarter − 1</c>). Carries no content; bulletin screens
    /// receive it whatever their scope and re-read under their own access rule.</summary>
    public const string BulletinChanged = "bulletin.changed";
    /// <summary>A year's assessment scheme or round changed: ProjectId 0, Host/Source 0, ChainId -1, PeriodIndex = the year.
    /// Carries no content; assessment screens re-read under their own access rule.</summary>
    public const string AssessmentChanged = "assessment.changed";

    /// <summary>An investor's application or its service plan changed (Art. 23): keyed on the project, ItemId = plan id.</summary>
    public const string ApprovalPlanChanged = "approval.plan";
    /// <summary>An approval item of a plan was planned, assigned, claimed or stepped: keyed on the project, ItemId = item id.</summary>
    public const string ApprovalItemChanged = "approval.item";
    /// <summary>A policy commitment was recorded, edited, became due or was stepped: keyed on its project, ItemId = commitment id.</summary>
    public const string CommitmentChanged = "commitment.changed";
    /// <summary>A year's annual target or its split changed: ProjectId 0, Host/Source 0, ChainId -1, ItemId = target id,
    /// PeriodIndex = the year. Carries no figures; target screens receive it whatever their scope and re-read under their own rule.</summary>
    public const string AnnualTargetChanged = "annualtarget.changed";
    /// <summary>An investor's complaint was filed or stepped: ProjectId 0, Host/Source 0, ChainId -1, ItemId = complaint id. Carries
    /// nothing the complainant typed; complaint screens receive it whatever their scope and re-read under their own access rule.</summary>
    public const string ComplaintChanged = "complaint.changed";
    /// <summary>An integrity case (违约失信) was opened or stepped: ProjectId 0, Host/Source 0, ChainId -1, ItemId = case id. Carries
    /// no content; integrity screens receive it whatever their scope and re-read under their own access rule.</summary>
    public const string IntegrityChanged = "integrity.changed";

}

/// <summary>The one live bus: every committed change notice goes through it to every subscriber.</summary>
public interface ILiveBus
{
    ValueTask PublishAsync(ChangeNotice notice, CancellationToken cancellationToken);

    /// <summary>A stream of notices for one subscriber; ends when the token is cancelled.</summary>
    IAsyncEnumerable<ChangeNotice> SubscribeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The same stream, with <paramref name="onGap"/> called whenever notices meant for this subscriber were lost
    /// (it fell behind), so that it can re-read everything instead of trusting what it holds. A bus that cannot
    /// lose notices never calls it.
    /// </summary>
    IAsyncEnumerable<ChangeNotice> SubscribeAsync(Action onGap, CancellationToken cancellationToken) => SubscribeAsync(cancellationToken);

    /// <summary>
    /// The notices committed on this instance only, for work that must happen once per write rather than once per
    /// instance (the alert re-check): the bus itself when it carries nothing from other instances.
    /// </summary>
    ILiveBus CommittedHere => this;
}

/// <summary>In-process bus: one bounded channel per subscriber, so a slow screen never holds up the others.</summary>
public sealed class InMemoryLiveBus(int subscriberCapacity = 1024) : ILiveBus
{
    private readonly ConcurrentDictionary<Guid, Channel<ChangeNotice>> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    public ValueTask PublishAsync(ChangeNotice notice, CancellationToken cancellationToken)
    {
        foreach (var channel in _subscribers.Values) channel.Writer.TryWrite(notice);
        return ValueTask.CompletedTask;
    }

    public IAsyncEnumerable<ChangeNotice> SubscribeAsync(CancellationToken cancellationToken) => SubscribeAsync(static () => { }, cancellationToken);

    public async IAsyncEnumerable<ChangeNotice> SubscribeAsync(Action onGap, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        // A subscriber that falls more than the capacity behind loses its oldest notices, and is told so.
        var channel = Channel.CreateBounded<ChangeNotice>(new BoundedChannelOptions(subscriberCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        }, _ => onGap());
        _subscribers[id] = channel;
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var notice)) yield return notice;
            }
        }
        finally
        {
            _subscribers.TryRemove(id, out _);
        }
    }
}

/// <summary>
/// Work that follows a commit once its notices are published (e.g. re-evaluating commitments whose conditions the
/// committed facts may meet). A handler that writes does so in its own unit of work; a failure is logged and never
/// makes the committed write look failed.
/// </summary>
public interface IAfterCommitHandler
{
    Task HandleAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken);
}

/// <summary>Turns committed domain events into change notices on the live bus, then runs the after-commit handlers.</summary>
public sealed class LiveBusEventDispatcher(ILiveBus bus, IProjectKeys keys, TimeProvider clock, ILogger<LiveBusEventDispatcher> logger,
    IEnumerable<IAfterCommitHandler> afterCommit) : IDomainEventDispatcher
{
    private static long _sequence;

    public LiveBusEventDispatcher(ILiveBus bus, IProjectKeys keys, TimeProvider clock, ILogger<LiveBusEventDispatcher> logger)
        : this(bus, keys, clock, logger, []) { }

    public async Task DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var notices = new List<ChangeNotice>(events.Count);
        foreach (var e in events)
        {
            try
            {
                if (await ToNoticeAsync(e, now, cancellationToken) is not { } notice) continue;
                if (!notices.Contains(notice)) notices.Add(notice);
                // A project or target that moved to another chain: the chain it left hears of it too (its map re-reads).
                if (PreviousChainOf(e) is { } left && left != notice.ChainId && notice with { ChainId = left } is var old && !notices.Contains(old))
                    notices.Add(old);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Turning {Event} into a change notice failed", e.GetType().Name);
            }
        }
        foreach (var notice in notices)
        {
            try
            {
                await bus.PublishAsync(notice with { Sequence = Interlocked.Increment(ref _sequence) }, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The write is committed: a bus failure must not make it look failed. Screens re-read on reconnect.
                logger.LogError(ex, "Publishing {Kind} for project {ProjectId} failed", notice.Kind, notice.ProjectId);
            }
        }
        foreach (var handler in afterCommit)
        {
            try
            {
                await handler.HandleAsync(events, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "After-commit handler {Handler} failed", handler.GetType().Name);
            }
        }
    }

    private static int? PreviousChainOf(IDomainEvent e) => e switch
    {
        ProjectUpdated { PreviousChainId: { } chain } => chain,
        Domain.Targets.TargetChanged { PreviousChainId: { } chain } => chain,
        _ => null,
    };

    private async ValueTask<ChangeNotice?> ToNoticeAsync(IDomainEvent e, DateTime now, CancellationToken ct)
    {
        switch (e)
        {
            case ProjectCreated c: return Of(ChangeKinds.ProjectCreated, keys.Remember(c.Project), c.Project.Version, now);
            case ProjectUpdated u: return Of(ChangeKinds.ProjectUpdated, keys.Remember(u.Project), u.Project.Version, now);
            case ProjectStageChanged s: return Of(ChangeKinds.ProjectStageChanged, keys.Remember(s.Project), s.Project.Version, now);
            case ProgressReportSubmitted r when await keys.FindAsync(r.Report.ProjectId, ct) is { } key:
                return Of(ChangeKinds.ReportSubmitted, key, r.Report.Revision, now) with { ItemId = r.Report.Id, PeriodIndex = r.Report.PeriodIndex };
            case ProblemRaised pr when await keys.FindAsync(pr.Problem.ProjectId, ct) is { } key:
                return Of(ChangeKinds.ProblemRaised, key, pr.Problem.Version, now) with { ItemId = pr.Problem.Id };
            case ProblemChanged pc when await keys.FindAsync(pc.Problem.ProjectId, ct) is { } key:
                return Of(ChangeKinds.ProblemChanged, key, pc.Problem.Version, now) with { ItemId = pc.Problem.Id };
            case ProjectTriaged t: return Of(ChangeKinds.TriageChanged, keys.Remember(t.Project), t.Project.Version, now);
            case EvaluationRecorded er:
                return Of(ChangeKinds.EvaluationRecorded, keys.Remember(er.Project), er.Project.Version, now) with { ItemId = er.Evaluation.Id };
            case LeadFiled lf when await keys.FindAsync(lf.Form.ProjectId, ct) is { } key:
                return Of(ChangeKinds.LeadFiled, key, lf.Form.Version, now) with { ItemId = lf.Form.Id };
            // Not about a project: keyed by the receiving unit (as host and source) so the scope rule lets that unit,
            // the chain lead of the target's chain and the prefecture hear it; every page re-reads under its own scope.
            // Keyed on the chain only, like a map notice, but heard by those who see every target of the chain.
            case Domain.Targets.TargetChanged tc:
                return Of(ChangeKinds.TargetChanged, new ProjectKey(0, 0, tc.Target.ChainId, 0), tc.Target.Version, now) with { ItemId = tc.Target.Id };
            case TargetPushed tp: return Of(ChangeKinds.TargetPushed, new ProjectKey(0, tp.Push.UnitId, tp.Push.ChainId, tp.Push.UnitId), tp.Push.Version, now) with { ItemId = tp.Push.Id };
            case TargetFollowUpRecorded tf: return Of(ChangeKinds.TargetStatus, new ProjectKey(0, tf.Push.UnitId, tf.Push.ChainId, tf.Push.UnitId), tf.Push.Version, now) with { ItemId = tf.Push.Id };
            case WeeklyReportFiled wr: return Of(ChangeKinds.WeeklyReported, new ProjectKey(0, wr.Report.UnitId, -1, wr.Report.UnitId), wr.Report.Revision, now) with { ItemId = wr.Report.Id };
            case Domain.Alerts.AlertRaised a: return OfAlert(ChangeKinds.AlertRaised, a.Alert, now);
            case Domain.Alerts.AlertCleared a: return OfAlert(ChangeKinds.AlertCleared, a.Alert, now);
            case Domain.Alerts.AlertAcknowledged a: return OfAlert(ChangeKinds.AlertAcknowledged, a.Alert, now);
            case Domain.Meetings.MeetingChanged mc:
                return Of(ChangeKinds.MeetingChanged, new ProjectKey(0, mc.Meeting.OrganizerUnitId, -1, mc.Meeting.OrganizerUnitId), mc.Meeting.Version, now) with { ItemId = mc.Meeting.Id };
            case Domain.Statistics.MonthlyReturnChanged rc:
                return Of(ChangeKinds.ReturnChanged, new ProjectKey(0, rc.Return.UnitId, -1, rc.Return.UnitId), rc.Return.Version, now) with { ItemId = rc.Return.Id, PeriodIndex = rc.Return.MonthIndex };
            case Domain.Chains.ChainMapChanged cm:
                return Of(ChangeKinds.ChainChanged, new ProjectKey(0, 0, cm.Chain.Id, 0), cm.Chain.Version, now) with { ItemId = cm.Chain.Id };
            case Domain.AnnualTargets.AnnualTargetChanged at:
                return Of(ChangeKinds.AnnualTargetChanged, new ProjectKey(0, 0, -1, 0), at.Target.Version, now) with { ItemId = at.Target.Id, PeriodIndex = at.Target.Year };
            case Domain.Bulletins.BulletinChanged bc:
                return Of(ChangeKinds.BulletinChanged, new ProjectKey(0, 0, -1, 0), bc.Bulletin.Version, now) with { ItemId = bc.Bulletin.Id, PeriodIndex = bc.Bulletin.QuarterIndex };
            case Domain.Assessment.AssessmentChanged changed:
                return Of(ChangeKinds.AssessmentChanged, new ProjectKey(0, 0, -1, 0), 0, now) with { PeriodIndex = changed.Year };
            case Domain.Meetings.ActionItemChanged ac:
                return await ActionNoticeAsync(ac.Action, now, ct);
            case Domain.Approvals.ServicePlanChanged sp when await keys.FindAsync(sp.Plan.ProjectId, ct) is { } key:
                return Of(ChangeKinds.ApprovalPlanChanged, key, sp.Plan.Version, now) with { ItemId = sp.Plan.Id };
            case Domain.Approvals.PlanItemChanged pi when await keys.FindAsync(pi.Item.ProjectId, ct) is { } key:
                return Of(ChangeKinds.ApprovalItemChanged, key, pi.Item.Version, now) with { ItemId = pi.Item.Id };
            case Domain.Commitments.CommitmentRecorded cr when await keys.FindAsync(cr.Commitment.ProjectId, ct) is { } key:
                return Of(ChangeKinds.CommitmentChanged, key, cr.Commitment.Version, now) with { ItemId = cr.Commitment.Id };
            case Domain.Commitments.CommitmentChanged cc when await keys.FindAsync(cc.Commitment.ProjectId, ct) is { } key:
                return Of(ChangeKinds.CommitmentChanged, key, cc.Commitment.Version, now) with { ItemId = cc.Commitment.Id };
            case Domain.Complaints.ComplaintFiled cf:
                return Of(ChangeKinds.ComplaintChanged, new ProjectKey(0, 0, -1, 0), cf.Complaint.Version, now) with { ItemId = cf.Complaint.Id };
            case Domain.Complaints.ComplaintChanged ch:
                return Of(ChangeKinds.ComplaintChanged, new ProjectKey(0, 0, -1, 0), ch.Complaint.Version, now) with { ItemId = ch.Complaint.Id };
            case Domain.Integrity.IntegrityCaseChanged ic:
                return Of(ChangeKinds.IntegrityChanged, new ProjectKey(0, 0, -1, 0), ic.Case.Version, now) with { ItemId = ic.Case.Id };
            default: return null;
        }
    }

    /// <summary>An action item is keyed on its project when it has one, else like its meeting (the organizer unit).</summary>
    private async ValueTask<ChangeNotice?> ActionNoticeAsync(Domain.Meetings.ActionItem action, DateTime now, CancellationToken ct)
    {
        if (action.ProjectId is { } pid && await keys.FindAsync(pid, ct) is { } key)
            return Of(ChangeKinds.ActionChanged, key, action.Version, now) with { ItemId = action.Id };
        return Of(ChangeKinds.ActionChanged, new ProjectKey(0, action.AssignedByUnitId, -1, action.AssignedByUnitId), action.Version, now) with { ItemId = action.Id };
    }

    /// <summary>
    /// An alert notice carries the project's scope ids (and the alert id), so it is filtered like any project notice.
    /// An alert about a unit (a missing weekly report) is keyed like that unit's own notices: ProjectId 0, the unit as
    /// host and source, ChainId -1, so the unit and the prefecture see it and other counties do not.
    /// </summary>
    private static ChangeNotice OfAlert(string kind, Domain.Alerts.Alert alert, DateTime now) =>
        alert.ProjectId is null && alert.UnitId is { } unit
            ? new(kind, 0, unit, -1, unit, alert.Version, now, ItemId: alert.Id)
            : new(kind, alert.ProjectId, alert.HostUnitId, alert.ChainId, alert.SourceUnitId, alert.Version, now, ItemId: alert.Id);

    private static ChangeNotice Of(string kind, ProjectKey key, int version, DateTime now) =>
        new(kind, key.ProjectId, key.HostUnitId, key.ChainId, key.SourceUnitId, version, now);
}

/// <summary>For design-time tools and tests that do not care about live updates.</summary>
public sealed class NullDomainEventDispatcher : IDomainEventDispatcher
{
    public static readonly NullDomainEventDispatcher Instance = new();

    public Task DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken) => Task.CompletedTask;
}
