using KashiInvest.Domain.Common;
using KashiInvest.Domain.Units;

namespace KashiInvest.Domain.Targets;

/// <summary>Why a unit received a target (Art. 16): by chain (attracting units and the chain lead) or by region.</summary>
public enum PushReason { Chain, Region }

/// <summary>What the receiving unit has done about a pushed target, in order. <see cref="BecameLead"/> is set only by filing a lead.</summary>
public enum TargetFollowUp { NotContacted, Contacted, Visited, BecameLead }

/// <summary>
/// One target enterprise pushed to one unit, with what that unit has done about it. Every change is kept in
/// <see cref="History"/> (who, when, note) and audited.
/// </summary>
public sealed class TargetPush : AggregateRoot, IAudited
{
    public const int NoteMaxLength = 1000;

    private readonly List<TargetPushLogEntry> _history = [];

    private TargetPush() { PushedBy = string.Empty; }

    public TargetPush(int targetId, int unitId, int chainId, PushReason reason, Actor actor, DateTime nowUtc)
    {
        TargetId = targetId;
        UnitId = unitId;
        ChainId = chainId;
        Reason = reason;
        Status = TargetFollowUp.NotContacted;
        PushedBy = actor.UserName;
        PushedAtUtc = UpdatedAtUtc = nowUtc;
        _history.Add(new TargetPushLogEntry(TargetFollowUp.NotContacted, null, BeijingTime.DateOf(nowUtc), actor, nowUtc));
        Raise(new TargetPushed(this));
    }

    public int TargetId { get; private set; }

    /// <summary>The receiving unit.</summary>
    public int UnitId { get; private set; }

    /// <summary>The target's chain when pushed: lets a live notice reach the chain lead without loading the target.</summary>
    public int ChainId { get; private set; }

    public PushReason Reason { get; private set; }

    public TargetFollowUp Status { get; private set; }

    public string? LastNote { get; private set; }

    /// <summary>The Beijing date of the last contact or visit the unit recorded.</summary>
    public DateOnly? StatusOn { get; private set; }

    /// <summary>The lead project, once a registration form was filed for this enterprise.</summary>
    public int? ProjectId { get; private set; }

    public string PushedBy { get; private set; }

    public DateTime PushedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public IReadOnlyList<TargetPushLogEntry> History => _history;

    /// <summary>Why <see cref="Record"/> would refuse; null when it may proceed.</summary>
    public RuleViolation? CheckRecord(TargetFollowUp status, string? note, DateOnly on, DateOnly today)
    {
        if (Status == TargetFollowUp.BecameLead) return new("Target.AlreadyLead");
        if (status == TargetFollowUp.BecameLead) return new("Target.LeadIsAutomatic");
        if (status < Status) return new("Target.StatusBackwards", Status, status);
        if (on > today) return new("Date.InFuture");
        if (status != TargetFollowUp.NotContacted && string.IsNullOrWhiteSpace(note)) return new("Target.NoteRequired");
        if (TextRules.Check(note, NoteMaxLength, multiLine: true) is { } text) return text;
        return null;
    }

    /// <summary>The unit records a contact or a visit (or a further note at the same status), with a note and a date.</summary>
    public void Record(TargetFollowUp status, string? note, DateOnly on, Actor actor, DateTime nowUtc)
    {
        if (CheckRecord(status, note, on, BeijingTime.DateOf(nowUtc)) is { } violation) throw new DomainRuleException(violation);
        Status = status;
        LastNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        StatusOn = on;
        UpdatedAtUtc = nowUtc;
        _history.Add(new TargetPushLogEntry(status, LastNote, on, actor, nowUtc));
        Raise(new TargetFollowUpRecorded(this));
    }

    /// <summary>Set when a registration form is filed for this enterprise (by anyone): links the lead project.</summary>
    public void MarkBecameLead(int projectId, Actor actor, DateTime nowUtc)
    {
        if (Status == TargetFollowUp.BecameLead) return;
        Status = TargetFollowUp.BecameLead;
        ProjectId = projectId;
        StatusOn = BeijingTime.DateOf(nowUtc);
        UpdatedAtUtc = nowUtc;
        _history.Add(new TargetPushLogEntry(TargetFollowUp.BecameLead, null, StatusOn.Value, actor, nowUtc, projectId));
        Raise(new TargetFollowUpRecorded(this));
    }
}

/// <summary>One line of a push's history.</summary>
public sealed class TargetPushLogEntry : Entity, IAudited
{
    private TargetPushLogEntry() { UserName = string.Empty; }

    internal TargetPushLogEntry(TargetFollowUp status, string? note, DateOnly on, Actor actor, DateTime atUtc, int? projectId = null)
    {
        Status = status;
        Note = note;
        On = on;
        UserName = actor.UserName;
        UnitId = actor.UnitId;
        AtUtc = atUtc;
        ProjectId = projectId;
    }

    public int PushId { get; private set; }
    public TargetFollowUp Status { get; private set; }
    public string? Note { get; private set; }
    public DateOnly On { get; private set; }
    public string UserName { get; private set; }
    public int? UnitId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public int? ProjectId { get; private set; }
}

/// <summary>A unit as the push rules see it.</summary>
public sealed record PushUnit(int Id, UnitType Type, SourceRegionCode? Region);

/// <summary>
/// Who receives a target (Art. 16). By chain: the attracting units (KEDZ, counties) the Bureau picks, and the
/// chain's lead unit. By region: the sub-bureaus stationed in the target's region and the front command units facing
/// it (a front command without a region faces every aiding region).
/// </summary>
public static class PushRecipients
{
    public static IReadOnlyList<int> ByChain(int chainLeadUnitId, IEnumerable<int> chosenUnitIds, IReadOnlyList<PushUnit> units)
    {
        var byId = units.ToDictionary(u => u.Id);
        var recipients = new List<int>();
        foreach (var id in chosenUnitIds.Distinct())
        {
            if (!byId.TryGetValue(id, out var unit) || unit.Type is not (UnitType.County or UnitType.DevelopmentZone))
                throw new DomainRuleException("Target.RecipientMustAttract");
            recipients.Add(id);
        }
        if (!recipients.Contains(chainLeadUnitId)) recipients.Add(chainLeadUnitId);
        return recipients;
    }

    public static IReadOnlyList<int> ByRegion(SourceRegionCode region, IReadOnlyList<PushUnit> units) =>
        units.Where(u => (u.Type == UnitType.SubBureau && u.Region == region)
                         || (u.Type == UnitType.FrontCommand && (u.Region is null || u.Region == region)))
            .Select(u => u.Id).ToList();
}
