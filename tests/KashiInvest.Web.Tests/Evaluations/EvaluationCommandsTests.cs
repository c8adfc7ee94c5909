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

namespace KashiInvest.Web.Tests.Evaluations;

/// <summary>Evaluation use cases (Art. 20) on the seeded demo database.</summary>
public sealed class EvaluationCommandsTests(SeededDatabase database) : LifecycleUseCases(database), IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_failed_evaluation_writes_the_record_and_both_moves_in_one_transaction_and_a_bad_one_writes_nothing()
    {
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
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
}
