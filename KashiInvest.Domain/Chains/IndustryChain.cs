using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Chains;

public enum ChainSegment { Upstream, Midstream, Downstream }

/// <summary>
/// How well a chain link is served locally (Art. 12): targets are sought to fill weak, short and broken links.
/// The order is from best to worst: a link whose status is worse than its goal has a gap.
/// </summary>
public enum LinkStrength { Strong, Weak, Short, Broken }

/// <summary>
/// A key industry chain with its chain-lead unit and its map of links (产业链图谱): links in three segments, ordered
/// within each, the flows between them, the chain as it is against its goal, the road map for each gap, and the
/// Bureau's comments. Every change to the map goes through this aggregate, which stamps <see cref="UpdatedAtUtc"/> (so
/// the version moves and an audit row is written) and raises <see cref="ChainMapChanged"/>.
/// </summary>
public sealed class IndustryChain : AggregateRoot, IAudited
{
    public const int LinkNameMaxLength = 100;
    public const int LinkNameEnMaxLength = 150;
    public const int CommentMaxLength = 2000;
    /// <summary>Links on one chain: the map stays readable on a laptop up to about 40; this caps what a form can add.</summary>
    public const int MaxLinks = 60;
    public const int MaxComments = 500;

    private readonly List<ChainLink> _links = [];
    private readonly List<ChainFlow> _flows = [];
    private readonly List<ChainComment> _comments = [];

    private IndustryChain() { Code = Name = NameEn = string.Empty; }

    public IndustryChain(string code, string name, string nameEn, int leadUnitId)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new DomainRuleException("Chain.CodeRequired");
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("Chain.NameRequired");
        Code = code.Trim();
        Name = name.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? Name : nameEn.Trim();
        LeadUnitId = leadUnitId;
    }

    /// <summary>A slug such as <c>textiles</c>; chain-lead accounts are named <c>chain-{Code}</c>.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public string NameEn { get; private set; }

    public int LeadUnitId { get; private set; }

    /// <summary>When the map last changed (null: never since it was seeded).</summary>
    public DateTime? UpdatedAtUtc { get; private set; }

    public IReadOnlyList<ChainLink> Links => _links;

    /// <summary>The flows between links (from supplier to user), within a segment or to the next one downstream.</summary>
    public IReadOnlyList<ChainFlow> Flows => _flows;

    /// <summary>The Bureau's (and the chain lead's) comments on the map, oldest first.</summary>
    public IReadOnlyList<ChainComment> Comments => _comments;

    /// <summary>The links of one segment in their order on the map.</summary>
    public IEnumerable<ChainLink> LinksIn(ChainSegment segment) => _links.Where(l => l.Segment == segment).OrderBy(l => l.Order).ThenBy(l => l.Id);

    /// <summary>Links whose status is worse than their goal: where the road map applies and targets are sought.</summary>
    public IEnumerable<ChainLink> Gaps => _links.Where(l => l.HasGap);

    public ChainLink? FindLink(int linkId) => _links.FirstOrDefault(l => l.Id == linkId);

    /// <summary>
    /// Adds a link at the end of its segment, with the goal of being strong. On a saved map pass <paramref name="nowUtc"/>:
    /// the map's version moves, so a stale add is refused like every other edit.
    /// </summary>
    public ChainLink AddLink(string name, string nameEn, ChainSegment segment, LinkStrength strength, DateTime? nowUtc = null)
    {
        var (n, en) = CheckNames(name, nameEn, null);
        ListLimits.Ensure(_links.Count + 1, MaxLinks);
        var order = _links.Where(l => l.Segment == segment).Select(l => l.Order + 1).DefaultIfEmpty(0).Max();
        var link = new ChainLink(n, en, segment, strength, order);
        _links.Add(link);
        // Seeding a new chain is not a change of a saved map; the first save of the chain is audited as an insert anyway.
        if (Id != 0) Touch(ChainMapChangeKind.LinkAdded, link, nowUtc);
        return link;
    }

    public void RenameLink(ChainLink link, string name, string nameEn, DateTime nowUtc)
    {
        Own(link);
        var (n, en) = CheckNames(name, nameEn, link);
        if (n == link.Name && en == link.NameEn) throw new DomainRuleException("Chain.NothingChanged");
        link.Rename(n, en);
        Touch(ChainMapChangeKind.LinkRenamed, link, nowUtc);
    }

    /// <summary>What the link is: the product made or the process done there.</summary>
    public void DescribeLink(ChainLink link, LinkKind kind, string? description, DateTime nowUtc)
    {
        Own(link);
        TextRules.Ensure(description, ChainLink.DescriptionMaxLength, multiLine: true);
        link.Describe(kind, Normalize(description));
        Touch(ChainMapChangeKind.LinkDescribed, link, nowUtc);
    }

    /// <summary>Moves a link to <paramref name="position"/> (0-based, clamped) within its segment; the others close up.</summary>
    public void MoveLink(ChainLink link, int position, DateTime nowUtc)
    {
        Own(link);
        var ordered = LinksIn(link.Segment).ToList();
        var target = Math.Clamp(position, 0, ordered.Count - 1);
        if (ordered.IndexOf(link) == target) throw new DomainRuleException("Chain.NothingChanged");
        ordered.Remove(link);
        ordered.Insert(target, link);
        for (var i = 0; i < ordered.Count; i++) ordered[i].PlaceAt(i);
        Touch(ChainMapChangeKind.LinkMoved, link, nowUtc);
    }

    /// <summary>
    /// Removes a link that nothing refers to: no project, no target enterprise and no flow. Otherwise refuses with
    /// <c>Chain.LinkInUse</c> (arguments: projects, targets, flows), so the chain lead knows what to move first.
    /// </summary>
    public void RemoveLink(ChainLink link, LinkReferences references, DateTime nowUtc)
    {
        Own(link);
        var flows = _flows.Count(f => f.From == link || f.To == link);
        if (references.Projects > 0 || references.Targets > 0 || flows > 0)
            throw new DomainRuleException("Chain.LinkInUse", references.Projects, references.Targets, flows);
        _links.Remove(link);
        foreach (var c in _comments.Where(c => c.Link == link)) c.Detach();
        foreach (var other in LinksIn(link.Segment).ToList().Select((l, i) => (l, i))) other.l.PlaceAt(other.i);
        Touch(ChainMapChangeKind.LinkRemoved, null, nowUtc);
    }

    /// <summary>Why a flow from <paramref name="from"/> to <paramref name="to"/> cannot be drawn, or null when it can.</summary>
    public RuleViolation? CheckConnect(ChainLink from, ChainLink to)
    {
        if (!_links.Contains(from) || !_links.Contains(to)) return new RuleViolation("Chain.LinkNotOnChain");
        if (from == to) return new RuleViolation("Chain.FlowToItself");
        if (to.Segment < from.Segment) return new RuleViolation("Chain.FlowAgainstStream");
        if (to.Segment - from.Segment > 1) return new RuleViolation("Chain.FlowNotAdjacent");
        if (_flows.Any(f => (f.From == from && f.To == to) || (f.From == to && f.To == from))) return new RuleViolation("Chain.FlowExists");
        return null;
    }

    /// <summary>
    /// Draws a flow from a supplying link to a using one: within one segment or to the next segment downstream
    /// (upstream → midstream → downstream), never to itself and never twice between the same two links.
    /// </summary>
    public ChainFlow Connect(ChainLink from, ChainLink to, DateTime? nowUtc)
    {
        if (CheckConnect(from, to) is { } violation) throw new DomainRuleException(violation);
        var flow = new ChainFlow(from, to);
        _flows.Add(flow);
        if (nowUtc is not null) Touch(ChainMapChangeKind.Connected, from, nowUtc);
        return flow;
    }

    public void Disconnect(ChainLink from, ChainLink to, DateTime nowUtc)
    {
        var flow = _flows.FirstOrDefault(f => f.From == from && f.To == to) ?? throw new DomainRuleException("Chain.FlowNotFound");
        _flows.Remove(flow);
        Touch(ChainMapChangeKind.Disconnected, from, nowUtc);
    }

    /// <summary>
    /// Sets a link's status (strong, weak, short, broken). A reason is required, and the change is kept in the link's
    /// history (who, when, from, to, why). A pending re-rating proposal is answered by it.
    /// </summary>
    public void SetStatus(ChainLink link, LinkStrength status, string reason, Actor actor, DateTime nowUtc)
    {
        Own(link);
        var why = CheckReason(reason);
        if (status == link.Strength) throw new DomainRuleException("Chain.StatusUnchanged");
        var kind = link.PendingRerating is null ? LinkStatusChangeKind.Set : LinkStatusChangeKind.ReratingConfirmed;
        link.ChangeStatus(status, why, kind, actor, nowUtc);
        Touch(ChainMapChangeKind.StatusChanged, link, nowUtc);
    }

    /// <summary>What the link should become (远景): the gap is the difference between the status and the goal.</summary>
    public void SetGoal(ChainLink link, LinkStrength goal, DateTime nowUtc)
    {
        Own(link);
        if (goal == link.Goal) throw new DomainRuleException("Chain.NothingChanged");
        link.SetGoal(goal);
        Touch(ChainMapChangeKind.GoalChanged, link, nowUtc);
    }

    /// <summary>The chain lead's note on the gap of a link (blank clears it).</summary>
    public void SetGapNote(ChainLink link, string? note, DateTime nowUtc)
    {
        Own(link);
        TextRules.Ensure(note, ChainLink.NoteMaxLength, multiLine: true);
        link.SetGapNote(Normalize(note));
        Touch(ChainMapChangeKind.NoteChanged, link, nowUtc);
    }

    /// <summary>The field errors of a road-map entry, empty when it is acceptable.</summary>
    public static IReadOnlyList<FieldViolation> ValidateRoadmap(RoadmapInput input, DateOnly today)
    {
        var errors = new List<FieldViolation>();
        TextRules.Field(errors, nameof(RoadmapInput.Sought), input.Sought, RoadmapEntry.SoughtMaxLength, required: true, multiLine: true);
        if (input.SourceRegions.Count == 0) errors.Add(new FieldViolation(nameof(RoadmapInput.SourceRegions), "Field.Required"));
        else if (input.SourceRegions.Distinct().Count() != input.SourceRegions.Count)
            errors.Add(new FieldViolation(nameof(RoadmapInput.SourceRegions), "Chain.RegionTwice"));
        if (input.By < today) errors.Add(new FieldViolation(nameof(RoadmapInput.By), "Chain.RoadmapDateInPast"));
        return errors;
    }

    /// <summary>
    /// Adds a road-map entry (路线图) to a link with a gap: what is sought, from which source regions, by when.
    /// A link without a gap has nothing to seek.
    /// </summary>
    public RoadmapEntry AddRoadmapEntry(ChainLink link, RoadmapInput input, Actor actor, DateTime nowUtc, DateOnly today)
    {
        Own(link);
        if (!link.HasGap) throw new DomainRuleException("Chain.RoadmapNeedsGap");
        if (ValidateRoadmap(input, today) is [var first, ..]) throw new DomainRuleException(first.Violation);
        ListLimits.Ensure(link.Roadmap.Count + 1, ChainLink.MaxRoadmapEntries);
        var entry = link.AddRoadmap(input, actor, nowUtc);
        Touch(ChainMapChangeKind.RoadmapChanged, link, nowUtc);
        return entry;
    }

    public void RemoveRoadmapEntry(ChainLink link, RoadmapEntry entry, DateTime nowUtc)
    {
        Own(link);
        if (!link.RemoveRoadmap(entry)) throw new DomainRuleException("Chain.RoadmapNotFound");
        Touch(ChainMapChangeKind.RoadmapChanged, link, nowUtc);
    }

    /// <summary>Adds an enterprise already in Kashgar on the link (the list the chain lead keeps; the count is derived).</summary>
    public void AddLocalEnterprise(ChainLink link, string name, DateTime? nowUtc)
    {
        Own(link);
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("Chain.EnterpriseNameRequired");
        TextRules.Ensure(name, ChainLink.EnterpriseNameMaxLength);
        var n = name.Trim();
        if (link.LocalEnterprises.Contains(n)) throw new DomainRuleException("Chain.EnterpriseListed", n);
        ListLimits.Ensure(link.LocalEnterprises.Length + 1, ChainLink.MaxLocalEnterprises);
        link.SetLocalEnterprises([.. link.LocalEnterprises, n]);
        if (nowUtc is not null) Touch(ChainMapChangeKind.EnterprisesChanged, link, nowUtc);
    }

    public void RemoveLocalEnterprise(ChainLink link, string name, DateTime nowUtc)
    {
        Own(link);
        var n = name.Trim();
        if (!link.LocalEnterprises.Contains(n)) throw new DomainRuleException("Chain.EnterpriseNotListed");
        link.SetLocalEnterprises([.. link.LocalEnterprises.Where(e => e != n)]);
        Touch(ChainMapChangeKind.EnterprisesChanged, link, nowUtc);
    }

    /// <summary>A comment on the map (the Bureau's, or the chain lead's answer), optionally about one link.</summary>
    public ChainComment Comment(ChainLink? link, string text, Actor actor, DateTime nowUtc)
    {
        if (link is not null) Own(link);
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("Chain.CommentRequired");
        TextRules.Ensure(text, CommentMaxLength, multiLine: true);
        ListLimits.Ensure(_comments.Count + 1, MaxComments);
        var comment = new ChainComment(link, text.Trim(), actor, nowUtc);
        _comments.Add(comment);
        Touch(ChainMapChangeKind.Commented, link, nowUtc);
        return comment;
    }

    /// <summary>
    /// Proposes re-rating a link because a project on it reached production (<see cref="ReratingRule"/>). True when a
    /// proposal was made; false when the rule does not apply or a proposal is already open.
    /// </summary>
    public bool ProposeRerating(ChainLink link, int projectId, Projects.ProjectStage from, Projects.ProjectStage to, DateTime nowUtc)
    {
        Own(link);
        if (!ReratingRule.ShouldPropose(link.Strength, from, to) || link.PendingRerating is not null) return false;
        link.Propose(new ReratingProposal(projectId, nowUtc));
        Touch(ChainMapChangeKind.ReratingProposed, link, nowUtc);
        return true;
    }

    /// <summary>The chain lead answers a re-rating proposal by keeping the status, with the reason why.</summary>
    public void KeepStatus(ChainLink link, string reason, Actor actor, DateTime nowUtc)
    {
        Own(link);
        if (link.PendingRerating is null) throw new DomainRuleException("Chain.NoReratingProposed");
        var why = CheckReason(reason);
        link.ChangeStatus(link.Strength, why, LinkStatusChangeKind.ReratingDeclined, actor, nowUtc);
        Touch(ChainMapChangeKind.StatusChanged, link, nowUtc);
    }

    private static string CheckReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Chain.StatusReasonRequired");
        TextRules.Ensure(reason, LinkStatusChange.ReasonMaxLength, multiLine: true);
        return reason.Trim();
    }

    private (string Name, string NameEn) CheckNames(string name, string nameEn, ChainLink? renamed)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("Chain.LinkNameRequired");
        TextRules.Ensure(name, LinkNameMaxLength);
        TextRules.Ensure(nameEn, LinkNameEnMaxLength);
        var n = name.Trim();
        if (_links.Any(l => l != renamed && l.Name == n)) throw new DomainRuleException("Chain.LinkExists", n);
        return (n, string.IsNullOrWhiteSpace(nameEn) ? n : nameEn.Trim());
    }

    private void Own(ChainLink link)
    {
        if (!_links.Contains(link)) throw new DomainRuleException("Chain.LinkNotOnChain");
    }

    private static string? Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Touch(ChainMapChangeKind kind, ChainLink? link, DateTime? nowUtc)
    {
        if (nowUtc is { } now) UpdatedAtUtc = now;
        Raise(new ChainMapChanged(this, kind, link?.Id));
    }
}

/// <summary>What refers to a link from outside the chain, read by the application before a removal.</summary>
public sealed record LinkReferences(int Projects, int Targets);

/// <summary>What a link is: a product made there or a process done there.</summary>
public enum LinkKind { Product, Process }

/// <summary>One link of a chain map, e.g. 纺纱 (spinning, midstream, strong).</summary>
public sealed class ChainLink : Entity, IAudited
{
    public const int DescriptionMaxLength = 500;
    public const int NoteMaxLength = 2000;
    public const int EnterpriseNameMaxLength = 200;
    public const int MaxLocalEnterprises = 200;
    public const int MaxRoadmapEntries = 20;

    private readonly List<LinkStatusChange> _history = [];
    private readonly List<RoadmapEntry> _roadmap = [];

    private ChainLink() { Name = NameEn = string.Empty; LocalEnterprises = []; }

    internal ChainLink(string name, string nameEn, ChainSegment segment, LinkStrength strength, int order)
    {
        Name = name;
        NameEn = nameEn;
        Segment = segment;
        Strength = strength;
        Goal = LinkStrength.Strong;
        Order = order;
        LocalEnterprises = [];
    }

    public int ChainId { get; private set; }

    public string Name { get; private set; }

    public string NameEn { get; private set; }

    public ChainSegment Segment { get; private set; }

    /// <summary>Its place within its segment on the map (0 first).</summary>
    public int Order { get; private set; }

    public LinkKind Kind { get; private set; }

    /// <summary>What the link is (the product or the process), in the chain lead's words.</summary>
    public string? Description { get; private set; }

    /// <summary>The status as it is (现状).</summary>
    public LinkStrength Strength { get; private set; }

    /// <summary>The status it should have (远景); strong unless the chain lead decides otherwise.</summary>
    public LinkStrength Goal { get; private set; }

    /// <summary>The chain lead's note on the gap.</summary>
    public string? GapNote { get; private set; }

    /// <summary>Enterprises already in Kashgar on this link, as the chain lead keeps them.</summary>
    public string[] LocalEnterprises { get; private set; }

    public int LocalEnterpriseCount => LocalEnterprises.Length;

    /// <summary>The project whose production prompted an open re-rating proposal.</summary>
    public int? ReratingProjectId { get; private set; }

    public DateTime? ReratingProposedAtUtc { get; private set; }

    /// <summary>An open proposal to re-rate the link because a project on it reached production.</summary>
    public ReratingProposal? PendingRerating =>
        ReratingProjectId is { } projectId ? new ReratingProposal(projectId, ReratingProposedAtUtc ?? default) : null;

    /// <summary>Every status decision on the link, oldest first.</summary>
    public IReadOnlyList<LinkStatusChange> History => _history;

    /// <summary>The road map for the gap: what is sought, from where, by when.</summary>
    public IReadOnlyList<RoadmapEntry> Roadmap => _roadmap;

    /// <summary>Weak, short and broken links are where target enterprises are sought.</summary>
    public bool NeedsFilling => Strength != LinkStrength.Strong;

    /// <summary>The status is worse than the goal.</summary>
    public bool HasGap => Strength > Goal;

    internal void Rename(string name, string nameEn) { Name = name; NameEn = nameEn; }

    internal void Describe(LinkKind kind, string? description) { Kind = kind; Description = description; }

    internal void PlaceAt(int order) => Order = order;

    internal void SetGoal(LinkStrength goal) => Goal = goal;

    internal void SetGapNote(string? note) => GapNote = note;

    internal void SetLocalEnterprises(string[] names) => LocalEnterprises = names;

    internal void Propose(ReratingProposal proposal) => (ReratingProjectId, ReratingProposedAtUtc) = (proposal.ProjectId, proposal.ProposedAtUtc);

    internal void ChangeStatus(LinkStrength to, string reason, LinkStatusChangeKind kind, Actor actor, DateTime nowUtc)
    {
        _history.Add(new LinkStatusChange(Strength, to, reason, kind, PendingRerating?.ProjectId, actor, nowUtc));
        Strength = to;
        (ReratingProjectId, ReratingProposedAtUtc) = (null, null);
    }

    internal RoadmapEntry AddRoadmap(RoadmapInput input, Actor actor, DateTime nowUtc)
    {
        var entry = new RoadmapEntry(input.Sought.Trim(), [.. input.SourceRegions], input.By, actor, nowUtc);
        _roadmap.Add(entry);
        return entry;
    }

    internal bool RemoveRoadmap(RoadmapEntry entry) => _roadmap.Remove(entry);
}

/// <summary>A flow from a supplying link to a using link of the same chain.</summary>
public sealed class ChainFlow : Entity, IAudited
{
    private ChainFlow() { From = To = null!; }

    internal ChainFlow(ChainLink from, ChainLink to)
    {
        From = from;
        To = to;
    }

    public int ChainId { get; private set; }

    public int FromLinkId { get; private set; }

    public int ToLinkId { get; private set; }

    public ChainLink From { get; private set; }

    public ChainLink To { get; private set; }
}

public enum LinkStatusChangeKind { Set, ReratingConfirmed, ReratingDeclined }

/// <summary>One status decision on a link: who, when, from, to, why (a kept status has From == To).</summary>
public sealed class LinkStatusChange : Entity, IAudited
{
    public const int ReasonMaxLength = 1000;

    private LinkStatusChange() { Reason = By = string.Empty; }

    internal LinkStatusChange(LinkStrength from, LinkStrength to, string reason, LinkStatusChangeKind kind, int? projectId, Actor actor, DateTime atUtc)
    {
        From = from;
        To = to;
        Reason = reason;
        Kind = kind;
        ProjectId = projectId;
        By = actor.UserName;
        ByUnitId = actor.UnitId;
        AtUtc = atUtc;
    }

    public int ChainLinkId { get; private set; }
    public LinkStrength From { get; private set; }
    public LinkStrength To { get; private set; }
    public string Reason { get; private set; }
    public LinkStatusChangeKind Kind { get; private set; }

    /// <summary>The project whose production prompted the re-rating, when it answered a proposal.</summary>
    public int? ProjectId { get; private set; }

    public string By { get; private set; }
    public int? ByUnitId { get; private set; }
    public DateTime AtUtc { get; private set; }
}

/// <summary>What a road-map entry asks for, as typed.</summary>
public sealed record RoadmapInput(string Sought, IReadOnlyList<Units.SourceRegionCode> SourceRegions, DateOnly By);

/// <summary>One line of a link's road map (路线图): what is sought, from which source regions, by when.</summary>
public sealed class RoadmapEntry : Entity, IAudited
{
    public const int SoughtMaxLength = 500;

    private RoadmapEntry() { Sought = CreatedBy = string.Empty; SourceRegions = []; }

    internal RoadmapEntry(string sought, Units.SourceRegionCode[] regions, DateOnly by, Actor actor, DateTime nowUtc)
    {
        Sought = sought;
        SourceRegions = regions;
        By = by;
        CreatedBy = actor.UserName;
        CreatedAtUtc = nowUtc;
    }

    public int ChainLinkId { get; private set; }
    public string Sought { get; private set; }
    public Units.SourceRegionCode[] SourceRegions { get; private set; }
    public DateOnly By { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public bool IsOverdue(DateOnly today) => today > By;
}

/// <summary>A comment on a chain map, optionally about one link.</summary>
public sealed class ChainComment : Entity, IAudited
{
    private ChainComment() { Text = By = string.Empty; }

    internal ChainComment(ChainLink? link, string text, Actor actor, DateTime nowUtc)
    {
        Link = link;
        Text = text;
        By = actor.UserName;
        ByUnitId = actor.UnitId;
        AtUtc = nowUtc;
    }

    public int ChainId { get; private set; }
    public int? ChainLinkId { get; private set; }
    public ChainLink? Link { get; private set; }
    public string Text { get; private set; }
    public string By { get; private set; }
    public int? ByUnitId { get; private set; }
    public DateTime AtUtc { get; private set; }

    /// <summary>The link was removed: the comment stays on the chain.</summary>
    internal void Detach() { Link = null; ChainLinkId = null; }
}

/// <summary>An open proposal to re-rate a link: which project reached production, and when.</summary>
public sealed record ReratingProposal(int ProjectId, DateTime ProposedAtUtc);
