using System.Globalization;
using KashiInvest.Domain.Assessment;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Assessment;

/// <summary>The words of the assessment that the pages, the printable results and the .docx share, in the current UI culture.</summary>
public sealed class AssessmentWords(UiText t, IReadOnlyDictionary<int, AssessedUnit> units)
{
    public UiText T => t;

    public string Unit(int id) => units.TryGetValue(id, out var u) ? Localized.Pick(u.Name, u.NameEn) : $"#{id}";

    public string Sequence(AssessmentSequence s) => t[$"Assessment.Sequence.{s}"];

    public string Indicator(AnnualIndicator i) => t[$"Assessment.Indicator.{i}"];

    public string Grade(Grade g) => t[$"Assessment.Grade.{g}"];

    public string Status(RoundStatus? s) => s is { } v ? t[$"Assessment.Status.{v}"] : t["Assessment.Status.None"];

    public string Fact(AssessmentFactKind k) => t[$"Assessment.Fact.{k}"];

    public string Check(CheckItemKind k) => t[$"Assessment.Check.{k}"];

    public string Method(ScoringMethod m) => t[$"Assessment.Method.{m}"];

    public static string Points(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    public static string Signed(decimal value) => value.ToString("+0.##;-0.##;0", CultureInfo.CurrentCulture);

    /// <summary>A figure: money in 万元 with the unit, a count as a number.</summary>
    public string Figure(AnnualIndicator i, decimal? value) => value is not { } v ? "—" : i.IsMoney() ? t.Money(v) : v.ToString("#,0.##", CultureInfo.CurrentCulture);

    /// <summary>The rule applied to one indicator line, with its figures: "完成 900 / 目标 1,000 = 90%（上限 120%）".</summary>
    public string Rule(IndicatorScore line)
    {
        if (!line.Scored) return t[$"Assessment.NotScored.{line.Method}"];
        var cap = line.Capped ? t["Assessment.Rule.Capped", Points(line.Cap)] : string.Empty;
        return line.Method switch
        {
            ScoringMethod.TargetShare => t["Assessment.Rule.TargetShare", Figure(line.Indicator, line.Actual), Figure(line.Indicator, line.Target), Points(line.Score)] + cap,
            ScoringMethod.Growth => t["Assessment.Rule.Growth", Figure(line.Indicator, line.Actual), Figure(line.Indicator, line.LastYear), Points(line.Score)] + cap,
            _ => t["Assessment.Rule.Efficacy", Figure(line.Indicator, line.Actual), Figure(line.Indicator, line.Best), Figure(line.Indicator, line.Worst), Points(line.Score)],
        };
    }

    /// <summary>The units of a sequence in rank order.</summary>
    public static IReadOnlyList<UnitAssessment> Ranking(AssessmentRound round, AssessmentSequence s) =>
        round.Results.Where(r => r.Sequence == s).OrderBy(r => r.Rank).ThenByDescending(r => r.BaseScore).ThenBy(r => r.UnitId).ToList();

    /// <summary>The sequences that have results, in their order.</summary>
    public static IEnumerable<AssessmentSequence> Sequences(AssessmentRound round) =>
        Enum.GetValues<AssessmentSequence>().Where(s => round.Results.Any(r => r.Sequence == s));

    /// <summary>The praise sentence of a sequence (its 好 units), or null when none.</summary>
    public string? Praise(AssessmentRound round, AssessmentSequence s)
    {
        var good = Ranking(round, s).Where(r => r.Grade == Domain.Assessment.Grade.Good).Select(r => Unit(r.UnitId)).ToList();
        return good.Count == 0 ? null : t["Assessment.Results.Praise", Sequence(s), string.Join(t["Assessment.Results.Separator"], good)];
    }

    /// <summary>The criticism sentence of a sequence (its 差 units), or null when none.</summary>
    public string? Criticism(AssessmentRound round, AssessmentSequence s)
    {
        var poor = Ranking(round, s).Where(r => r.Grade == Domain.Assessment.Grade.Poor).Select(r => Unit(r.UnitId)).ToList();
        return poor.Count == 0 ? null : t["Assessment.Results.Criticism", Sequence(s), string.Join(t["Assessment.Results.Separator"], poor)];
    }

    public IReadOnlyList<string> RankingColumns() =>
        [t["Assessment.Col.Rank"], t["Assessment.Col.Unit"], t["Assessment.Col.Base"], t["Assessment.Col.Deductions"], t["Assessment.Col.Bonuses"],
         t["Assessment.Col.Checks"], t["Assessment.Col.Total"], t["Assessment.Col.Grade"]];

    public IReadOnlyList<string> RankingCells(UnitAssessment r) =>
        [r.Rank.ToString(CultureInfo.CurrentCulture), Unit(r.UnitId), Points(r.BaseScore), Points(-r.Deductions), Signed(r.Bonuses), Signed(r.CheckTotal),
         Points(r.Total), Grade(r.Grade)];
}
