using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Meetings;

/// <summary>Why a project or subject is on the agenda, in the order the agenda groups them.</summary>
public enum AgendaItemKind
{
    ActionFollowUp,
    StalledProject,
    AtRiskProject,
    EscalatedProblem,
    KeyProjectReport,
    AwaitingTriage,
    AwaitingEvaluation,
    Custom,
}

/// <summary>One item of a meeting's agenda.</summary>
public sealed class AgendaItem : Entity, IAudited
{
    private AgendaItem() { }

    public int MeetingId { get; private set; }
    public int Position { get; private set; }
    public AgendaItemKind Kind { get; private set; }
    public int? ProjectId { get; private set; }
    public int? ProblemId { get; private set; }
    public int? ActionItemId { get; private set; }
    /// <summary>The title of a custom item (or an override for a data item).</summary>
    public string? Title { get; private set; }
    /// <summary>The Bureau's annotation, prepared before the meeting.</summary>
    public string? Note { get; private set; }
    /// <summary>The summary of what was said, recorded during the meeting.</summary>
    public string? Discussion { get; private set; }
    /// <summary>Time spent on the item in closed stretches (the running stretch is on the meeting).</summary>
    public int ElapsedSeconds { get; private set; }
    /// <summary>Added by hand rather than proposed from the data; a refresh never drops it.</summary>
    public bool IsManual { get; private set; }
    /// <summary>The other reasons the same project qualified for, comma-separated <see cref="AgendaItemKind"/> names.</summary>
    public string? AlsoFor { get; private set; }

    public IReadOnlyList<AgendaItemKind> AlsoKinds => string.IsNullOrEmpty(AlsoFor)
        ? []
        : AlsoFor.Split(',').Select(s => Enum.TryParse<AgendaItemKind>(s, out var k) ? k : (AgendaItemKind?)null).OfType<AgendaItemKind>().ToList();

    /// <summary>What the item is about, for de-duplication (null for custom items).</summary>
    public string? SubjectKey => KeyOf(Kind, ProjectId, ProblemId, ActionItemId);

    internal static string? KeyOf(AgendaItemKind kind, int? projectId, int? problemId, int? actionItemId) =>
        actionItemId is { } a ? $"a{a}"
        : problemId is { } q ? $"q{q}"
        : projectId is { } p ? $"p{p}"
        : null;

    internal static AgendaItem Create(AgendaItemKind kind, int? projectId, int? problemId, int? actionItemId, string? title, string? note, int position, bool isManual)
    {
        var cleanTitle = Meeting.Clean(title);
        if (kind == AgendaItemKind.Custom && cleanTitle is null) throw new DomainRuleException("Meeting.ItemTitleRequired");
        if (kind == AgendaItemKind.ActionFollowUp && actionItemId is null) throw new DomainRuleException("Meeting.ItemSubjectRequired");
        if (kind == AgendaItemKind.EscalatedProblem && problemId is null) throw new DomainRuleException("Meeting.ItemSubjectRequired");
        if (kind is AgendaItemKind.StalledProject or AgendaItemKind.AtRiskProject or AgendaItemKind.KeyProjectReport
                or AgendaItemKind.AwaitingTriage or AgendaItemKind.AwaitingEvaluation && projectId is null)
            throw new DomainRuleException("Meeting.ItemSubjectRequired");
        var item = new AgendaItem
        {
            Kind = kind,
            ProjectId = projectId,
            ProblemId = problemId,
            ActionItemId = actionItemId,
            Position = position,
            IsManual = isManual,
        };
        item.Annotate(note, cleanTitle);
        return item;
    }

    internal void Annotate(string? note, string? title)
    {
        var n = Meeting.Clean(note);
        var t = Meeting.Clean(title);
        TextRules.Ensure(n, Meeting.TextMaxLength, multiLine: true);
        TextRules.Ensure(t, Meeting.TitleMaxLength);
        if (Kind == AgendaItemKind.Custom && t is null) throw new DomainRuleException("Meeting.ItemTitleRequired");
        Note = n;
        Title = t;
    }

    internal void SetPosition(int position) => Position = position;
    internal void SetDiscussion(string? text) => Discussion = text;
    internal void AddElapsed(int seconds) => ElapsedSeconds += seconds;

    internal void SetAlso(IReadOnlyList<AgendaItemKind> kinds)
    {
        var also = kinds.Where(k => k != Kind).Distinct().ToList();
        AlsoFor = also.Count == 0 ? null : string.Join(',', also);
    }
}
