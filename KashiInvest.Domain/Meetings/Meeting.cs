using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Meetings;

/// <summary>
/// A scheduling or progress meeting: its details, the agenda the Bureau prepares, and the record made during the
/// meeting (discussion per item, decisions). The presenter's position and the timers are stored fields, so a
/// dropped presenter loses nothing: any screen computes the timers from them and the clock.
/// </summary>
public sealed class Meeting : AggregateRoot, IAudited
{
    public const int TitleMaxLength = 200;
    public const int ShortTextMaxLength = 200;
    public const int TextMaxLength = 4000;

    private readonly List<AgendaItem> _items = [];
    private readonly List<MeetingDecision> _decisions = [];

    private Meeting() { Title = Chair = CreatedBy = string.Empty; AttendingUnitIds = []; }

    public Meeting(MeetingDetails details, MeetingScope scope, int organizerUnitId, Actor actor, DateTime nowUtc)
    {
        Throw(details.Validate());
        if (scope.Kind == MeetingScopeKind.Chain && scope.ChainId is null) throw new DomainRuleException("Meeting.ScopeChainRequired");
        if (scope.Kind == MeetingScopeKind.County && scope.UnitId is null) throw new DomainRuleException("Meeting.ScopeCountyRequired");
        Title = Chair = string.Empty;
        AttendingUnitIds = [];
        Apply(details);
        ScopeKind = scope.Kind;
        ScopeChainId = scope.ChainId;
        ScopeUnitId = scope.UnitId;
        OrganizerUnitId = organizerUnitId;
        Status = MeetingStatus.Planned;
        CreatedBy = actor.UserName;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        Raise(new MeetingChanged(this, MeetingChange.Created));
    }

    public MeetingKind Kind { get; private set; }
    public string Title { get; private set; }
    public DateTime StartsAtUtc { get; private set; }
    public string? Place { get; private set; }
    /// <summary>The chairing leader's name and post, as printed in the minutes.</summary>
    public string Chair { get; private set; }
    public string? ChairUserId { get; private set; }
    /// <summary>The Bureau for prefecture and chain meetings; the county for its own meetings.</summary>
    public int OrganizerUnitId { get; private set; }
    public int[] AttendingUnitIds { get; private set; }
    /// <summary>Attending people, free text (列席人员).</summary>
    public string? Attendees { get; private set; }
    public MeetingScopeKind ScopeKind { get; private set; }
    public int? ScopeChainId { get; private set; }
    public int? ScopeUnitId { get; private set; }
    public MeetingScope Scope => MeetingScope.Of(ScopeKind, ScopeChainId, ScopeUnitId);
    /// <summary>Whether the agenda proposes projects awaiting triage or evaluation.</summary>
    public bool IncludeAwaiting { get; private set; }
    public MeetingStatus Status { get; private set; }

    public DateTime? StartedAtUtc { get; private set; }
    public DateTime? EndedAtUtc { get; private set; }
    /// <summary>The agenda item the presenter shows; followers follow it.</summary>
    public int? CurrentItemId { get; private set; }
    /// <summary>Since when the current item has been shown (its running time is counted from here).</summary>
    public DateTime? CurrentItemSinceUtc { get; private set; }
    public string? PresenterUserId { get; private set; }
    public string? PresenterName { get; private set; }

    public string CreatedBy { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The agenda in order of <see cref="AgendaItem.Position"/>.</summary>
    public IReadOnlyList<AgendaItem> Items => _items.OrderBy(i => i.Position).ToList();
    public IReadOnlyList<MeetingDecision> Decisions => _decisions.OrderBy(d => d.RecordedAtUtc).ThenBy(d => d.Id).ToList();

    public bool IsReadOnly => Status == MeetingStatus.Ended;

    /// <summary>Beijing date of the meeting.</summary>
    public DateOnly Date => BeijingTime.DateOf(StartsAtUtc);

    // ---------- before the meeting ----------

    public void UpdateDetails(MeetingDetails details, Actor actor, DateTime nowUtc)
    {
        EnsurePlanned();
        Throw(details.Validate());
        Apply(details);
        Touch(MeetingChange.Details, nowUtc);
    }

    /// <summary>
    /// Adds an item at the end of the agenda (a project, a problem, an action follow-up or a custom item); refused with
    /// <c>List.TooMany</c> when the agenda holds <see cref="ListLimits.AgendaItemsPerMeeting"/> items already.
    /// </summary>
    public AgendaItem AddItem(AgendaItemKind kind, int? projectId, int? problemId, int? actionItemId, string? title, string? note, DateTime nowUtc, bool isManual = true,
        ListLimits? limits = null)
    {
        EnsurePlanned();
        ListLimits.Ensure(_items.Count + 1, (limits ?? ListLimits.Default).AgendaItemsPerMeeting);
        var item = AgendaItem.Create(kind, projectId, problemId, actionItemId, title, note, NextPosition(), isManual);
        if (item.SubjectKey is { } key && _items.Any(i => i.SubjectKey == key)) throw new DomainRuleException("Meeting.ItemAlreadyOnAgenda");
        _items.Add(item);
        Touch(MeetingChange.Agenda, nowUtc);
        return item;
    }

    /// <summary>
    /// Merges a freshly proposed agenda (see <see cref="AgendaBuilder"/>) into this one: items already on the agenda
    /// keep their place and annotation, new proposals are appended in the proposed order, and proposals that no longer
    /// apply are dropped unless the Bureau added or annotated them. Returns how many items were added and removed.
    /// </summary>
    public (int Added, int Removed) RefreshAgenda(IReadOnlyList<ProposedAgendaItem> proposed, DateTime nowUtc)
    {
        EnsurePlanned();
        var keys = proposed.Select(p => AgendaItem.KeyOf(p.Kind, p.ProjectId, p.ProblemId, p.ActionItemId)).ToHashSet();
        var stale = _items.Where(i => !i.IsManual && string.IsNullOrEmpty(i.Note) && i.SubjectKey is { } k && !keys.Contains(k)).ToList();
        foreach (var s in stale) _items.Remove(s);
        var added = 0;
        foreach (var p in proposed)
        {
            var key = AgendaItem.KeyOf(p.Kind, p.ProjectId, p.ProblemId, p.ActionItemId);
            var existing = _items.FirstOrDefault(i => i.SubjectKey == key);
            if (existing is not null) { existing.SetAlso(p.AlsoKinds); continue; }
            // The same project proposed for another reason: one item per project, the reasons merged.
            if (p.Kind != AgendaItemKind.ActionFollowUp && p.ProjectId is { } pid
                && _items.FirstOrDefault(i => i.ProjectId == pid && i.Kind != AgendaItemKind.ActionFollowUp) is { } same)
            {
                same.SetAlso(same.AlsoKinds.Append(p.Kind).Concat(p.AlsoKinds).Where(k => k != same.Kind).Distinct().ToList());
                continue;
            }
            var item = AgendaItem.Create(p.Kind, p.ProjectId, p.ProblemId, p.ActionItemId, null, null, NextPosition(), isManual: false);
            item.SetAlso(p.AlsoKinds);
            _items.Add(item);
            added++;
        }
        Renumber();
        if (added > 0 || stale.Count > 0) Touch(MeetingChange.Agenda, nowUtc);
        return (added, stale.Count);
    }

    public void RemoveItem(int itemId, DateTime nowUtc)
    {
        EnsurePlanned();
        var item = Find(itemId);
        _items.Remove(item);
        foreach (var d in _decisions.Where(d => d.AgendaItemId == itemId)) d.Detach();
        Renumber();
        Touch(MeetingChange.Agenda, nowUtc);
    }

    /// <summary>Moves an item one place up (<paramref name="by"/> = -1) or down (+1), or further.</summary>
    public void MoveItem(int itemId, int by, DateTime nowUtc)
    {
        EnsurePlanned();
        var ordered = _items.OrderBy(i => i.Position).ToList();
        var item = Find(itemId);
        var from = ordered.IndexOf(item);
        var to = Math.Clamp(from + by, 0, ordered.Count - 1);
        if (to == from) throw new DomainRuleException("Meeting.CannotMove");
        ordered.RemoveAt(from);
        ordered.Insert(to, item);
        for (var i = 0; i < ordered.Count; i++) ordered[i].SetPosition(i + 1);
        Touch(MeetingChange.Agenda, nowUtc);
    }

    /// <summary>Sets the whole order at once: <paramref name="itemIds"/> must name every item exactly once.</summary>
    public void SetOrder(IReadOnlyList<int> itemIds, DateTime nowUtc)
    {
        EnsurePlanned();
        if (itemIds.Count != _items.Count || itemIds.Distinct().Count() != _items.Count || itemIds.Any(id => _items.All(i => i.Id != id)))
            throw new DomainRuleException("Meeting.OrderMustNameEveryItem");
        for (var i = 0; i < itemIds.Count; i++) Find(itemIds[i]).SetPosition(i + 1);
        Touch(MeetingChange.Agenda, nowUtc);
    }

    /// <summary>The Bureau's note on an item (what to ask, who reports); also the title of a custom item.</summary>
    public void Annotate(int itemId, string? note, string? title, DateTime nowUtc)
    {
        EnsurePlanned();
        Find(itemId).Annotate(note, title);
        Touch(MeetingChange.Agenda, nowUtc);
    }

    // ---------- during the meeting ----------

    /// <summary>Opens the meeting; the actor becomes the presenter and the first item (if any) is shown.</summary>
    public void Start(Actor actor, string presenterName, DateTime nowUtc)
    {
        EnsureNotEnded();
        if (Status != MeetingStatus.Planned) throw new DomainRuleException("Meeting.AlreadyStarted");
        Status = MeetingStatus.InProgress;
        StartedAtUtc = nowUtc;
        PresenterUserId = actor.UserName;
        PresenterName = Clean(presenterName) ?? actor.UserName;
        var first = _items.OrderBy(i => i.Position).FirstOrDefault();
        CurrentItemId = first?.Id;
        CurrentItemSinceUtc = first is null ? null : nowUtc;
        Touch(MeetingChange.Started, nowUtc);
    }

    /// <summary>
    /// The presenter moves to another item: the time spent on the previous item is added to its total and the new
    /// item's clock starts. Only the current presenter may move (another Bureau user takes over first).
    /// </summary>
    public void Present(int itemId, Actor actor, DateTime nowUtc)
    {
        EnsureInProgress();
        EnsurePresenter(actor);
        var item = Find(itemId);
        if (CurrentItemId == item.Id) return;
        CloseCurrentItem(nowUtc);
        CurrentItemId = item.Id;
        CurrentItemSinceUtc = nowUtc;
        Touch(MeetingChange.Presented, nowUtc);
    }

    /// <summary>Another user (or the same one on a new connection) becomes the presenter; the meeting resumes at the current item.</summary>
    public void TakeOver(Actor actor, string presenterName, DateTime nowUtc)
    {
        EnsureInProgress();
        PresenterUserId = actor.UserName;
        PresenterName = Clean(presenterName) ?? actor.UserName;
        Touch(MeetingChange.TakenOver, nowUtc);
    }

    /// <summary>Records the summary of what was said on an item (replaces the previous summary).</summary>
    public void RecordDiscussion(int itemId, string? discussion, Actor actor, DateTime nowUtc)
    {
        EnsureInProgress();
        var text = Clean(discussion);
        TextRules.Ensure(text, TextMaxLength, multiLine: true);
        Find(itemId).SetDiscussion(text);
        Touch(MeetingChange.Record, nowUtc);
    }

    /// <summary>Records a decision; refused with <c>List.TooMany</c> past <see cref="ListLimits.DecisionsPerMeeting"/>.</summary>
    public MeetingDecision RecordDecision(int? agendaItemId, string text, Actor actor, DateTime nowUtc, ListLimits? limits = null)
    {
        EnsureInProgress();
        ListLimits.Ensure(_decisions.Count + 1, (limits ?? ListLimits.Default).DecisionsPerMeeting);
        if (agendaItemId is { } id) Find(id);
        var clean = Clean(text) ?? throw new DomainRuleException("Meeting.DecisionTextRequired");
        TextRules.Ensure(clean, TextMaxLength, multiLine: true);
        var decision = new MeetingDecision(agendaItemId, clean, nowUtc, actor.UserName);
        _decisions.Add(decision);
        Touch(MeetingChange.Record, nowUtc);
        return decision;
    }

    /// <summary>Withdraws a decision recorded by mistake while the meeting runs.</summary>
    public void RemoveDecision(int decisionId, DateTime nowUtc)
    {
        EnsureInProgress();
        var d = _decisions.FirstOrDefault(x => x.Id == decisionId) ?? throw new DomainRuleException("Meeting.DecisionNotFound");
        _decisions.Remove(d);
        Touch(MeetingChange.Record, nowUtc);
    }

    /// <summary>An action item was recorded in this meeting: every screen re-reads the record.</summary>
    internal void ActionRecorded(DateTime nowUtc)
    {
        EnsureInProgress();
        Touch(MeetingChange.Record, nowUtc);
    }

    /// <summary>Closes the meeting; its record becomes read-only.</summary>
    public void End(Actor actor, DateTime nowUtc)
    {
        EnsureInProgress();
        CloseCurrentItem(nowUtc);
        CurrentItemSinceUtc = null;
        Status = MeetingStatus.Ended;
        EndedAtUtc = nowUtc;
        Touch(MeetingChange.Ended, nowUtc);
    }

    // ---------- timers (computed from stored fields only) ----------

    /// <summary>Total time of the meeting so far (or its length once ended).</summary>
    public TimeSpan Elapsed(DateTime nowUtc) => MeetingClock.Elapsed(StartedAtUtc, EndedAtUtc, nowUtc);

    /// <summary>Total time spent on an item, including the running stretch if it is the current item.</summary>
    public TimeSpan ItemElapsed(int itemId, DateTime nowUtc)
    {
        var item = Find(itemId);
        return MeetingClock.ItemElapsed(item.ElapsedSeconds, Status == MeetingStatus.InProgress && CurrentItemId == itemId, CurrentItemSinceUtc, nowUtc);
    }

    /// <summary>How long the current item has been shown in its current stretch.</summary>
    public TimeSpan CurrentStretch(DateTime nowUtc) =>
        Status == MeetingStatus.InProgress && CurrentItemSinceUtc is { } since ? TimeSpan.FromSeconds(MeetingClock.RunningSeconds(since, nowUtc)) : TimeSpan.Zero;

    public AgendaItem? CurrentItem => CurrentItemId is { } id ? _items.FirstOrDefault(i => i.Id == id) : null;

    // ---------- helpers ----------

    private void CloseCurrentItem(DateTime nowUtc)
    {
        if (CurrentItemId is { } id && CurrentItemSinceUtc is { } since && _items.FirstOrDefault(i => i.Id == id) is { } current)
            current.AddElapsed(MeetingClock.RunningSeconds(since, nowUtc));
    }

    private void Apply(MeetingDetails d)
    {
        Kind = d.Kind;
        Title = d.Title.Trim();
        StartsAtUtc = DateTime.SpecifyKind(d.StartsAtUtc, DateTimeKind.Utc);
        Place = Clean(d.Place);
        Chair = d.Chair.Trim();
        ChairUserId = Clean(d.ChairUserId);
        AttendingUnitIds = d.AttendingUnitIds.Distinct().Order().ToArray();
        Attendees = Clean(d.Attendees);
        IncludeAwaiting = d.IncludeAwaiting;
    }

    private AgendaItem Find(int itemId) => _items.FirstOrDefault(i => i.Id == itemId) ?? throw new DomainRuleException("Meeting.ItemNotFound");

    private int NextPosition() => _items.Count == 0 ? 1 : _items.Max(i => i.Position) + 1;

    private void Renumber()
    {
        var i = 1;
        foreach (var item in _items.OrderBy(x => x.Position)) item.SetPosition(i++);
    }

    private void EnsureNotEnded()
    {
        if (Status == MeetingStatus.Ended) throw new DomainRuleException("Meeting.Ended");
    }

    private void EnsurePlanned()
    {
        EnsureNotEnded();
        if (Status != MeetingStatus.Planned) throw new DomainRuleException("Meeting.AgendaLocked");
    }

    private void EnsureInProgress()
    {
        EnsureNotEnded();
        if (Status != MeetingStatus.InProgress) throw new DomainRuleException("Meeting.NotStarted");
    }

    private void EnsurePresenter(Actor actor)
    {
        if (!string.Equals(PresenterUserId, actor.UserName, StringComparison.OrdinalIgnoreCase))
            throw new DomainRuleException("Meeting.NotPresenter", PresenterName ?? PresenterUserId ?? "");
    }

    private void Touch(MeetingChange change, DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Raise(new MeetingChanged(this, change));
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Throw(IReadOnlyList<FieldViolation> errors)
    {
        if (errors.Count > 0) throw new DomainRuleException(errors[0].Violation);
    }
}
