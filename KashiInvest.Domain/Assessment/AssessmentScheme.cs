using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Assessment;

/// <summary>How an indicator's figure becomes a score on a 100-point scale. Stored as strings.</summary>
public enum ScoringMethod
{
    /// <summary>完成率: actual ÷ target × 100, capped at the rule's cap. Without a target the indicator is not scored.</summary>
    TargetShare,
    /// <summary>增长: actual ÷ last year's × 100 (100 = as much as last year), capped at the rule's cap. From zero last year: the cap when anything was done, 100 when nothing.</summary>
    Growth,
    /// <summary>功效系数法: within the sequence the best actual scores 100 and the worst 60, linear between; all equal → 100.</summary>
    EfficacyCoefficient,
}

/// <summary>What the platform's records add to or take from a score (Art. 31). Stored as strings.</summary>
public enum AssessmentFactKind
{
    /// <summary>虚报瞒报 — a monthly return found false (a correction after approval).</summary>
    FalseReport,
    /// <summary>签约未按期开工 — a project signed but not started in time.</summary>
    SignedNotStarted,
    /// <summary>承诺事项逾期 — an overdue commitment.</summary>
    OverdueCommitment,
    /// <summary>审批事项超时 — an overdue approval item.</summary>
    OverdueApproval,
    /// <summary>通报督办 — a listing in a bulletin's supervision list.</summary>
    SupervisionListing,
    /// <summary>世界500强项目 — a project signed with a Fortune Global 500 investor (a bonus).</summary>
    GlobalFiveHundredProject,
    /// <summary>中国500强项目 — a project signed with a China 500 investor (a bonus).</summary>
    ChinaFiveHundredProject,
}

/// <summary>The Bureau's manual check items, scored with written evidence. Stored as strings.</summary>
public enum CheckItemKind
{
    /// <summary>实地核查 — on-site check.</summary>
    OnSiteCheck,
    /// <summary>档案查阅 — archive review.</summary>
    ArchiveReview,
}

/// <summary>The four grades of Art. 31. Stored as strings.</summary>
public enum Grade
{
    /// <summary>好.</summary>
    Good,
    /// <summary>较好.</summary>
    FairlyGood,
    /// <summary>一般.</summary>
    Average,
    /// <summary>差.</summary>
    Poor,
}

public enum GradeRuleKind
{
    /// <summary>Fixed shares of each sequence's units per grade, by rank.</summary>
    Shares,
    /// <summary>Score bands: a total at or above a band's floor earns it.</summary>
    Bands,
}

/// <summary>
/// How one indicator is scored in one sequence: its weight (a sequence's weights need not sum to 100: the base score is
/// their weighted mean over the indicators that could be scored), the method, and the highest score
/// <paramref name="Cap"/> (e.g. 120 = 120 %).
/// </summary>
public sealed record IndicatorRule(AssessmentSequence Sequence, AnnualIndicator Indicator, decimal Weight, ScoringMethod Method, decimal Cap);

/// <summary>Points per record of a kind and the most that kind can add or take.</summary>
public sealed record PointRule(AssessmentFactKind Kind, decimal PointsPerItem, decimal Cap);

/// <summary>A manual check item: the Bureau enters between −MaxPoints and +MaxPoints with evidence.</summary>
public sealed record CheckItemRule(CheckItemKind Kind, decimal MaxPoints);

/// <summary>
/// The grade rule. <see cref="GradeRuleKind.Shares"/>: the top ⌊n × GoodShare⌋ ranked units of a sequence are 好, the
/// next ⌊n × FairlyGoodShare⌋ 较好, the bottom ⌊n × PoorShare⌋ 差, the rest 一般; a unit tied with the last unit inside
/// a better grade gets that grade too. <see cref="GradeRuleKind.Bands"/>: total ≥ GoodFrom → 好, ≥ FairlyGoodFrom → 较好,
/// ≥ AverageFrom → 一般, else 差.
/// </summary>
public sealed record GradeRule(
    GradeRuleKind Kind,
    decimal GoodShare,
    decimal FairlyGoodShare,
    decimal PoorShare,
    decimal GoodFrom,
    decimal FairlyGoodFrom,
    decimal AverageFrom);

/// <summary>A year's scheme: what is scored, how, the records' points, the check items and the grade rule.</summary>
public sealed record SchemeContent(
    IReadOnlyList<IndicatorRule> Indicators,
    IReadOnlyList<PointRule> Deductions,
    decimal DeductionCap,
    IReadOnlyList<PointRule> Bonuses,
    decimal BonusCap,
    IReadOnlyList<CheckItemRule> Checks,
    GradeRule Grades)
{
    public const decimal MaxPoints = 1000m;

    public static bool IsBonus(AssessmentFactKind kind) =>
        kind is AssessmentFactKind.GlobalFiveHundredProject or AssessmentFactKind.ChinaFiveHundredProject;

    /// <summary>The indicators scored in a sequence (weight above zero), in the scheme's order.</summary>
    public IEnumerable<IndicatorRule> RulesOf(AssessmentSequence sequence) => Indicators.Where(r => r.Sequence == sequence && r.Weight > 0m);

    /// <summary>
    /// The rule violations of the scheme, by field; empty when it can be used. A manual check item may allow at most
    /// <paramref name="maxCheckPoints"/> points either way (the setting <see cref="AssessmentSettings.MaxCheckPoints"/>;
    /// the aggregate itself holds to <see cref="AssessmentSettings.AbsoluteMaxCheckPoints"/>).
    /// </summary>
    public IReadOnlyList<FieldViolation> Validate(decimal maxCheckPoints = AssessmentSettings.AbsoluteMaxCheckPoints)
    {
        var errors = new List<FieldViolation>();
        foreach (var rule in Indicators)
        {
            var field = $"Indicator.{rule.Sequence}.{rule.Indicator}";
            if (Indicators.Count(r => r.Sequence == rule.Sequence && r.Indicator == rule.Indicator) > 1) errors.Add(new(field, "Assessment.DuplicateIndicator"));
            if (rule.Weight < 0m || rule.Weight > 100m) errors.Add(new(field + ".Weight", "Assessment.WeightRange", 0, 100));
            if (rule.Cap < 100m || rule.Cap > 200m) errors.Add(new(field + ".Cap", "Assessment.CapRange", 100, 200));
        }
        foreach (var sequence in Enum.GetValues<AssessmentSequence>())
        {
            if (!RulesOf(sequence).Any()) errors.Add(new($"Indicator.{sequence}", "Assessment.NoWeights"));
        }
        foreach (var (rule, field) in Deductions.Select(d => (d, "Deduction")).Concat(Bonuses.Select(b => (b, "Bonus"))))
        {
            if (SchemeContent.IsBonus(rule.Kind) != (field == "Bonus")) errors.Add(new($"{field}.{rule.Kind}", "Assessment.WrongSide"));
            if (rule.PointsPerItem < 0m || rule.PointsPerItem > 100m) errors.Add(new($"{field}.{rule.Kind}.Points", "Assessment.PointsRange", 0, 100));
            if (rule.Cap < 0m || rule.Cap > 100m) errors.Add(new($"{field}.{rule.Kind}.Cap", "Assessment.PointsRange", 0, 100));
        }
        if (DeductionCap < 0m || DeductionCap > 100m) errors.Add(new("DeductionCap", "Assessment.PointsRange", 0, 100));
        if (BonusCap < 0m || BonusCap > 100m) errors.Add(new("BonusCap", "Assessment.PointsRange", 0, 100));
        foreach (var check in Checks)
        {
            if (check.MaxPoints < 0m || check.MaxPoints > maxCheckPoints) errors.Add(new($"Check.{check.Kind}", "Assessment.PointsRange", 0, maxCheckPoints));
        }
        var g = Grades;
        if (g.Kind == GradeRuleKind.Shares)
        {
            if (g.GoodShare < 0m || g.FairlyGoodShare < 0m || g.PoorShare < 0m || g.GoodShare + g.FairlyGoodShare + g.PoorShare > 1m)
                errors.Add(new("Grades.Shares", "Assessment.SharesRange"));
        }
        else if (!(g.GoodFrom > g.FairlyGoodFrom && g.FairlyGoodFrom > g.AverageFrom && g.AverageFrom >= 0m))
        {
            errors.Add(new("Grades.Bands", "Assessment.BandsOrder"));
        }
        return errors;
    }
}

/// <summary>
/// The documented default scheme (used for a year that has none yet; the Bureau edits it until the year is final).
/// Counties and KEDZ, by share of target capped at 120 %: out-of-region funds 30, funds in place 10, signed investment
/// 15, new projects 10, ≥1亿 10, ≥3亿 5, started 10, in production 10. Sub-bureaus: signed projects 40 and tiered-investor
/// projects 30 by share of target, signed investment 30 by efficacy coefficient. Chain leads: signed investment 30 and
/// out-of-region funds 30 by growth on last year (capped 120), started 20 and in production 20 by share of target.
/// Deductions per record (cap per kind): false report 5 (10), signed not started 2 (6), overdue commitment 2 (6),
/// overdue approval 1 (5), supervision listing 3 (6); all deductions at most 20. Bonuses: Global-500 project 3 (6),
/// China-500 project 1 (3); all bonuses at most 6. Checks: on-site ±5, archive review ±5. Grades by shares: 20 % 好,
/// 30 % 较好, 10 % 差, the rest 一般 (bands, when chosen: 90 / 80 / 60).
/// </summary>
public static class AssessmentDefaults
{
    public const decimal Cap = 120m;

    public static SchemeContent Scheme()
    {
        const AssessmentSequence c = AssessmentSequence.CountiesAndZone, b = AssessmentSequence.SubBureaus, l = AssessmentSequence.ChainLeads;
        static IndicatorRule R(AssessmentSequence s, AnnualIndicator i, decimal w, ScoringMethod m = ScoringMethod.TargetShare) => new(s, i, w, m, Cap);
        return new SchemeContent(
            [
                R(c, AnnualIndicator.OutOfRegionFunds, 30), R(c, AnnualIndicator.FundsInPlace, 10), R(c, AnnualIndicator.SignedInvestment, 15),
                R(c, AnnualIndicator.SignedProjects, 10), R(c, AnnualIndicator.SignedLarge, 10), R(c, AnnualIndicator.SignedMajor, 5),
                R(c, AnnualIndicator.ProjectsStarted, 10), R(c, AnnualIndicator.ProjectsInProduction, 10),
                R(b, AnnualIndicator.SignedProjects, 40), R(b, AnnualIndicator.TieredInvestorProjects, 30),
                R(b, AnnualIndicator.SignedInvestment, 30, ScoringMethod.EfficacyCoefficient),
                R(l, AnnualIndicator.SignedInvestment, 30, ScoringMethod.Growth), R(l, AnnualIndicator.OutOfRegionFunds, 30, ScoringMethod.Growth),
                R(l, AnnualIndicator.ProjectsStarted, 20), R(l, AnnualIndicator.ProjectsInProduction, 20),
            ],
            [
                new(AssessmentFactKind.FalseReport, 5, 10), new(AssessmentFactKind.SignedNotStarted, 2, 6),
                new(AssessmentFactKind.OverdueCommitment, 2, 6), new(AssessmentFactKind.OverdueApproval, 1, 5),
                new(AssessmentFactKind.SupervisionListing, 3, 6),
            ],
            20m,
            [new(AssessmentFactKind.GlobalFiveHundredProject, 3, 6), new(AssessmentFactKind.ChinaFiveHundredProject, 1, 3)],
            6m,
            [new(CheckItemKind.OnSiteCheck, 5), new(CheckItemKind.ArchiveReview, 5)],
            new GradeRule(GradeRuleKind.Shares, 0.2m, 0.3m, 0.1m, 90m, 80m, 60m));
    }
}

/// <summary>
/// A year's assessment scheme. The Bureau edits it while the year's assessment is not final; once final it is frozen
/// and every later edit is refused, so a published result can always be recomputed from the scheme it used.
/// </summary>
public sealed class AssessmentScheme : AggregateRoot, IAudited
{
    private AssessmentScheme() { Content = null!; UpdatedBy = string.Empty; }

    public int Year { get; private set; }
    public SchemeContent Content { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public string UpdatedBy { get; private set; }
    /// <summary>When the year's assessment became final; null while the scheme may change.</summary>
    public DateTime? FrozenAtUtc { get; private set; }
    public bool IsFrozen => FrozenAtUtc is not null;

    public static AssessmentScheme Create(int year, SchemeContent content, Actor actor, DateTime nowUtc)
    {
        if (year is < 2000 or > 2100) throw new DomainRuleException("Assessment.YearRange", 2000, 2100);
        if (content.Validate() is [var first, ..]) throw new DomainRuleException(first.Violation);
        return new AssessmentScheme { Year = year, Content = content, UpdatedAtUtc = nowUtc, UpdatedBy = actor.UserName };
    }

    /// <summary>Why <see cref="Edit"/> would refuse; null when it may proceed.</summary>
    public RuleViolation? CheckEdit(UserScope scope)
    {
        if (!AssessmentAccess.CanManage(scope)) return new RuleViolation("Assessment.BureauOnly");
        return IsFrozen ? new RuleViolation("Assessment.SchemeFrozen", Year) : null;
    }

    /// <summary>Replaces the scheme's content; refused once frozen or when the content is invalid.</summary>
    public void Edit(UserScope scope, SchemeContent content, DateTime nowUtc)
    {
        if (CheckEdit(scope) is { } violation) throw new DomainRuleException(violation);
        if (content.Validate() is [var first, ..]) throw new DomainRuleException(first.Violation);
        Content = content;
        UpdatedAtUtc = nowUtc;
        UpdatedBy = scope.UserName;
        Raise(new AssessmentChanged(Year));
    }

    /// <summary>Called when the year's assessment becomes final.</summary>
    internal void Freeze(DateTime nowUtc)
    {
        FrozenAtUtc ??= nowUtc;
        Raise(new AssessmentChanged(Year));
    }
}

/// <summary>Raised when a year's scheme or round changes; the live notice carries only the year.</summary>
public sealed record AssessmentChanged(int Year) : IDomainEvent;

/// <summary>Who may do what in the assessment.</summary>
public static class AssessmentAccess
{
    /// <summary>The Bureau runs the round and edits the scheme.</summary>
    public static bool CanManage(UserScope scope) => scope.Role is ActorRole.Bureau or ActorRole.Administrator;

    /// <summary>The leader in charge (分管领导) reviews.</summary>
    public static bool CanReview(UserScope scope) => scope.Role is ActorRole.Leader or ActorRole.Administrator;

    /// <summary>Drafts are read by the Bureau and the leaders; a final result by every signed-in unit.</summary>
    public static bool CanRead(UserScope scope, RoundStatus status) =>
        status == RoundStatus.Final || CanManage(scope) || CanReview(scope) || scope.Role == ActorRole.Display;

    /// <summary>
    /// The evidence of a manual check item (what the on-site check found, the files reviewed) is read by the Bureau, the
    /// leaders and the unit assessed only — not by other units, nor on the projector — even once the results are published.
    /// </summary>
    public static bool CanSeeEvidence(UserScope scope, int unitId) => CanManage(scope) || CanReview(scope) || scope.UnitId == unitId;
}
