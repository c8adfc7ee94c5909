using KashiInvest.Web.Shared.Writes;
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

namespace KashiInvest.Web.Tests.Signing;

/// <summary>Signing and work-group use cases (Art. 22) on the seeded demo database.</summary>
public sealed class SigningCommandsTests(SeededDatabase database) : LifecycleUseCases(database), IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Signing_is_refused_without_a_pass_then_a_pass_lets_the_county_sign_and_form_its_work_group()
    {
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var county = await Database.ScopeOfAsync("shache");
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

        var departments = await Database.QueryAsync(db => db.Units.Where(u => u.Type == UnitType.Department).OrderBy(u => u.Id).Select(u => u.Id).Take(3).ToListAsync());
        var service = await Database.QueryAsync(db => db.Units.SingleAsync(u => u.Code == "svc-shache"));
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
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var other = await Database.ScopeOfAsync("shule");
        var id = await NewLeadAsync("他县签约测试项目", InvestorTier.IndustryLeader, ProjectStage.Negotiating, "王建国");
        var project = await ReadAsync(id);
        await Get<EvaluationCommands>().RecordAsync(bureau, id, project.Version, LifecycleTestData.Pass(project.HostUnitId, Today));

        var result = await Get<SigningCommands>().SignAsync(other, id, (await ReadAsync(id)).Version, new AgreementInput(Today, 35_000m, 520, 20, null));

        Assert.Equal(WriteStatus.NotFound, result.Status);
        Assert.Equal(ProjectStage.Evaluation, (await ReadAsync(id)).Stage);
    }
}
