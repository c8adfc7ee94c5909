using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Alerts;

/// <summary>
/// The conditions the alert engine watches. Resource keys in Web: <c>Alert.Kind.{Kind}</c>. The last two are raised
/// by checks that arrive with the weekly intention reports and the evaluation/signing features.
/// </summary>
public enum AlertKind
{
    Stalled,
    MilestoneOverdue,
    ReportOverdue,
    ProblemOverdue,
    WeeklyIntentionReportMissing,
    AgreementNotSigned,
    /// <summary>An approval item's clock is in its warning share (Art. 23).</summary>
    ApprovalDueSoon,
    /// <summary>An approval item is past its committed limit (Art. 23): the Bureau supervises (督办).</summary>
    ApprovalOverdue,
    /// <summary>A unit's monthly statistics return (Art. 26) is past its deadline and not submitted (or returned and not resubmitted).</summary>
    MonthlyReturnMissing,
    /// <summary>A policy commitment is past its time limit and not paid or delivered in full: the department and the Bureau hear of it.</summary>
    CommitmentOverdue,
    /// <summary>An investor's complaint is past its time limit to be registered or answered: the unit that owes it and the Bureau hear of it.</summary>
    ComplaintOverdue,
    /// <summary>A unit's completion of an annual target trails the elapsed share of the year by more than the far-behind gap (Art. 29): the unit acts, the Bureau hears of it.</summary>
    AnnualTargetFarBehind,
    /// <summary>An integrity case (违约失信) is past its rectification deadline: the responsible unit and the Bureau hear of it.</summary>
    IntegrityOverdue,
}

/// <summary>Ordered: a higher value is more urgent. High severity pops a toast on the screens that see it.</summary>
public enum AlertSeverity { Low, Medium, High }

/// <summary>
/// A condition found by a check: what, about which project or unit, how serious, and why (a reason code with its
/// facts; resource key <c>Alert.Reason.{Code}</c> in Web). <see cref="Subject"/> tells apart several alerts of one
/// kind on one project (a milestone's name, a period, a ledger entry).
/// </summary>
public sealed record AlertCondition(
    AlertKind Kind,
    int? ProjectId,
    int? UnitId,
    string Subject,
    AlertSeverity Severity,
    string Code,
    IReadOnlyList<string> Args,
    int? OwnerUnitId = null)
{
    /// <summary>The identity of the condition: at most one open alert exists per key.</summary>
    public string Key => Alert.KeyOf(Kind, ProjectId, UnitId, Subject);
}

/// <summary>
/// An alert (预警): raised once when its condition starts, acknowledged by someone (with an optional note), and
/// cleared by the engine when the condition ends. While open it carries <see cref="OpenKey"/>, which the database
/// keeps unique, so running a check twice or concurrently never makes a second one.
/// </summary>
public sealed class Alert : AggregateRoot, IAudited
{
    public const int SubjectMaxLength = 200;
    public const int NoteMaxLength = 500;

    // Chinese facts stay readable in the table and the audit log.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private Alert() { Subject = Code = ArgsJson = string.Empty; }

    public Alert(AlertCondition condition, ProjectKey? project, DateTime nowUtc)
    {
        if (condition.ProjectId is null && condition.UnitId is null) throw new DomainRuleException("Alert.SubjectRequired");
        Kind = condition.Kind;
        ProjectId = condition.ProjectId;
        UnitId = condition.UnitId;
        HostUnitId = project?.HostUnitId;
        ChainId = project?.ChainId;
        SourceUnitId = project?.SourceUnitId;
        OwnerUnitId = condition.OwnerUnitId;
        Subject = Truncate(condition.Subject, SubjectMaxLength);
        OpenKey = KeyOf(Kind, ProjectId, UnitId, Subject);
        Severity = condition.Severity;
        Code = condition.Code;
        ArgsJson = JsonSerializer.Serialize(condition.Args, Json);
        RaisedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        Raise(new AlertRaised(this));
    }

    public AlertKind Kind { get; private set; }
    public int? ProjectId { get; private set; }
    /// <summary>The unit an alert is about when it is about a unit rather than a project.</summary>
    public int? UnitId { get; private set; }
    public int? HostUnitId { get; private set; }
    public int? ChainId { get; private set; }
    public int? SourceUnitId { get; private set; }
    /// <summary>The unit that must act (a ledger entry's owner), when it is not the host.</summary>
    public int? OwnerUnitId { get; private set; }
    public string Subject { get; private set; }
    /// <summary>Set while open, null once cleared; unique in the database.</summary>
    public string? OpenKey { get; private set; }
    public AlertSeverity Severity { get; private set; }
    public string Code { get; private set; }
    public string ArgsJson { get; private set; }
    public DateTime RaisedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public DateTime? AcknowledgedAtUtc { get; private set; }
    public string? AcknowledgeNote { get; private set; }
    public DateTime? ClearedAtUtc { get; private set; }

    public bool IsOpen => ClearedAtUtc is null;

    public IReadOnlyList<string> Args => JsonSerializer.Deserialize<string[]>(ArgsJson) ?? [];

    public ProjectKey? Project => ProjectId is { } id && HostUnitId is { } h && ChainId is { } c && SourceUnitId is { } s ? new ProjectKey(id, h, c, s) : null;

    /// <summary>The condition is still there: keep its facts current (days overdue grow, severity may rise). True when something changed.</summary>
    public bool Refresh(AlertCondition condition, DateTime nowUtc)
    {
        if (!IsOpen) throw new DomainRuleException("Alert.Cleared");
        var args = JsonSerializer.Serialize(condition.Args, Json);
        if (args == ArgsJson && condition.Severity == Severity && condition.Code == Code && condition.OwnerUnitId == OwnerUnitId) return false;
        ArgsJson = args;
        Severity = condition.Severity;
        Code = condition.Code;
        OwnerUnitId = condition.OwnerUnitId;
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>The condition has ended.</summary>
    public void Clear(DateTime nowUtc)
    {
        if (!IsOpen) return;
        ClearedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        OpenKey = null;
        Raise(new AlertCleared(this));
    }

    /// <summary>Someone has seen the alert and takes care of it; the alert stays open until its condition ends.</summary>
    public void Acknowledge(Actor actor, string? note, DateTime nowUtc)
    {
        if (!IsOpen) throw new DomainRuleException("Alert.Cleared");
        if (AcknowledgedAtUtc is not null) throw new DomainRuleException("Alert.AlreadyAcknowledged");
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        TextRules.Ensure(trimmed, NoteMaxLength, multiLine: true);
        AcknowledgedBy = actor.UserName;
        AcknowledgedAtUtc = nowUtc;
        AcknowledgeNote = trimmed;
        UpdatedAtUtc = nowUtc;
        Raise(new AlertAcknowledged(this));
    }

    public static string KeyOf(AlertKind kind, int? projectId, int? unitId, string subject) =>
        $"{kind}|{(projectId is { } p ? "p" + p : "u" + unitId)}|{Truncate(subject, SubjectMaxLength)}";

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

public sealed record AlertRaised(Alert Alert) : IDomainEvent;

public sealed record AlertCleared(Alert Alert) : IDomainEvent;

public sealed record AlertAcknowledged(Alert Alert) : IDomainEvent;
