using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Evaluations;

public static class EvaluationTestData
{
    public static IReadOnlyList<CriterionJudgement> AllJudged(Judgement judgement = Judgement.Good, params (EvaluationCriterion Criterion, Judgement Judgement)[] except) =>
        EvaluationRules.AllCriteria.Select(c => new CriterionJudgement(c,
            except.Any(e => e.Criterion == c) ? except.First(e => e.Criterion == c).Judgement : judgement, $"{c} 意见")).ToList();

    public static EvaluationInput Pass(IReadOnlyList<CriterionJudgement>? criteria = null) =>
        new(TestProjects.Today, [1, 3, TestProjects.HostUnitId], "地区招商局张伟；纺织服装链主单位李明；莎车县王芳", criteria ?? AllJudged(), EvaluationDecision.Pass, "符合产业布局，要素保障落实");

    public static EvaluationInput Fail(string? reasons = "用水指标无法保障") =>
        new(TestProjects.Today, [1, 3, TestProjects.HostUnitId], "地区招商局张伟；莎车县王芳",
            AllJudged(Judgement.Acceptable, (EvaluationCriterion.FactorWater, Judgement.Unacceptable)), EvaluationDecision.Fail, reasons);
}
