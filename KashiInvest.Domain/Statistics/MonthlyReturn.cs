using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Statistics;

/// <summary>Where a monthly return stands in its review (统一布置、分级负责、层层审核). Stored as strings.</summary>
public enum ReturnStatus
{
    /// <summary>Computed from the platform (or a revision opened): the unit reviews and corrects it.</summary>
    Computed,
    /// <summary>Submitted by the unit: the Bureau reviews it.</summary>
    Submitted,
    /// <summary>Returned by the Bureau with a comment: the unit corrects and resubmits.</summary>
    Returned,
    /// <summary>Approved: locked; a change needs a new revision.</summary>
    Approved,
}

/// <summary>
/// A unit's monthly return (统计月报, Art. 26). Computed from the platform's data; the unit corrects figures (each
/// with a reason, kept beside the computed figure) and submits it by the deadline; the Bureau returns it with a
/// comment or approves it, which locks it. A change after locking opens a new revision with a reason, which goes
/// through the same review. Every step is in <see cref="History"/>.
/// </summary>
public sealed class MonthlyReturn : AggregateRoot, IAudited
{
    public const int ReasonMaxLength = 500;
    public const int CommentMaxLength = ReturnHistoryEntry.TextMaxLength;
    /// <summary>A figure above this (万元 or projects) is a typing error.</summary>
    public const decimal MaxValue = 100_000_000m;

    private readonly List<ReturnFigure> _figures = [];
    private readonly List<ReturnHistoryEntry> _history = [];

    private MonthlyReturn() { ComputedBy = string.Empty; }

    public int UnitId { get; private set; }

    /// <summary>The month as <see cref="StatMonth.Index"/>.</summary>
    public int MonthIndex { get; private set; }

    public StatMonth Month => StatMonth.FromIndex(MonthIndex);

    public ReturnStatus Status { get; private set; }

    /// <summary>1 for the first review; each revision opened after approval adds one.</summary>
    public int Revision { get; private set; }

    public DateTime ComputedAtUtc { get; private set; }

    /// <summary>The last change of any kind.</summary>
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>
    /// The number of steps in <see cref="History"/>. Every step changes the return itself (a correction alone would
    /// change only a figure), so its version moves and a form based on an older read is refused.
    /// </summary>
    public int Steps { get; private set; }

    public string ComputedBy { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public string? SubmittedBy { get; private set; }

    /// <summary>Whether the first submission of the month came after the deadline.</summary>
    public bool SubmittedLate { get; private set; }

    /// <summary>The Bureau's comment when it returned the return; cleared when it is resubmitted.</summary>
    public string? ReturnComment { get; private set; }

    public DateTime? ApprovedAtUtc { get; private set; }

    public string? ApprovedBy { get; private set; }

    /// <summary>The revision last approved; null until the first approval. The approved figures stay while a revision is open.</summary>
    public int? ApprovedRevision { get; private set; }

    public IReadOnlyList<ReturnFigure> Figures => _figures;

    public IReadOnlyList<ReturnHistoryEntry> History => _history;

    public bool IsLocked => Status == ReturnStatus.Approved;

    public bool HasApprovedFigures => ApprovedRevision is not null;

    public ReturnFigure? Figure(FigureKey key) => _figures.FirstOrDefault(f => f.Key == key);

    public decimal Value(FigureKey key) => Figure(key)?.Value ?? 0m;

    /// <summary>A new return, computed from the platform by <paramref name="actor"/> (a user or a job).</summary>
    public static MonthlyReturn Create(int unitId, StatMonth month, IReadOnlyDictionary<FigureKey, decimal> figures, Actor actor, DateTime nowUtc)
    {
        var r = new MonthlyReturn
        {
            UnitId = unitId,
            MonthIndex = month.Index,
            Status = ReturnStatus.Computed,
            Revision = 1,
            ComputedAtUtc = nowUtc,
            ComputedBy = actor.UserName,
            UpdatedAtUtc = nowUtc,
        };
        foreach (var (key, value) in figures.OrderBy(f => f.Key)) r._figures.Add(new ReturnFigure(key, value));
        r.AddStep(new ReturnHistoryEntry(ReturnAction.Computed, r.Revision, actor, nowUtc));
        r.Raise(new MonthlyReturnChanged(r, ReturnAction.Computed));
        return r;
    }

    /// <summary>Why <see cref="Refresh"/> would refuse; null when it may proceed.</summary>
    public RuleViolation? CheckRefresh() => CheckWorking();

    /// <summary>Re-computes the figures from the platform; the unit's corrections stay beside them.</summary>
    public void Refresh(IReadOnlyDictionary<FigureKey, decimal> figures, Actor actor, DateTime nowUtc)
    {
        if (CheckRefresh() is { } violation) throw new DomainRuleException(violation);
        foreach (var figure in _figures) figure.ComputedValue = figures.GetValueOrDefault(figure.Key);
        foreach (var (key, value) in figures.OrderBy(f => f.Key))
        {
            if (Figure(key) is null) _figures.Add(new ReturnFigure(key, value));
        }
        ComputedAtUtc = nowUtc;
        ComputedBy = actor.UserName;
        UpdatedAtUtc = nowUtc;
        AddStep(new ReturnHistoryEntry(ReturnAction.Refreshed, Revision, actor, nowUtc));
        Raise(new MonthlyReturnChanged(this, ReturnAction.Refreshed));
    }

    /// <summary>Why <see cref="Correct"/> would refuse; null when it may proceed.</summary>
    public RuleViolation? CheckCorrect(UserScope scope, FigureKey key, decimal value, string? reason)
    {
        if (!MonthlyReturnAccess.IsOwner(scope, UnitId)) return new RuleViolation("Return.NotYours");
        if (CheckWorking() is { } state) return state;
        if (Figure(key) is null && (key.ChainId is null || !FigureCodes.ByChain.Contains(key.Code))) return new RuleViolation("Return.UnknownFigure", key.ToString());
        if (value < 0m) return new RuleViolation("Number.MustNotBeNegative");
        if (value > MaxValue) return new RuleViolation("Number.TooLarge", MaxValue);
        if (!key.Code.IsMoney() && decimal.Truncate(value) != value) return new RuleViolation("Return.CountMustBeWhole");
        if (decimal.Round(value, 4) != value) return new RuleViolation("Money.TooPrecise");
        if (string.IsNullOrWhiteSpace(reason)) return new RuleViolation("Return.CorrectionReasonRequired");
        if (TextRules.Check(reason, ReasonMaxLength, multiLine: true) is { } text) return text;
        return null;
    }

    /// <summary>The unit corrects one figure, with a reason; the computed value stays beside it.</summary>
    public void Correct(UserScope scope, FigureKey key, decimal value, string reason, DateTime nowUtc)
    {
        if (CheckCorrect(scope, key, value, reason) is { } violation) throw new DomainRuleException(violation);
        var figure = Figure(key);
        if (figure is null)
        {
            figure = new ReturnFigure(key, 0m);
            _figures.Add(figure);
        }
        var old = figure.Value;
        figure.Correct(value, reason.Trim(), scope.Actor, nowUtc);
        UpdatedAtUtc = nowUtc;
        AddStep(new ReturnHistoryEntry(ReturnAction.Corrected, Revision, scope.Actor, nowUtc, reason.Trim(), key, old, value));
        Raise(new MonthlyReturnChanged(this, ReturnAction.Corrected));
    }

    /// <summary>Why <see cref="Submit"/> would refuse; null when it may proceed.</summary>
    public RuleViolation? CheckSubmit(UserScope scope)
    {
        if (!MonthlyReturnAccess.IsOwner(scope, UnitId)) return new RuleViolation("Return.NotYours");
        return Status switch
        {
            ReturnStatus.Submitted => new RuleViolation("Return.AlreadySubmitted"),
            ReturnStatus.Approved => new RuleViolation("Return.Locked"),
            _ => null,
        };
    }

    /// <summary>The unit submits (or, after a return, resubmits) its return to the Bureau.</summary>
    public void Submit(UserScope scope, DateTime nowUtc, DateTime dueAtUtc)
    {
        if (CheckSubmit(scope) is { } violation) throw new DomainRuleException(violation);
        var action = Status == ReturnStatus.Returned ? ReturnAction.Resubmitted : ReturnAction.Submitted;
        if (SubmittedAtUtc is null) SubmittedLate = nowUtc >= dueAtUtc;
        Status = ReturnStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        SubmittedBy = scope.UserName;
        ReturnComment = null;
        UpdatedAtUtc = nowUtc;
        AddStep(new ReturnHistoryEntry(action, Revision, scope.Actor, nowUtc));
        Raise(new MonthlyReturnChanged(this, action));
    }

    /// <summary>Why <see cref="ReturnToUnit"/> would refuse; null when it may proceed.</summary>
    public RuleViolation? CheckReturn(UserScope scope, string? comment)
    {
        if (!MonthlyReturnAccess.CanReview(scope)) return new RuleViolation("Return.ReviewersOnly");
        if (CheckUnderReview() is { } state) return state;
        if (string.IsNullOrWhiteSpace(comment)) return new RuleViolation("Return.CommentRequired");
        if (TextRules.Check(comment, CommentMaxLength, multiLine: true) is { } text) return text;
        return null;
    }

    /// <summary>The Bureau returns the return to the unit with a comment.</summary>
    public void ReturnToUnit(UserScope scope, string comment, DateTime nowUtc)
    {
        if (CheckReturn(scope, comment) is { } violation) throw new DomainRuleException(violation);
        Status = ReturnStatus.Returned;
        ReturnComment = comment.Trim();
        UpdatedAtUtc = nowUtc;
        AddStep(new ReturnHistoryEntry(ReturnAction.Returned, Revision, scope.Actor, nowUtc, ReturnComment));
        Raise(new MonthlyReturnChanged(this, ReturnAction.Returned));
    }

    /// <summary>Why <see cref="Approve"/> would refuse; null when it may proceed.</summary>
    public RuleViolation? CheckApprove(UserScope scope)
    {
        if (!MonthlyReturnAccess.CanReview(scope)) return new RuleViolation("Return.ReviewersOnly");
        return CheckUnderReview();
    }

    /// <summary>The Bureau approves the return: its figures become the approved ones and it locks.</summary>
    public void Approve(UserScope scope, DateTime nowUtc)
    {
        if (CheckApprove(scope) is { } violation) throw new DomainRuleException(violation);
        Status = ReturnStatus.Approved;
        ApprovedAtUtc = nowUtc;
        ApprovedBy = scope.UserName;
        ApprovedRevision = Revision;
        foreach (var figure in _figures) figure.Approve();
        UpdatedAtUtc = nowUtc;
        AddStep(new ReturnHistoryEntry(ReturnAction.Approved, Revision, scope.Actor, nowUtc));
        Raise(new MonthlyReturnChanged(this, ReturnAction.Approved));
    }

    /// <summary>Why <see cref="OpenRevision"/> would refuse; null when it may proceed.</summary>
    public RuleViolation? CheckOpenRevision(UserScope scope, string? reason)
    {
        if (!MonthlyReturnAccess.CanOpenRevision(scope, UnitId)) return new RuleViolation("Return.NotYours");
        if (Status != ReturnStatus.Approved) return new RuleViolation("Return.NotApproved");
        if (string.IsNullOrWhiteSpace(reason)) return new RuleViolation("Return.RevisionReasonRequired");
        if (TextRules.Check(reason, ReasonMaxLength, multiLine: true) is { } text) return text;
        return null;
    }

    /// <summary>
    /// Opens a new revision of an approved return, with a reason: the unit may correct and resubmit it, and the
    /// Bureau approves it again. Until then the prefecture's tables keep counting the approved figures.
    /// </summary>
    public void OpenRevision(UserScope scope, string reason, DateTime nowUtc)
    {
        if (CheckOpenRevision(scope, reason) is { } violation) throw new DomainRuleException(violation);
        Revision++;
        Status = ReturnStatus.Computed;
        UpdatedAtUtc = nowUtc;
        AddStep(new ReturnHistoryEntry(ReturnAction.RevisionOpened, Revision, scope.Actor, nowUtc, reason.Trim()));
        Raise(new MonthlyReturnChanged(this, ReturnAction.RevisionOpened));
    }

    private void AddStep(ReturnHistoryEntry entry)
    {
        _history.Add(entry);
        Steps++;
    }

    /// <summary>The unit is working on the return (computed, returned, or a revision open).</summary>
    private RuleViolation? CheckWorking() => Status switch
    {
        ReturnStatus.Submitted => new RuleViolation("Return.UnderReview"),
        ReturnStatus.Approved => new RuleViolation("Return.Locked"),
        _ => null,
    };

    private RuleViolation? CheckUnderReview() => Status switch
    {
        ReturnStatus.Submitted => null,
        ReturnStatus.Approved => new RuleViolation("Return.Locked"),
        _ => new RuleViolation("Return.NotSubmitted"),
    };
}

/// <summary>A monthly return was computed, corrected or moved along its review.</summary>
public sealed record MonthlyReturnChanged(MonthlyReturn Return, ReturnAction Action) : IDomainEvent;

/// <summary>When a return is due and when it is missing.</summary>
public static class ReturnDeadlines
{
    public static DateTime DueAtUtc(StatMonth month, StatisticsSettings settings) => month.DueAtUtc(settings.ReturnDueDay);

    /// <summary>
    /// Whether a unit's return for <paramref name="month"/> is missing at <paramref name="nowUtc"/>: the deadline has
    /// passed and the return was never submitted, or it was returned and not yet resubmitted.
    /// </summary>
    public static bool IsMissing(StatMonth month, ReturnStatus? status, bool everSubmitted, DateTime nowUtc, StatisticsSettings settings)
    {
        if (nowUtc < DueAtUtc(month, settings)) return false;
        return status switch
        {
            null => true,
            ReturnStatus.Computed => !everSubmitted,
            ReturnStatus.Returned => true,
            _ => false,
        };
    }
}
