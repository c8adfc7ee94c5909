using System.Text.Json;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Audit;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Commitments;

/// <summary>What the user may do to one commitment now: the buttons its dialog shows (the commands check again).</summary>
public sealed record CommitmentRights(bool Edit, bool ConfirmCondition, bool ClearReview, bool Payment, IReadOnlyList<CommitmentStep> Steps)
{
    public bool Any => Edit || ConfirmCondition || ClearReview || Payment || Steps.Count > 0;

    /// <summary>The steps the commitment's status allows and <paramref name="scope"/> may take (CommitmentAccess).</summary>
    public static CommitmentRights Of(UserScope scope, ProjectKey project, Commitment c)
    {
        var steps = Enum.GetValues<CommitmentStep>().Where(s => Allowed(c, s) && CommitmentAccess.CanTake(scope, s, c.ResponsibleUnitId)).ToList();
        return new CommitmentRights(
            c.Status == CommitmentStatus.NotYetDue && CommitmentAccess.CanRecord(scope, project),
            c.Status == CommitmentStatus.NotYetDue && c.Conditions.Any(ConfirmedByHand) && CommitmentAccess.CanConfirmCondition(scope, project, c.ResponsibleUnitId),
            c.NeedsFairCompetitionReview && CommitmentAccess.CanClearFairCompetition(scope),
            c.Status is CommitmentStatus.Approved or CommitmentStatus.PartlyDelivered && CommitmentAccess.CanStep(scope, c.ResponsibleUnitId),
            steps);
    }

    /// <summary>A condition still open that only a person can confirm: a by-hand one, or jobs created (the platform records no jobs).</summary>
    public static bool ConfirmedByHand(CommitmentCondition c) => !c.IsMet && c.Kind is ConditionKind.ByHand or ConditionKind.Jobs;

    /// <summary>The same guards as <see cref="Commitment.Advance"/>, so a button is shown only when the step can be taken.</summary>
    public static bool Allowed(Commitment c, CommitmentStep step) => step switch
    {
        CommitmentStep.ReceiveApplication => c.Status == CommitmentStatus.Due,
        CommitmentStep.StartReview => c.Status == CommitmentStatus.ApplicationReceived,
        CommitmentStep.Approve => c.Status == CommitmentStatus.UnderReview && !c.NeedsFairCompetitionReview,
        CommitmentStep.ConfirmHonoured => c.Status == CommitmentStatus.Delivered,
        CommitmentStep.Dispute => c.Status is not (CommitmentStatus.NotYetDue or CommitmentStatus.Disputed) && !c.IsClosed,
        CommitmentStep.SettleDispute => c.Status == CommitmentStatus.Disputed,
        CommitmentStep.Terminate => !c.IsClosed,
        _ => false,
    };
}

/// <summary>A field's value before and after a change, as stored (the dialog words it).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// One line of a commitment's history: an action on it (<see cref="Action"/>), or a change of the project's responsible
/// leader or leader in charge (<see cref="Action"/> null) shown with the commitment's status and due date at that moment,
/// which the change did not touch. <see cref="StatusBefore"/> is the status the line started from.
/// </summary>
public sealed record CommitmentHistoryLine(
    DateTime AtUtc, string UserName, int? UnitId, CommitmentAction? Action, CommitmentStatus StatusBefore, CommitmentStatus Status,
    DateOnly? DueOn, string? Note, decimal? AmountWan, IReadOnlyList<FieldChange> Changes)
{
    public bool IsLeaderChange => Action is null;
}

/// <summary>One commitment as its dialog shows it: the commitment, its project, its clock, its history and the user's rights.</summary>
public sealed record CommitmentDetail(
    Commitment Commitment, string ProjectCode, string ProjectName, ProjectKey Project, CommitmentClock Clock,
    IReadOnlyDictionary<int, string> Milestones, IReadOnlyList<CommitmentHistoryLine> History, CommitmentRights Rights)
{
    /// <summary>The commitment as its edit form starts.</summary>
    public CommitmentInput Input
    {
        get
        {
            var c = Commitment;
            return new CommitmentInput(c.Kind, c.Factor, c.DocumentNumber, c.Clause, c.Promise, c.AmountWan, c.Formula, c.ResponsibleUnitId, c.TimeLimit,
                c.TimeLimitUnit, c.EvidenceRequired, c.Concerns, c.FairCompetitionReason,
                c.Conditions.OrderBy(x => x.Number).Select(x => new CommitmentConditionInput(x.Kind, x.Threshold, x.MilestoneId, x.Description)).ToList());
        }
    }
}

/// <summary>A signed project the user may record a commitment on.</summary>
public sealed record RecordableProject(int Id, string Code, string Name);

/// <summary>
/// Reads one commitment under the user's access (a commitment the user may not see reads as missing), with its history:
/// every action from its own log (who, when, the status before and after, the note and amount), the fields an edit
/// changed (from the audit rows written in the same unit of work), and every change of the project's responsible leader
/// or leader in charge since it was recorded, beside the status and due date the change left as they were.
/// </summary>
public sealed class CommitmentDetailQuery(IDbContextFactory<KashiDbContext> factory, TimeProvider clock)
{
    /// <summary>The fields of an edit the history shows (the version and timestamps are not the commitment's word).</summary>
    private static readonly string[] EditedFields =
    [
        nameof(Commitment.Kind), nameof(Commitment.Factor), nameof(Commitment.DocumentNumber), nameof(Commitment.Clause), nameof(Commitment.Promise),
        nameof(Commitment.AmountWan), nameof(Commitment.Formula), nameof(Commitment.ResponsibleUnitId), nameof(Commitment.TimeLimit),
        nameof(Commitment.TimeLimitUnit), nameof(Commitment.EvidenceRequired), nameof(Commitment.Concerns), nameof(Commitment.FairCompetitionReason),
    ];

    /// <summary>The project's fields whose change the history shows beside the commitment's unchanged due date and status.</summary>
    public static readonly string[] LeaderFields = [nameof(Project.ResponsibleLeader), nameof(Project.LeaderInCharge)];

    private static readonly ProjectStage[] Signed = [ProjectStage.Signed, ProjectStage.Landing, ProjectStage.Construction, ProjectStage.Production];

    public async Task<CommitmentDetail?> LoadAsync(UserScope scope, int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var c = await db.Commitments.AsNoTracking().AsSplitQuery().Include(x => x.Conditions).Include(x => x.Payments).Include(x => x.History)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var p = await db.Projects.AsNoTracking().Where(x => x.Id == c.ProjectId)
            .Select(x => new { Key = new ProjectKey(x.Id, x.HostUnitId, x.ChainId, x.SourceUnitId), x.Code, x.Name }).FirstAsync(ct);
        if (!CommitmentAccess.CanSee(scope, p.Key, c.ResponsibleUnitId)) return null;

        var milestones = await db.Milestones.AsNoTracking().Where(m => m.ProjectId == c.ProjectId).OrderBy(m => m.Order)
            .ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var key = c.Id.ToString();
        var commitmentAudits = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Commitment) && a.EntityId == key && a.Action == AuditAction.Modified)
            .OrderBy(a => a.Id).ToListAsync(ct);
        var projectKey = c.ProjectId.ToString();
        var since = c.RecordedAtUtc;
        var projectAudits = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Project) && a.EntityId == projectKey && a.Action == AuditAction.Modified && a.AtUtc >= since)
            .OrderBy(a => a.Id).ToListAsync(ct);

        var today = BeijingTime.Today(clock);
        return new CommitmentDetail(c, p.Code, p.Name, p.Key, c.Clock(today), milestones, History(c, commitmentAudits, projectAudits),
            CommitmentRights.Of(scope, p.Key, c));
    }

    /// <summary>The signed projects (signed, landing, under construction, in production) on which the user may record a commitment.</summary>
    public async Task<IReadOnlyList<RecordableProject>> RecordableAsync(UserScope scope, int? projectId = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(x => Signed.Contains(x.Stage));
        if (projectId is { } id) query = query.Where(x => x.Id == id);
        var rows = await query.OrderBy(x => x.Code)
            .Select(x => new { Key = new ProjectKey(x.Id, x.HostUnitId, x.ChainId, x.SourceUnitId), x.Code, x.Name }).ToListAsync(ct);
        return rows.Where(r => CommitmentAccess.CanRecord(scope, r.Key)).Select(r => new RecordableProject(r.Key.ProjectId, r.Code, r.Name)).ToList();
    }

    /// <summary>The project's milestones (for a milestone condition), in plan order.</summary>
    public async Task<IReadOnlyDictionary<int, string>> MilestonesAsync(int projectId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Milestones.AsNoTracking().Where(m => m.ProjectId == projectId).OrderBy(m => m.Order).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
    }

    /// <summary>The commitment's log, edits with their before and after, and the project's leader changes, oldest first.</summary>
    public static IReadOnlyList<CommitmentHistoryLine> History(Commitment c, IReadOnlyList<AuditEntry> commitmentAudits, IReadOnlyList<AuditEntry> projectAudits)
    {
        var lines = new List<CommitmentHistoryLine>();
        var unused = commitmentAudits.ToList();
        var before = CommitmentStatus.NotYetDue;
        DateOnly? due = null;
        var log = c.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).ToList();
        foreach (var h in log)
        {
            IReadOnlyList<FieldChange> changes = [];
            if (h.Action == CommitmentAction.Edited)
            {
                // The audit row the same unit of work wrote (its instant is taken at the save, just after the edit's).
                var audit = unused.FirstOrDefault(a => a.AtUtc >= h.AtUtc && a.UserName == h.UserName);
                if (audit is not null)
                {
                    unused.Remove(audit);
                    changes = Changes(audit, EditedFields);
                }
            }
            if (h.Action == CommitmentAction.BecameDue) due = c.DueOn;
            lines.Add(new CommitmentHistoryLine(h.AtUtc, h.UserName, h.UnitId, h.Action, before, h.Status, due, h.Note, h.AmountWan, changes));
            before = h.Status;
        }
        foreach (var a in projectAudits)
        {
            var changes = Changes(a, LeaderFields);
            if (changes.Count == 0) continue;
            // Where the commitment stood at that moment: the last action before it.
            var last = log.LastOrDefault(h => h.AtUtc <= a.AtUtc);
            var status = last?.Status ?? CommitmentStatus.NotYetDue;
            var dueThen = log.Any(h => h.Action == CommitmentAction.BecameDue && h.AtUtc <= a.AtUtc) ? c.DueOn : null;
            lines.Add(new CommitmentHistoryLine(a.AtUtc, a.UserName, a.UnitId, null, status, status, dueThen, null, null, changes));
        }
        return lines.OrderBy(l => l.AtUtc).ToList();
    }

    /// <summary>The listed fields an audit row changed, with their values before and after (as stored).</summary>
    public static IReadOnlyList<FieldChange> Changes(AuditEntry audit, IReadOnlyList<string> fields)
    {
        var before = Parse(audit.Before);
        var after = Parse(audit.After);
        return fields.Where(f => before.ContainsKey(f) || after.ContainsKey(f))
            .Select(f => new FieldChange(f, before.GetValueOrDefault(f), after.GetValueOrDefault(f)))
            .Where(x => x.Before != x.After)
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => p.Value.GetString(),
            _ => p.Value.GetRawText(),
        });
    }
}
