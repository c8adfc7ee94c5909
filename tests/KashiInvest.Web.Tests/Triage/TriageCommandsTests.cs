using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Signing;
using KashiInvest.Domain.Triage;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Evaluations;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Features.Signing;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Features.Triage;
using KashiInvest.Web.Tests.Projects;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Triage;

/// <summary>Triage use cases (Art. 19) on the seeded demo database, and the lifecycle states the demo data covers.</summary>
public sealed class TriageCommandsTests(SeededDatabase database) : LifecycleUseCases(database), IClassFixture<SeededDatabase>
{
    private static readonly UserScope Leader = new("leader", "地区分管领导", ActorRole.Leader, null, [], []);

    [Fact]
    public async Task A_tiered_lead_walks_triage_step_by_step_and_each_step_is_stored_and_audited()
    {
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
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
        var audited = await Database.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(TriageStep) && a.UnitId == bureau.UnitId));
        Assert.True(audited >= 2);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_writes_nothing()
    {
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
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
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var id = await NewLeadAsync("跳过研判测试项目", InvestorTier.China500);

        var result = await Get<ChangeStageCommand>().ExecuteAsync(bureau, id, (await ReadAsync(id)).Version, new StageTransition(ProjectStage.Triage, "直接推进"));

        Assert.Equal("Stage.UseProcedure", result.Errors!.Single().Violation.Code);
        Assert.Equal(ProjectStage.Lead, (await ReadAsync(id)).Stage);
    }

    [Fact]
    public async Task The_demo_data_has_leads_at_every_triage_step_passed_and_failed_evaluations_and_work_groups_both_complete_and_incomplete()
    {
        var statuses = await Database.QueryAsync(db => db.Projects.Where(p => p.Stage == ProjectStage.Lead || p.Stage == ProjectStage.Triage)
            .Select(p => p.TriageStatus).Distinct().ToListAsync());
        Assert.Superset(new HashSet<TriageStatus> { TriageStatus.New, TriageStatus.Analysed, TriageStatus.Approved, TriageStatus.RoutedToCounty }, statuses.ToHashSet());
        var decisions = await Database.QueryAsync(db => db.Evaluations.Select(e => e.Decision).Distinct().ToListAsync());
        Assert.Equal([EvaluationDecision.Pass, EvaluationDecision.Fail], decisions.Order());
        // Every signed prefecture-coordinated demo project has a passed evaluation behind it.
        var unpassed = await Database.QueryAsync(db => db.Projects.CountAsync(p => p.CoordinationLevel == CoordinationLevel.Prefecture
            && p.SignedOn != null && !p.Evaluations.Any(e => e.Decision == EvaluationDecision.Pass)));
        Assert.Equal(0, unpassed);
        var groups = await Database.QueryAsync(db => db.Projects.Include(p => p.WorkGroupDepartments)
            .Where(p => p.SignedOn != null && p.WorkGroupLevel != WorkGroupLevel.None).ToListAsync());
        Assert.Contains(groups, p => p.WorkGroupMissing.Count == 0);
        Assert.Contains(groups, p => p.WorkGroupMissing.Count > 0);
    }
}
