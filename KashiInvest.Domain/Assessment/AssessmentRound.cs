using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Assessment;

/// <summary>Where a year-end round stands. Stored as strings.</summary>
public enum RoundStatus
{
    /// <summary>The Bureau computes the draft and enters the manual checks.</summary>
    Draft,
    /// <summary>Sent to the leader in charge (分管领导审核).</summary>
    UnderReview,
    /// <summary>Approved: locked, the figures snapshotted, the scheme frozen.</summary>
    Final,
}

public enum RoundAction { Computed, CheckEntered, Submitted, SentBack, Approved }

/// <summary>One step of a round, with the comment of a review.</summary>
public sealed record RoundStep(RoundAction Action, string UserName, DateTime AtUtc, string? Comment);

/// <summary>A manual check item's points on one unit, with the Bureau's evidence (the check's findings, the files reviewed).</summary>
public sealed class CheckEntry
{
    public CheckEntry(int unitId, CheckItemKind kind, decimal points, string evidence)
    {
        UnitId = unitId;
        Kind = kind;
        Points = points;
        Evidence = evidence;
    }

    public int UnitId { get; }
    public CheckItemKind Kind { get; }
    public decimal Points { get; }
    public string Evidence { get; }
}

/// <summary>
/// A year's assessment round (Art. 30–31): the Bureau computes the draft from the platform's figures and records with the
/// year's scheme and enters the manual checks → sends it to the leader in charge → the leader sends it back with a
/// comment (back to draft) or approves it → final: locked, the results (with every figure behind them) kept as they
/// were, the scheme frozen. Every step is in <see cref="Steps"/>.
/// </summary>
public sealed class AssessmentRound : AggregateRoot, IAudited
{
    public const int CommentMaxLength = 2000;
    public const int EvidenceMaxLength = 2000;

    private AssessmentRound() { }

    public int Year { get; private set; }
    public RoundStatus Status { get; private set; }
    /// <summary>The Beijing day the figures were measured through.</summary>
    public DateOnly? MeasuredThrough { get; private set; }
    public DateTime? ComputedAtUtc { get; private set; }
    /// <summary>The computed results; after <see cref="RoundStatus.Final"/> they never change.</summary>
    public IReadOnlyList<UnitAssessment> Results { get; private set; } = [];
    /// <summary>The inputs the results were computed from, kept so the checks can be re-applied without re-reading.</summary>
    public IReadOnlyList<UnitInput> Inputs { get; private set; } = [];
    public IReadOnlyList<CheckEntry> Checks { get; private set; } = [];
    public IReadOnlyList<RoundStep> Steps { get; private set; } = [];
    public string? LastReviewComment { get; private set; }
    public DateTime? FinalAtUtc { get; private set; }
    public string? ApprovedBy { get; private set; }

    public static AssessmentRound Open(int year) => new() { Year = year, Status = RoundStatus.Draft };

    public UnitAssessment? ResultOf(int unitId) => Results.FirstOrDefault(r => r.UnitId == unitId);

    private RuleViolation? CheckDraft(UserScope scope)
    {
        if (!AssessmentAccess.CanManage(scope)) return new RuleViolation("Assessment.BureauOnly");
        return Status switch
        {
            RoundStatus.UnderReview => new RuleViolation("Assessment.UnderReview"),
            RoundStatus.Final => new RuleViolation("Assessment.Final", Year),
            _ => null,
        };
    }

    /// <summary>Why <see cref="Compute"/> would refuse; null when it may proceed.</summary>
    public RuleViolation? CheckCompute(UserScope scope, AssessmentScheme scheme)
    {
        if (CheckDraft(scope) is { } v) return v;
        return scheme.Year != Year ? new RuleViolation("Assessment.WrongScheme") : null;
    }

    /// <summary>The Bureau (re)computes the draft from the platform's figures and records; the checks entered so far apply.</summary>
    public void Compute(UserScope scope, AssessmentScheme scheme, IReadOnlyList<UnitInput> inputs, DateOnly through, DateTime nowUtc)
    {
        if (CheckCompute(scope, scheme) is { } violation) throw new DomainRuleException(violation);
        Inputs = inputs;
        MeasuredThrough = through;
        ComputedAtUtc = nowUtc;
        Rescore(scheme);
        AddStep(new RoundStep(RoundAction.Computed, scope.UserName, nowUtc, null));
        Raise(new AssessmentChanged(Year));
    }

    /// <summary>Why <see cref="EnterCheck"/> would refuse; null when it may proceed.</summary>
    public RuleViolation? CheckEnterCheck(UserScope scope, AssessmentScheme scheme, int unitId, CheckItemKind kind, decimal points, string? evidence)
    {
        if (CheckDraft(scope) is { } v) return v;
        if (Inputs.All(i => i.UnitId != unitId)) return new RuleViolation("Assessment.NotComputed");
        if (scheme.Content.Checks.FirstOrDefault(c => c.Kind == kind) is not { } rule) return new RuleViolation("Assessment.NoSuchCheck");
        if (Math.Abs(points) > rule.MaxPoints) return new RuleViolation("Assessment.CheckRange", rule.MaxPoints.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        if (string.IsNullOrWhiteSpace(evidence)) return new RuleViolation("Assessment.EvidenceRequired");
        return TextRules.Check(evidence, EvidenceMaxLength, multiLine: true);
    }

    /// <summary>The Bureau enters (or replaces) a manual check's points on a unit with its evidence; the draft is rescored.</summary>
    public void EnterCheck(UserScope scope, AssessmentScheme scheme, int unitId, CheckItemKind kind, decimal points, string evidence, DateTime nowUtc)
    {
        if (CheckEnterCheck(scope, scheme, unitId, kind, points, evidence) is { } violation) throw new DomainRuleException(violation);
        Checks = [.. Checks.Where(c => c.UnitId != unitId || c.Kind != kind), new CheckEntry(unitId, kind, points, evidence.Trim())];
        Rescore(scheme);
        AddStep(new RoundStep(RoundAction.CheckEntered, scope.UserName, nowUtc, null));
        Raise(new AssessmentChanged(Year));
    }

    /// <summary>Why <see cref="Submit"/> would refuse; null when it may proceed.</summary>
    public RuleViolation? CheckSubmit(UserScope scope, AssessmentScheme scheme)
    {
        if (CheckDraft(scope) is { } v) return v;
        if (ComputedAtUtc is not { } computed) return new RuleViolation("Assessment.NotComputed");
        // Results computed before the scheme's last edit would be sent, and later frozen, under a scheme they do not follow.
        return scheme.UpdatedAtUtc > computed ? new RuleViolation("Assessment.SchemeChangedSinceComputed") : null;
    }

    /// <summary>The Bureau sends the draft, computed under the scheme as it stands, to the leader in charge.</summary>
    public void Submit(UserScope scope, AssessmentScheme scheme, DateTime nowUtc)
    {
        if (CheckSubmit(scope, scheme) is { } violation) throw new DomainRuleException(violation);
        Status = RoundStatus.UnderReview;
        AddStep(new RoundStep(RoundAction.Submitted, scope.UserName, nowUtc, null));
        Raise(new AssessmentChanged(Year));
    }

    private RuleViolation? CheckReview(UserScope scope)
    {
        if (!AssessmentAccess.CanReview(scope)) return new RuleViolation("Assessment.LeaderOnly");
        return Status == RoundStatus.UnderReview ? null : new RuleViolation("Assessment.NotUnderReview");
    }

    /// <summary>Why <see cref="SendBack"/> would refuse; null when it may proceed.</summary>
    public RuleViolation? CheckSendBack(UserScope scope, string? comment)
    {
        if (CheckReview(scope) is { } v) return v;
        if (string.IsNullOrWhiteSpace(comment)) return new RuleViolation("Assessment.CommentRequired");
        return TextRules.Check(comment, CommentMaxLength, multiLine: true);
    }

    /// <summary>The leader sends the draft back to the Bureau with a comment.</summary>
    public void SendBack(UserScope scope, string comment, DateTime nowUtc)
    {
        if (CheckSendBack(scope, comment) is { } violation) throw new DomainRuleException(violation);
        Status = RoundStatus.Draft;
        LastReviewComment = comment.Trim();
        AddStep(new RoundStep(RoundAction.SentBack, scope.UserName, nowUtc, LastReviewComment));
        Raise(new AssessmentChanged(Year));
    }

    /// <summary>Why <see cref="Approve"/> would refuse; null when it may proceed.</summary>
    public RuleViolation? CheckApprove(UserScope scope, string? comment)
    {
        if (CheckReview(scope) is { } v) return v;
        return TextRules.Check(comment, CommentMaxLength, multiLine: true);
    }

    /// <summary>The leader approves: the round is final, its results kept as computed, the year's scheme frozen.</summary>
    public void Approve(UserScope scope, AssessmentScheme scheme, string? comment, DateTime nowUtc)
    {
        if (CheckApprove(scope, comment) is { } violation) throw new DomainRuleException(violation);
        if (scheme.Year != Year) throw new DomainRuleException("Assessment.WrongScheme");
        Status = RoundStatus.Final;
        FinalAtUtc = nowUtc;
        ApprovedBy = scope.UserName;
        scheme.Freeze(nowUtc);
        AddStep(new RoundStep(RoundAction.Approved, scope.UserName, nowUtc, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()));
        Raise(new AssessmentChanged(Year));
    }

    private void AddStep(RoundStep step) => Steps = [.. Steps, step];

    private void Rescore(AssessmentScheme scheme) =>
        Results = AssessmentScoring.Score(scheme.Content, Inputs, Checks.Select(c => new CheckPoints(c.UnitId, c.Kind, c.Points)).ToList());
}
