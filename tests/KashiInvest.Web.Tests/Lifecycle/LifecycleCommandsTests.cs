using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Triage;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Evaluations;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Features.Signing;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Features.Triage;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Lifecycle;

/// <summary>Triage, evaluation and signing use cases (Art. 19, 20, 22) on the seeded demo database.</summary>
public sealed class LifecycleCommandsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly UserScope Leader = new("leader", "地区分管领导", ActorRole.Leader, null, [], []);

    private T Get<T>() where T : notnull => database.Services.GetRequiredService<T>();
    private DateOnly Today => BeijingTime.Today(Get<TimeProvider>());

    private Task<int> NewLeadAsync(string name, InvestorTier tiers, ProjectStage stage = ProjectStage.Lead, string? leader = null) =>
        database.QueryAsync(db => LifecycleTestData.NewLeadAsync(db, name, tiers, stage: stage, responsibleLeader: leader));

    private Task<Project> ReadAsync(int id) => database.QueryAsync(db => db.Projects.AsNoTracking()
        .Include(p => p.TriageSteps).Include(p => p.Evaluations).Include(p => p.StageHistory).Include(p => p.WorkGroupDepartments).SingleAsync(p => p.Id == id));

    [Fact]
    public async Task A_tiered_lead_walks_triage_step_by_step_and_each_step_is_stored_and_audited()
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var id = await NewLeadAsync("分层研判测试项目", InvestorTier.Listed);
        var commands = Get<TriageCommands>();

        var analysed = await commands.ExecuteAsync(bureau, id, (await ReadAsync(id)).Version, TriageAction.Analyse, new("上市公司，建议地区统筹", TriageRecommendation.Pursue));
        Assert.Equal(WriteStatus.Saved, analysed.Status);
        var afterAnalysis = await ReadAsync(id);
        Assert.Equal((ProjectStage.Triage, TriageStatus.Analysed), (afterAnalysis.Stage, afterAnalysis.TriageStatus));

        var wrongRole = await commands.ExecuteAsync(bureau, id, afterAnalysis.Version, TriageAction.Approve, new());
        Assert.Equal("Triage.WrongRole", wrongRole.Errors!.Single().Violation.Code);

        Assert.Equal(WriteStatus.Saved, (await commands.ExecuteAsync(Leader, id, afterAnalysis.Version, TriageAction.Approve, new("同意"))).Status);
        var decided = await commands.ExecuteAsync(bureau, id, (await ReadAsync(id)).Version, TriageAction.Decide, new(null, null, "王建国", Today, "领导小组会议"));
        Assert.Equal(WriteStatus.Saved, decided.Status);

        var project = await ReadAsync(id);
        Assert.Equal((ProjectStage.Negotiating, "王建国"), (project.Stage, project.ResponsibleLeader));
        Assert.Equal(["bureau", "leader", "bureau"], project.TriageSteps.OrderBy(s => s.Id).Select(s => s.By));
        var audited = await database.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(TriageStep) && a.UnitId == bureau.UnitId));
        Assert.True(audited >= 2);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_writes_nothing()
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var id = await NewLeadAsync("并发测试项目", InvestorTier.Unicorn);
        var version = (await ReadAsync(id)).Version;
        Assert.Equal(WriteStatus.Saved, (await Get<TriageCommands>().ExecuteAsync(bureau, id, version, TriageAction.Analyse, new("分析", TriageRecommendation.Pursue))).Status);

        var stale = await Get<TriageCommands>().ExecuteAsync(Leader, id, version, TriageAction.Approve, new());

        Assert.Equal(WriteStatus.Conflict, stale.Status);
        Assert.Equal(TriageStatus.Analysed, (await ReadAsync(id)).TriageStatus);
        Assert.Single((await ReadAsync(id)).TriageSteps);
    }

    [Fact]
    public async Task A_bare_stage_change_of_a_tiered_lead_is_refused_in_favour_of_triage()
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var id = await NewLeadAsync("跳过研判测试项目", InvestorTier.China500);

        var result = await Get<ChangeStageCommand>().ExecuteAsync(bureau, id, (await ReadAsync(id)).Version, new StageTransition(ProjectStage.Triage, "直接推进"));

        Assert.Equal("Stage.UseProcedure", result.Errors!.Single().Violation.Code);
        Assert.Equal(ProjectStage.Lead, (await ReadAsync(id)).Stage);
    }

    [Fact]
    public async Task A_failed_evaluation_writes_the_record_and_both_moves_in_one_transaction_and_a_bad_one_writes_nothing()
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var id = await NewLeadAsync("评估不通过测试项目", InvestorTier.Listed, ProjectStage.Negotiating, "王建国");
        var project = await ReadAsync(id);

        var invalid = await Get<EvaluationCommands>().RecordAsync(bureau, id, project.Version, LifecycleTestData.Fail(project.HostUnitId, Today, reasons: null));
        Assert.Equal(("Reasons", "Evaluation.FailReasonsRequired"), (invalid.Errors!.Single().Field, invalid.Errors!.Single().Violation.Code));
        Assert.Empty((await ReadAsync(id)).Evaluations);

        var stale = await Get<EvaluationCommands>().RecordAsync(bureau, id, project.Version - 1, LifecycleTestData.Fail(project.HostUnitId, Today, "三高项目"));
        Assert.Equal(WriteStatus.Conflict, stale.Status);

        var failed = await Get<EvaluationCommands>().RecordAsync(bureau, id, project.Version, LifecycleTestData.Fail(project.HostUnitId, Today, "属“三高”项目"));
        Assert.Equal(WriteStatus.Saved, failed.Status);
        var after = await ReadAsync(id);
        Assert.Equal(ProjectStage.Reserve, after.Stage);
        Assert.Equal(failed.Id, Assert.Single(after.Evaluations).Id);
        Assert.Equal(EvaluationCriterion.ThreeHighScreen, Assert.Single((await Get<EvaluationQuery>().GetAsync(bureau, failed.Id!.Value))!.Row.FailedScreens));
    }

    [Fact]
    public async Task Signing_is_refused_without_a_pass_then_a_pass_lets_the_county_sign_and_form_its_work_group()
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var county = await database.ScopeOfAsync("shache");
        var id = await NewLeadAsync("签约测试项目", InvestorTier.IndustryLeader, ProjectStage.Negotiating, "王建国");
        var signing = Get<SigningCommands>();
        var agreement = new AgreementInput(Today, 35_000m, 520, 20, "SC-XY-2026-099");

        Assert.Equal(WriteStatus.Saved, (await Get<EvaluationCommands>().RecordAsync(bureau, id, (await ReadAsync(id)).Version,
            LifecycleTestData.Fail(county.UnitId!.Value, Today, "用水不足") with { Decision = EvaluationDecision.Fail })).Status);
        var refused = await signing.SignAsync(county, id, (await ReadAsync(id)).Version, agreement);
        Assert.Equal("Stage.TransitionNotAllowed", refused.Errors!.Single().Violation.Code);

        var id2 = await NewLeadAsync("签约测试项目二", InvestorTier.IndustryLeader, ProjectStage.Evaluation, "王建国");
        Assert.Equal("Stage.PassedEvaluationRequired", (await signing.SignAsync(county, id2, (await ReadAsync(id2)).Version, agreement)).Errors!.Single().Violation.Code);

        var id3 = await NewLeadAsync("签约测试项目三", InvestorTier.IndustryLeader, ProjectStage.Negotiating, "王建国");
        Assert.Equal(WriteStatus.Saved, (await Get<EvaluationCommands>().RecordAsync(bureau, id3, (await ReadAsync(id3)).Version, LifecycleTestData.Pass(county.UnitId!.Value, Today))).Status);
        var todo = await Get<IEnumerable<ITodoSource>>().OfType<EvaluationTodoSource>().Single().ReadAsync(county, default);
        Assert.Contains(todo, t => t.Kind == "evaluation.sign" && t.ProjectId == id3);

        Assert.Equal(WriteStatus.Saved, (await signing.SignAsync(county, id3, (await ReadAsync(id3)).Version, agreement)).Status);
        var signed = await ReadAsync(id3);
        Assert.Equal((ProjectStage.Signed, WorkGroupLevel.KeyProject, 35_000m, 520), (signed.Stage, signed.WorkGroupLevel, signed.PlannedInvestmentWan, signed.ExpectedJobs));
        Assert.NotEmpty(signed.WorkGroupMissing);

        var departments = await database.QueryAsync(db => db.Units.Where(u => u.Type == UnitType.Department).OrderBy(u => u.Id).Select(u => u.Id).Take(3).ToListAsync());
        var service = await database.QueryAsync(db => db.Units.SingleAsync(u => u.Code == "svc-shache"));
        var notDepartment = await signing.SetWorkGroupAsync(county, id3, signed.Version, new WorkGroupInput("县委书记 王海", true, [departments[0], service.Id], service.Id));
        Assert.Equal(("DepartmentIds", "WorkGroup.NotADepartment"), (notDepartment.Errors!.Single().Field, notDepartment.Errors!.Single().Violation.Code));
        var notPrincipal = await signing.SetWorkGroupAsync(county, id3, signed.Version, new WorkGroupInput("副县长 李强", false, departments[..2], service.Id));
        Assert.Equal(("LeaderInCharge", "WorkGroup.PrincipalLeaderRequired"), (notPrincipal.Errors!.Single().Field, notPrincipal.Errors!.Single().Violation.Code));

        Assert.Equal(WriteStatus.Saved, (await signing.SetWorkGroupAsync(county, id3, signed.Version, new WorkGroupInput("县委书记 王海", true, departments, service.Id))).Status);
        Assert.Empty((await ReadAsync(id3)).WorkGroupMissing);
        var docs = await Get<IEnumerable<IProjectDocumentSource>>().OfType<LifecycleDocumentSource>().Single().ReadAsync(county, id3, default);
        Assert.Equal(["agreement", "evaluation"], docs.Select(d => d.Kind).Order());
    }

    [Fact]
    public async Task Another_county_cannot_sign_or_see_the_project()
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var other = await database.ScopeOfAsync("shule");
        var id = await NewLeadAsync("他县签约测试项目", InvestorTier.IndustryLeader, ProjectStage.Negotiating, "王建国");
        var project = await ReadAsync(id);
        await Get<EvaluationCommands>().RecordAsync(bureau, id, project.Version, LifecycleTestData.Pass(project.HostUnitId, Today));

        var result = await Get<SigningCommands>().SignAsync(other, id, (await ReadAsync(id)).Version, new AgreementInput(Today, 35_000m, 520, 20, null));

        Assert.Equal(WriteStatus.NotFound, result.Status);
        Assert.Equal(ProjectStage.Evaluation, (await ReadAsync(id)).Stage);
    }

    [Fact]
    public async Task The_demo_data_has_leads_at_every_triage_step_passed_and_failed_evaluations_and_work_groups_both_complete_and_incomplete()
    {
        var statuses = await database.QueryAsync(db => db.Projects.Where(p => p.Stage == ProjectStage.Lead || p.Stage == ProjectStage.Triage)
            .Select(p => p.TriageStatus).Distinct().ToListAsync());
        Assert.Superset(new HashSet<TriageStatus> { TriageStatus.New, TriageStatus.Analysed, TriageStatus.Approved, TriageStatus.RoutedToCounty }, statuses.ToHashSet());
        var decisions = await database.QueryAsync(db => db.Evaluations.Select(e => e.Decision).Distinct().ToListAsync());
        Assert.Equal([EvaluationDecision.Pass, EvaluationDecision.Fail], decisions.Order());
        // Every signed prefecture-coordinated demo project has a passed evaluation behind it.
        var unpassed = await database.QueryAsync(db => db.Projects.CountAsync(p => p.CoordinationLevel == CoordinationLevel.Prefecture
            && p.SignedOn != null && !p.Evaluations.Any(e => e.Decision == EvaluationDecision.Pass)));
        Assert.Equal(0, unpassed);
        var groups = await database.QueryAsync(db => db.Projects.Include(p => p.WorkGroupDepartments)
            .Where(p => p.SignedOn != null && p.WorkGroupLevel != WorkGroupLevel.None).ToListAsync());
        Assert.Contains(groups, p => p.WorkGroupMissing.Count == 0);
        Assert.Contains(groups, p => p.WorkGroupMissing.Count > 0);
    }
}
