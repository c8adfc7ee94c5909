using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Units;

namespace KashiInvest.Domain.AnnualTargets;

/// <summary>One unit's line of a split: the unit, its type (which decides its sequence) and its share.</summary>
public sealed record SplitLine(int UnitId, UnitType UnitType, decimal Amount);

/// <summary>
/// The prefecture's target of one year for one indicator, set by the Bureau (Art. 29), and its split among the
/// units of each sequence (KEDZ and the counties, the sub-bureaus, the chain-lead units). Each sequence divides the
/// whole target among its own units, so each has its own remainder (<see cref="Remainder"/>) until its split sums
/// to the target. An over-split is refused: a split whose shares add up to more than the target, or a target
/// lowered below a sequence's split, breaks the rule <c>AnnualTarget.OverSplit</c> and nothing changes — so the
/// shares of a sequence never promise more than the prefecture's target. Every change is audited (before/after) by
/// the unit of work; the target and each share are audited rows.
/// </summary>
public sealed class AnnualTarget : AggregateRoot, IAudited
{
    /// <summary>A target above this (万元 or projects) is a typing error.</summary>
    public const decimal MaxValue = 100_000_000m;
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private readonly List<TargetShare> _shares = [];

    private AnnualTarget() { UpdatedBy = string.Empty; }

    public int Year { get; private set; }

    public AnnualIndicator Indicator { get; private set; }

    /// <summary>The prefecture's target: 万元 for a money indicator, a number of projects otherwise.</summary>
    public decimal Amount { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; }

    /// <summary>
    /// How many times the target or its split changed. A change of a share alone would change only the share's row,
    /// so every change counts here: the target's version moves and a form based on an older read is refused.
    /// </summary>
    public int Changes { get; private set; }

    public IReadOnlyList<TargetShare> Shares => _shares;

    /// <summary>The shares of one sequence.</summary>
    public IEnumerable<TargetShare> SharesOf(AssessmentSequence sequence) => _shares.Where(s => s.Sequence == sequence);

    /// <summary>A unit's share, or null when the unit has none.</summary>
    public decimal? ShareOf(int unitId) => _shares.FirstOrDefault(s => s.UnitId == unitId)?.Amount;

    /// <summary>What the split of a sequence has yet to give out; zero once it sums to the target.</summary>
    public decimal Remainder(AssessmentSequence sequence) => Amount - SharesOf(sequence).Sum(s => s.Amount);

    public bool IsFullySplit(AssessmentSequence sequence) => Remainder(sequence) == 0m;

    /// <summary>Why an amount cannot be a target or a share of <paramref name="indicator"/>; null when it can.</summary>
    public static RuleViolation? CheckAmount(AnnualIndicator indicator, decimal amount)
    {
        if (amount < 0m) return new RuleViolation("AnnualTarget.Negative");
        if (amount > MaxValue) return new RuleViolation("AnnualTarget.TooLarge", MaxValue);
        if (!indicator.IsMoney() && amount != decimal.Truncate(amount)) return new RuleViolation("AnnualTarget.WholeProjects");
        return null;
    }

    /// <summary>Sets the prefecture's target of a year for an indicator, not split yet.</summary>
    public static AnnualTarget Set(int year, AnnualIndicator indicator, decimal amount, Actor actor, DateTime nowUtc)
    {
        if (year is < FirstYear or > LastYear) throw new DomainRuleException("AnnualTarget.Year", year);
        if (!Enum.IsDefined(indicator)) throw new ArgumentOutOfRangeException(nameof(indicator));
        if (CheckAmount(indicator, amount) is { } violation) throw new DomainRuleException(violation);
        var target = new AnnualTarget { Year = year, Indicator = indicator, Amount = amount };
        target.Touch(actor, nowUtc);
        return target;
    }

    /// <summary>Why the target could not become <paramref name="amount"/>; null when it can.</summary>
    public RuleViolation? CheckChangeAmount(decimal amount)
    {
        if (CheckAmount(Indicator, amount) is { } violation) return violation;
        foreach (var sequence in Enum.GetValues<AssessmentSequence>())
        {
            var split = SharesOf(sequence).Sum(s => s.Amount);
            if (split > amount) return new RuleViolation("AnnualTarget.OverSplit", sequence, Arg(split), Arg(amount));
        }
        return null;
    }

    /// <summary>Changes the prefecture's target; refused below what a sequence has already split.</summary>
    public void ChangeAmount(decimal amount, Actor actor, DateTime nowUtc)
    {
        if (CheckChangeAmount(amount) is { } violation) throw new DomainRuleException(violation);
        if (amount == Amount) return;
        Amount = amount;
        Touch(actor, nowUtc);
    }

    /// <summary>The problems of a split, each against its line (field <c>unit:{UnitId}</c>) or the whole (<c>split</c>); empty when it may be saved.</summary>
    public IReadOnlyList<FieldViolation> CheckSplit(AssessmentSequence sequence, IReadOnlyList<SplitLine> lines)
    {
        var errors = new List<FieldViolation>();
        foreach (var line in lines)
        {
            var field = $"unit:{line.UnitId}";
            if (AnnualIndicators.SequenceOf(line.UnitType) != sequence) errors.Add(new FieldViolation(field, "AnnualTarget.NotInSequence"));
            else if (CheckAmount(Indicator, line.Amount) is { } violation) errors.Add(new FieldViolation(field, violation));
        }
        if (lines.GroupBy(l => l.UnitId).Any(g => g.Count() > 1)) errors.Add(new FieldViolation("split", "AnnualTarget.UnitTwice"));
        var sum = lines.Sum(l => l.Amount);
        if (errors.Count == 0 && sum > Amount) errors.Add(new FieldViolation("split", "AnnualTarget.OverSplit", sequence, Arg(sum), Arg(Amount)));
        return errors;
    }

    /// <summary>
    /// Replaces the split of one sequence: each line's unit gets its share; a unit left out loses its share. The
    /// split may leave a remainder (shown until it sums), never exceed the target.
    /// </summary>
    public void Split(AssessmentSequence sequence, IReadOnlyList<SplitLine> lines, Actor actor, DateTime nowUtc)
    {
        if (CheckSplit(sequence, lines) is [var first, ..]) throw new DomainRuleException(first.Violation);
        var changed = false;
        foreach (var share in SharesOf(sequence).ToList())
        {
            if (lines.Any(l => l.UnitId == share.UnitId)) continue;
            _shares.Remove(share);
            changed = true;
        }
        foreach (var line in lines)
        {
            var existing = _shares.FirstOrDefault(s => s.UnitId == line.UnitId);
            if (existing is null)
            {
                _shares.Add(new TargetShare(line.UnitId, sequence, line.Amount));
                changed = true;
            }
            else if (existing.Amount != line.Amount)
            {
                existing.Amount = line.Amount;
                changed = true;
            }
        }
        if (changed) Touch(actor, nowUtc);
    }

    /// <summary>An amount as a rule argument: money stays decimal (worded as 万元/亿元), a count becomes a whole number.</summary>
    private object Arg(decimal amount) => Indicator.IsMoney() ? amount : (object)(long)amount;

    private void Touch(Actor actor, DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        UpdatedBy = actor.UserName;
        Changes++;
        Raise(new AnnualTargetChanged(this));
    }
}

/// <summary>One unit's share of a prefecture target, within the unit's sequence.</summary>
public sealed class TargetShare : Entity, IAudited
{
    private TargetShare() { }

    internal TargetShare(int unitId, AssessmentSequence sequence, decimal amount)
    {
        UnitId = unitId;
        Sequence = sequence;
        Amount = amount;
    }

    public int AnnualTargetId { get; private set; }

    public int UnitId { get; private set; }

    public AssessmentSequence Sequence { get; private set; }

    public decimal Amount { get; internal set; }
}

/// <summary>A year's target or its split changed: the targets screens re-read the year.</summary>
public sealed record AnnualTargetChanged(AnnualTarget Target) : IDomainEvent;
