using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Signing;
using KashiInvest.Domain.Triage;
using KashiInvest.Domain.Units;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Replays the demo plan's stage moves through the life-cycle procedures (Art. 19 triage, Art. 20 evaluation,
/// Art. 22 signing and work group) so that demo projects carry their analyses, reviews, decisions, evaluation
/// records, agreements and work groups: a tiered project signed in the demo has a passed evaluation behind it.
/// </summary>
public sealed class LifecycleDemoData(DemoReference reference)
{
    private readonly int _bureauId = reference.Unit(ReferenceData.BureauCode).Id;
    private readonly int _leadersId = reference.Unit(ReferenceData.LeadersCode).Id;
    private readonly int[] _departments = reference.Units.Where(u => u.Type == UnitType.Department).Select(u => u.Id).ToArray();
    private int _tieredLeadsInTriage;

    private static readonly string[] Analyses =
    [
        "企业为行业头部企业，投资意向明确，项目符合地区产业链布局，建议地区统筹洽谈。",
        "企业资金实力较强，拟建项目与园区定位一致，需重点关注用水和用电保障，建议推进。",
        "项目契合纺织服装产业链补链需求，建议由地区分管领导牵头洽谈。",
    ];
    private static readonly string[] Meetings = ["地区招商引资工作领导小组专题会议", "地区招商引资工作领导小组第4次会议", "地区招商引资调度会"];
    private static readonly string[] CountyLeaders = ["县委副书记 阿布都热合曼", "副县长 李强", "副县长 古丽米拉", "县委常委 张涛"];
    private static readonly string[] PrincipalLeaders = ["县委书记 王海", "县长 艾尼瓦尔", "县委书记 刘建军", "县长 买买提江"];

    /// <summary>Applies the plan's step <paramref name="index"/>; returns how many further steps it consumed (a fail consumes the move to reserve).</summary>
    public int ApplyMove(Project project, ProjectPlan plan, int index)
    {
        var step = plan.Steps[index];
        var to = step.To!.Value;
        var at = step.AtUtc;
        var bureau = new Actor(ReferenceData.BureauCode, _bureauId);
        var host = new Actor(plan.HostCode, plan.HostUnitId);
        var prefecture = project.CoordinationLevel == CoordinationLevel.Prefecture;
        var seed = Seed(plan.Code);

        switch (project.Stage, to)
        {
            case (ProjectStage.Lead, ProjectStage.Triage) when prefecture:
                project.Triage(TriageAction.Analyse, ActorRole.Bureau, new TriageInput(step.Note ?? Analyses[seed % Analyses.Length], TriageRecommendation.Pursue), bureau, at);
                // Every other tiered lead still in triage (the first included) has been approved by a leader and waits
                // for the leading group: whenever the day's plan has two or more, both states are in the demo, whatever
                // codes it draws (the day's plan decides how many tiered leads are in triage).
                if (plan.TargetStage == ProjectStage.Triage && _tieredLeadsInTriage++ % 2 == 0)
                    project.Triage(TriageAction.Approve, ActorRole.Leader, new TriageInput("同意招商局分析意见"), new Actor("leader", _leadersId), at.AddHours(20));
                return 0;
            case (ProjectStage.Lead, ProjectStage.Triage):
                project.Triage(TriageAction.Route, ActorRole.Bureau, new TriageInput(step.Note), bureau, at);
                return 0;
            case (ProjectStage.Triage, ProjectStage.Negotiating) when prefecture:
                if (project.TriageStatus != TriageStatus.Approved)
                    project.Triage(TriageAction.Approve, ActorRole.Leader, new TriageInput("同意"), new Actor("leader", _leadersId), at.AddHours(-4));
                project.Triage(TriageAction.Decide, ActorRole.Bureau,
                    new TriageInput(step.Note, null, project.ResponsibleLeader ?? "地区副专员 王建国", BeijingTime.DateOf(at), Meetings[seed % Meetings.Length]), bureau, at);
                return 0;
            case (ProjectStage.Triage, ProjectStage.Negotiating):
                project.Triage(TriageAction.StartCountyNegotiation, ActorRole.AttractingUnit, new TriageInput(step.Note), host, at);
                return 0;
            case (ProjectStage.Negotiating, ProjectStage.Evaluation):
                var fails = index + 1 < plan.Steps.Count && plan.Steps[index + 1] is { Kind: ProjectStepKind.Move, To: ProjectStage.Reserve };
                var reasons = fails ? plan.Steps[index + 1].Note : step.Note;
                var (role, by) = prefecture ? (ActorRole.Bureau, bureau) : (ActorRole.AttractingUnit, host);
                project.RecordEvaluation(Evaluation(project, plan, at, fails, reasons), role, by, at);
                return fails ? 1 : 0;
            case (ProjectStage.Evaluation, ProjectStage.Signed):
                project.Sign(new AgreementInput(step.Date, project.PlannedInvestmentWan, project.ExpectedJobs, 10 + seed % 20, $"{plan.HostCode.ToUpperInvariant()}-XY-{step.Date:yyyy}-{seed:000}"),
                    ActorRole.AttractingUnit, host, at, WorkGroupThresholds.Default);
                return 0;
            default:
                project.MoveTo(new StageTransition(to, step.Note, step.TerminationReason, step.Date), new Actor(step.By.UserName, step.By.UnitId), at);
                return 0;
        }
    }

    /// <summary>After the replay: most signed projects that need a work group have a complete one; about a third still lack parts.</summary>
    public void FormWorkGroup(Project project, ProjectPlan plan, DateTime atUtc)
    {
        if (!project.Stage.IsSignedOrLater() || project.WorkGroupLevel == WorkGroupLevel.None || _departments.Length < 3) return;
        var seed = Seed(plan.Code);
        if (seed % 3 == 0) return;
        var key = project.WorkGroupLevel == WorkGroupLevel.KeyProject;
        var count = 2 + seed % 2;
        var departments = Enumerable.Range(0, count).Select(i => _departments[(seed + i * 3) % _departments.Length]).Distinct().ToArray();
        var service = reference.Units.FirstOrDefault(u => u.Code == $"svc-{plan.HostCode}")?.Id;
        var leader = key ? PrincipalLeaders[seed % PrincipalLeaders.Length] : project.LeaderInCharge ?? CountyLeaders[seed % CountyLeaders.Length];
        var input = new WorkGroupInput(leader, key, departments, service);
        if (project.CheckWorkGroup(input, ActorRole.AttractingUnit, plan.HostUnitId) is null)
            project.SetWorkGroup(input, ActorRole.AttractingUnit, new Actor(plan.HostCode, plan.HostUnitId), atUtc);
    }

    /// <summary>A stable number from the project code (string.GetHashCode differs between runs).</summary>
    private static int Seed(string code) => code.Aggregate(17, (h, c) => (h * 31 + c) % 9973) % 97;

    private EvaluationInput Evaluation(Project project, ProjectPlan plan, DateTime at, bool fails, string? reasons)
    {
        var chainLead = reference.Chains.FirstOrDefault(c => c.Id == plan.ChainId)?.LeadUnitId;
        int[] units = chainLead is { } lead ? [_bureauId, lead, plan.HostUnitId] : [_bureauId, plan.HostUnitId];
        var failing = fails ? EvaluationCriterion.FactorWater + Seed(plan.Code) % 3 : (EvaluationCriterion?)null;
        var criteria = EvaluationRules.AllCriteria.Select(c => new CriterionJudgement(c,
            c == failing ? Judgement.Unacceptable : c is EvaluationCriterion.Feasibility or EvaluationCriterion.PlanFit ? Judgement.Good : Judgement.Acceptable,
            c == failing ? "现有指标无法满足项目需求" : null)).ToList();
        return new EvaluationInput(BeijingTime.DateOf(at), units, "地区招商局、链主单位、县市招商部门负责同志", criteria,
            fails ? EvaluationDecision.Fail : EvaluationDecision.Pass, reasons ?? (fails ? "要素保障无法落实" : "符合产业布局和园区定位"));
    }
}
