using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Web.Features.Commitments;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Commitments;

/// <summary>
/// The commitments' write path on the demo database: the host county records, the responsible department steps, a
/// stale version is a conflict, others are refused, and every step leaves an audit row with before and after.
/// </summary>
public sealed class CommitmentCommandsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private CommitmentCommands Commands => database.Services.GetRequiredService<CommitmentCommands>();

    [Fact]
    public async Task The_county_records_the_department_steps_a_stale_step_conflicts_and_others_are_refused()
    {
        var county = await database.ScopeOfAsync("shache");
        var other = await database.ScopeOfAsync("kashi");
        var department = await database.ScopeOfAsync("dept-industry", ActorRole.Department);
        var projectId = await database.QueryAsync(db => db.Projects.Where(p => p.HostUnitId == county.UnitId && p.Stage == ProjectStage.Construction)
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var input = new CommitmentInput(CommitmentKind.Subsidy, null, "喀地政发〔2024〕12号", "第五条", "设备购置补贴", 300m, null, department.UnitId, 20,
            LimitUnit.WorkingDays, "设备发票", FairCompetitionConcern.None, null, [new CommitmentConditionInput(ConditionKind.ByHand, Description: "设备安装调试完成")]);

        // The department does not see the project (only the commitments it is responsible for): absent and forbidden look the same.
        Assert.Equal(WriteStatus.NotFound, (await Commands.RecordAsync(department, projectId, input)).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.RecordAsync(await database.ScopeOfAsync(ReferenceData.LeadersCode, ActorRole.Leader), projectId, input)).Status);
        Assert.Equal(WriteStatus.NotFound, (await Commands.RecordAsync(other, projectId, input)).Status);
        Assert.Equal(("DocumentNumber", "Field.Required"),
            Assert.Single((await Commands.RecordAsync(county, projectId, input with { DocumentNumber = " " })).Errors!) is var e ? (e.Field, e.Violation.Code) : default);
        var recorded = await Commands.RecordAsync(county, projectId, input);
        Assert.Equal(WriteStatus.Saved, recorded.Status);
        var id = recorded.Id!.Value;

        Assert.Equal(WriteStatus.Saved, (await Commands.ConfirmConditionAsync(county, id, 0, 1, "设备已安装调试")).Status);
        Assert.Equal(WriteStatus.Conflict, (await Commands.StepAsync(department, id, 0, CommitmentStep.ReceiveApplication, null)).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.StepAsync(county, id, 1, CommitmentStep.ReceiveApplication, null)).Status);
        Assert.Equal(WriteStatus.NotFound, (await Commands.StepAsync(other, id, 1, CommitmentStep.ReceiveApplication, null)).Status);
        Assert.Equal("Commitment.StepNotAllowed",
            Assert.Single((await Commands.StepAsync(department, id, 1, CommitmentStep.Approve, null)).Errors!).Violation.Code);
        Assert.Equal(WriteStatus.Saved, (await Commands.StepAsync(department, id, 1, CommitmentStep.ReceiveApplication, "已受理")).Status);

        var (status, version, history) = await database.QueryAsync(async db =>
        {
            var c = await db.Commitments.Include(x => x.History).AsNoTracking().SingleAsync(x => x.Id == id);
            return (c.Status, c.Version, c.History.Select(h => (h.Action, h.UserName)).ToList());
        });
        Assert.Equal((CommitmentStatus.ApplicationReceived, 2), (status, version));
        Assert.Equal(("dept-industry", CommitmentAction.ApplicationReceived), (history[^1].UserName, history[^1].Action));
        var audits = await database.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Commitment) && a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(3, audits.Count);
        Assert.Contains("\"Status\":\"Due\"", audits[^1].Before);
        Assert.Contains("\"Status\":\"ApplicationReceived\"", audits[^1].After);
    }

    [Fact]
    public async Task The_department_that_owes_a_commitment_cannot_end_it_and_the_recorder_cannot_drop_a_fair_competition_flag()
    {
        var county = await database.ScopeOfAsync("shache");
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var department = await database.ScopeOfAsync("dept-industry", ActorRole.Department);
        var projectId = await database.QueryAsync(db => db.Projects.Where(p => p.HostUnitId == county.UnitId && p.Stage == ProjectStage.Construction)
            .OrderBy(p => p.Id).Select(p => p.Id).Skip(1).FirstAsync());
        var input = new CommitmentInput(CommitmentKind.Subsidy, null, "喀地政发〔2024〕13号", "第六条", "按缴纳增值税地方留成部分奖励", 200m, null, department.UnitId, 20,
            LimitUnit.WorkingDays, "完税证明", FairCompetitionConcern.TaxLinkedReward, "与税收挂钩",
            [new CommitmentConditionInput(ConditionKind.ByHand, Description: "投产满一年")]);
        var id = (await Commands.RecordAsync(county, projectId, input)).Id!.Value;
        int Version() => database.QueryAsync(db => db.Commitments.Where(c => c.Id == id).Select(c => c.Version).SingleAsync()).GetAwaiter().GetResult();

        // The county that recorded the flag cannot drop it; the Bureau clears it by its review, and any edit sends it back.
        Assert.Equal("Commitment.FlagStays", Assert.Single((await Commands.EditAsync(county, id, Version(),
            input with { Concerns = FairCompetitionConcern.None, FairCompetitionReason = null })).Errors!).Violation.Code);
        Assert.Equal(WriteStatus.Saved, (await Commands.ClearFairCompetitionAsync(bureau, id, Version(), "已审查，改为按投资额补助")).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.EditAsync(county, id, Version(), input with { AmountWan = 800m })).Status);
        Assert.Equal(FairCompetitionReview.Pending, await database.QueryAsync(db => db.Commitments.Where(c => c.Id == id).Select(c => c.FairCompetitionReview).SingleAsync()));

        // Due by hand; the department steps it, but ending it (terminated or honoured) is the Bureau's.
        Assert.Equal(WriteStatus.Saved, (await Commands.ConfirmConditionAsync(county, id, Version(), 1, "已投产满一年")).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.StepAsync(department, id, Version(), CommitmentStep.Terminate, "无法兑现")).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.StepAsync(department, id, Version(), CommitmentStep.ConfirmHonoured, null)).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.StepAsync(department, id, Version(), CommitmentStep.ReceiveApplication, null)).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.StepAsync(bureau, id, Version(), CommitmentStep.Terminate, "企业主动放弃，书面确认")).Status);
        Assert.Equal(CommitmentStatus.Terminated, await database.QueryAsync(db => db.Commitments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }
}
