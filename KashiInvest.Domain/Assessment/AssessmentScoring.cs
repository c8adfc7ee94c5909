using KashiInvest.Domain.Statistics;

namespace KashiInvest.Domain.Assessment;

/// <summary>Where a record behind a deduction or bonus lives, so the breakdown can link to it.</summary>
public enum FactSource { Project, Commitment, ApprovalItem, Bulletin, MonthlyReturn }

/// <summary>One platform record that adds or takes points: its kind, where it lives and what to call it.</summary>
public sealed record AssessmentFact(AssessmentFactKind Kind, FactSource Source, int SourceId, string Label);

/// <summary>One unit's figure for an indicator: its target (null: none set), the year's actual and last year's.</summary>
public sealed record IndicatorFigure(AnnualIndicator Indicator, decimal? Target, decimal Actual, decimal? LastYear);

/// <summary>Everything the scoring needs about one unit.</summary>
public sealed record UnitInput(int UnitId, AssessmentSequence Sequence, IReadOnlyList<IndicatorFigure> Figures, IReadOnlyList<AssessmentFact> Facts);

/// <summary>A manual check's points as entered by the Bureau (evidence lives on the round's entry).</summary>
public sealed record CheckPoints(int UnitId, CheckItemKind Kind, decimal Points);

/// <summary>
/// One indicator's line of a unit's breakdown: the figures read, the method and cap applied, the score on the 100-point
/// scale and the points it contributes (weight ÷ the sum of scored weights × score). <see cref="Best"/> and
/// <see cref="Worst"/> are the sequence's extremes for the efficacy coefficient. Not scored: no target for a share of
/// target, no figure of last year for growth.
/// </summary>
public sealed record IndicatorScore(
    AnnualIndicator Indicator, ScoringMethod Method, decimal Weight, decimal Cap,
    decimal? Target, decimal Actual, decimal? LastYear, decimal? Best, decimal? Worst,
    bool Scored, decimal Score, bool Capped, decimal Points);

/// <summary>One kind of deduction or bonus on a unit: the records, points per record, the points after the kind's cap.</summary>
public sealed record FactScore(AssessmentFactKind Kind, bool IsBonus, decimal PointsPerItem, decimal Cap, decimal Points, bool Capped, IReadOnlyList<AssessmentFact> Records);

/// <summary>
/// A unit's assessed result. Total = base + bonuses − deductions + checks, never below zero, rounded to two decimals.
/// <see cref="Rank"/> is within the sequence.
/// </summary>
public sealed record UnitAssessment(
    int UnitId, AssessmentSequence Sequence,
    IReadOnlyList<IndicatorScore> Indicators, IReadOnlyList<FactScore> Facts, IReadOnlyList<CheckPoints> Checks,
    decimal BaseScore, decimal Deductions, bool DeductionsCapped, decimal Bonuses, bool BonusesCapped, decimal CheckTotal,
    decimal Total, int Rank, Grade Grade);

/// <summary>
/// The scoring of a year: the scheme applied to every unit's figures and records.
/// <para>Tie rule: units with the same total (two decimals) share a rank (1, 2, 2, 4); they are listed by base score,
/// then by unit id. Under the share grade rule a unit tied with the last unit inside a better grade gets that grade.</para>
/// </summary>
public static class AssessmentScoring
{
    public static IReadOnlyList<UnitAssessment> Score(SchemeContent scheme, IReadOnlyList<UnitInput> units, IReadOnlyList<CheckPoints> checks)
    {
        var result = new List<UnitAssessment>();
        foreach (var group in units.GroupBy(u => u.Sequence).OrderBy(g => g.Key))
        {
            var members = group.ToList();
            var unranked = members.Select(u => Unit(scheme, u, members, checks.Where(c => c.UnitId == u.UnitId).ToList())).ToList();
            result.AddRange(RankAndGrade(scheme.Grades, unranked));
        }
        return result;
    }

    /// <summary>Share of target met (%), capped; null without a positive target.</summary>
    public static decimal? TargetShare(decimal? target, decimal actual, decimal cap) =>
        target is > 0m ? Math.Min(cap, Math.Max(0m, actual) / target.Value * 100m) : null;

    /// <summary>This year's figure as a percentage of last year's, capped; from zero: the cap if anything was done, else 100. Null without last year's figure.</summary>
    public static decimal? GrowthScore(decimal? lastYear, decimal actual, decimal cap) => lastYear switch
    {
        null => null,
        <= 0m => actual > 0m ? cap : 100m,
        _ => Math.Min(cap, Math.Max(0m, actual) / lastYear.Value * 100m),
    };

    /// <summary>Efficacy coefficient: 60 + 40 × (x − worst) ÷ (best − worst); 100 for everyone when best equals worst.</summary>
    public static decimal Efficacy(decimal value, decimal best, decimal worst) =>
        best == worst ? 100m : 60m + 40m * (value - worst) / (best - worst);

    /// <summary>Points of one kind of record: count × points per record, at most the kind's cap.</summary>
    public static (decimal Points, bool Capped) KindPoints(int count, PointRule rule)
    {
        var raw = count * rule.PointsPerItem;
        return raw > rule.Cap ? (rule.Cap, true) : (raw, false);
    }

    private static UnitAssessment Unit(SchemeContent scheme, UnitInput unit, IReadOnlyList<UnitInput> sequence, IReadOnlyList<CheckPoints> checks)
    {
        var lines = new List<IndicatorScore>();
        foreach (var rule in scheme.RulesOf(unit.Sequence))
        {
            var figure = unit.Figures.FirstOrDefault(f => f.Indicator == rule.Indicator) ?? new IndicatorFigure(rule.Indicator, null, 0m, null);
            decimal? best = null, worst = null, raw;
            switch (rule.Method)
            {
                case ScoringMethod.TargetShare:
                    raw = figure.Target is > 0m ? Math.Max(0m, figure.Actual) / figure.Target.Value * 100m : null;
                    break;
                case ScoringMethod.Growth:
                    raw = figure.LastYear switch { null => null, <= 0m => figure.Actual > 0m ? decimal.MaxValue : 100m, _ => Math.Max(0m, figure.Actual) / figure.LastYear.Value * 100m };
                    break;
                default:
                    var values = sequence.Select(u => u.Figures.FirstOrDefault(f => f.Indicator == rule.Indicator)?.Actual ?? 0m).ToList();
                    best = values.Max();
                    worst = values.Min();
                    raw = Efficacy(figure.Actual, best.Value, worst.Value);
                    break;
            }
            var capped = raw > rule.Cap;
            var score = raw is null ? 0m : Math.Round(Math.Min(rule.Cap, raw.Value), 2);
            lines.Add(new IndicatorScore(rule.Indicator, rule.Method, rule.Weight, rule.Cap, figure.Target, figure.Actual, figure.LastYear,
                best, worst, raw is not null, score, capped, 0m));
        }
        var scoredWeight = lines.Where(l => l.Scored).Sum(l => l.Weight);
        lines = lines.Select(l => l with { Points = l.Scored && scoredWeight > 0m ? Math.Round(l.Weight / scoredWeight * l.Score, 2) : 0m }).ToList();
        var baseScore = lines.Sum(l => l.Points);

        var facts = new List<FactScore>();
        foreach (var rule in scheme.Deductions.Concat(scheme.Bonuses))
        {
            var records = unit.Facts.Where(f => f.Kind == rule.Kind).ToList();
            if (records.Count == 0) continue;
            var (points, capped) = KindPoints(records.Count, rule);
            facts.Add(new FactScore(rule.Kind, SchemeContent.IsBonus(rule.Kind), rule.PointsPerItem, rule.Cap, points, capped, records));
        }
        var deductionsRaw = facts.Where(f => !f.IsBonus).Sum(f => f.Points);
        var bonusesRaw = facts.Where(f => f.IsBonus).Sum(f => f.Points);
        var deductions = Math.Min(deductionsRaw, scheme.DeductionCap);
        var bonuses = Math.Min(bonusesRaw, scheme.BonusCap);
        var checkTotal = checks.Sum(c => c.Points);
        var total = Math.Round(Math.Max(0m, baseScore + bonuses - deductions + checkTotal), 2);
        return new UnitAssessment(unit.UnitId, unit.Sequence, lines, facts, checks, baseScore, deductions, deductionsRaw > scheme.DeductionCap,
            bonuses, bonusesRaw > scheme.BonusCap, checkTotal, total, 0, Grade.Average);
    }

    private static IEnumerable<UnitAssessment> RankAndGrade(GradeRule rule, List<UnitAssessment> units)
    {
        var ordered = units.OrderByDescending(u => u.Total).ThenByDescending(u => u.BaseScore).ThenBy(u => u.UnitId).ToList();
        var ranked = Ranking.Competition(ordered, u => u.Total).Select(r => r.Item with { Rank = r.Rank!.Value }).ToList();
        var grades = Grades(rule, ranked.Select(u => (u.Rank, u.Total)).ToList());
        return ranked.Select((u, i) => u with { Grade = grades[i] });
    }

    /// <summary>The grades of a sequence's units given in rank order (rank, total), by the rule.</summary>
    public static IReadOnlyList<Grade> Grades(GradeRule rule, IReadOnlyList<(int Rank, decimal Total)> ranked)
    {
        if (rule.Kind == GradeRuleKind.Bands)
        {
            return ranked.Select(r => r.Total >= rule.GoodFrom ? Grade.Good
                : r.Total >= rule.FairlyGoodFrom ? Grade.FairlyGood
                : r.Total >= rule.AverageFrom ? Grade.Average : Grade.Poor).ToList();
        }
        var n = ranked.Count;
        var good = (int)Math.Floor(n * rule.GoodShare);
        var fairly = (int)Math.Floor(n * rule.FairlyGoodShare);
        var poor = (int)Math.Floor(n * rule.PoorShare);
        // A unit's grade by position; a tie with a better-graded unit lifts it (ranks are equal exactly when tied).
        var grades = new Grade[n];
        for (var i = 0; i < n; i++)
        {
            grades[i] = i < good ? Grade.Good : i < good + fairly ? Grade.FairlyGood : i >= n - poor ? Grade.Poor : Grade.Average;
            if (i > 0 && ranked[i].Rank == ranked[i - 1].Rank && grades[i - 1] < grades[i]) grades[i] = grades[i - 1];
        }
        return grades;
    }
}
