using KashiInvest.Domain.Access;
using KashiInvest.Domain.Complaints;
using KashiInvest.Domain.Integrity;
using KashiInvest.Domain.Investors;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Web.Features.Complaints;
using KashiInvest.Web.Features.Integrity;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Integrity;

/// <summary>
/// The integrity ledger's write path and scope on the demo database: the Bureau turns a founded complaint into a case
/// (once), the responsible county plans, reports and the Bureau verifies; other units see and touch nothing of it;
/// a stale version conflicts; every step is audited; the demo data holds cases in every state and complaints in several.
/// </summary>
public sealed class IntegrityCommandsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private IntegrityCommands Commands => ActivatorUtilities.CreateInstance<IntegrityCommands>(database.Services);
    private IntegrityQuery Query => ActivatorUtilities.CreateInstance<IntegrityQuery>(database.Services);
    private ComplaintCommands Complaints => ActivatorUtilities.CreateInstance<ComplaintCommands>(database.Services);
    private ComplaintWindow Window => ActivatorUtilities.CreateInstance<ComplaintWindow>(database.Services);
    private ComplaintListQuery ComplaintList => ActivatorUtilities.CreateInstance<ComplaintListQuery>(database.Services);

    [Fact]
    public async Task A_founded_complaint_becomes_one_case_the_county_rectifies_and_the_Bureau_verifies_and_no_other_unit_sees_it()
    {
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var leader = await database.ScopeOfAsync("leaders", ActorRole.Leader);
        var county = await database.ScopeOfAsync("shache");
        var other = await database.ScopeOfAsync("kashi");
        var (filed, _) = await Window.FileAsync(new ComplaintInput("广东粤纺印染科技股份有限公司", CreditCode.Complete("91440300MA5F00001").Value,
            "张经理", "13809981234", null, ComplaintCategory.ContractPerformance, "约定的道路未通至红线。"));
        var complaintId = filed.Id!.Value;

        // Not yet accepted: not founded, no draft, no case.
        Assert.Null(await Query.DraftFromComplaintAsync(bureau, complaintId));
        Assert.Equal(WriteStatus.Saved, (await Complaints.AcceptAsync(bureau, complaintId, 0, null)).Status);
        Assert.Equal(WriteStatus.Saved, (await Complaints.AssignAsync(bureau, complaintId, 1, county.UnitId!.Value, null)).Status);
        Assert.Null(await Query.DraftFromComplaintAsync(county, complaintId));
        var draft = await Query.DraftFromComplaintAsync(bureau, complaintId);
        Assert.Equal((IntegrityCaseKind.ContractNotPerformed, county.UnitId, (int?)complaintId), (draft!.Kind, (int?)draft.UnitId, draft.ComplaintId));

        Assert.Equal(WriteStatus.NotAllowed, (await Commands.OpenAsync(county, draft)).Status);
        var opened = await Commands.OpenAsync(bureau, draft);
        Assert.Equal(WriteStatus.Saved, opened.Status);
        var id = opened.Id!.Value;
        Assert.Equal("Integrity.ComplaintHasCase", Assert.Single((await Commands.OpenAsync(bureau, draft)).Errors!).Violation.Code);
        Assert.Null(await Query.DraftFromComplaintAsync(bureau, complaintId));

        // The complaint shows its case.
        var row = Assert.Single(await ComplaintList.ListAsync(bureau), r => r.Id == complaintId);
        Assert.Equal((id, IntegrityCaseStatus.Open), (row.IntegrityCaseId!.Value, row.IntegrityStatus!.Value));

        // Scope: the county and the prefecture see it; another county sees nothing and can do nothing.
        Assert.Contains(await Query.ListAsync(county), r => r.Id == id);
        Assert.Contains(await Query.ListAsync(leader), r => r.Id == id);
        Assert.DoesNotContain(await Query.ListAsync(other), r => r.Id == id);
        Assert.All(await Query.ListAsync(other), r => Assert.Equal(other.UnitId, r.UnitId));
        Assert.Equal(WriteStatus.NotFound, (await Commands.EnterPlanAsync(other, id, 0, "方案")).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.EnterPlanAsync(leader, id, 0, "方案")).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.VerifyAsync(county, id, 0)).Status);

        Assert.Equal(WriteStatus.Conflict, (await Commands.EnterPlanAsync(county, id, 7, "方案")).Status);
        Assert.Equal("Integrity.PlanRequired", Assert.Single((await Commands.EnterPlanAsync(county, id, 0, " ")).Errors!).Violation.Code);
        Assert.Equal(WriteStatus.Saved, (await Commands.EnterPlanAsync(county, id, 0, "本月内开工建设道路。")).Status);
        Assert.Equal("Integrity.StepNotAllowed", Assert.Single((await Commands.VerifyAsync(bureau, id, 1)).Errors!).Violation.Code);
        Assert.Equal(WriteStatus.Saved, (await Commands.ReportRectifiedAsync(county, id, 1, "道路已通至红线。")).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.VerifyAsync(bureau, id, 2)).Status);

        var done = Assert.Single(await Query.ListAsync(county), r => r.Id == id);
        Assert.Equal((IntegrityCaseStatus.Rectified, bureau.UserName, (int?)complaintId), (done.Status, done.VerifiedBy, done.ComplaintId));
        var audits = await database.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(IntegrityCase) && a.EntityId == id.ToString()).CountAsync());
        Assert.Equal(4, audits);
    }

    [Fact]
    public async Task An_overdue_commitment_drafts_a_case_owed_by_its_responsible_unit_and_a_refused_complaint_cannot_become_one()
    {
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var overdue = await Query.OverdueCommitmentsAsync(bureau);
        Assert.NotEmpty(overdue);
        Assert.Empty(await Query.OverdueCommitmentsAsync(await database.ScopeOfAsync("shache")));
        var commitment = overdue[0];
        var draft = IntegrityQuery.Draft(commitment);
        var opened = await Commands.OpenAsync(bureau, draft with { ProjectId = null });
        Assert.Equal(WriteStatus.Saved, opened.Status);
        var row = Assert.Single(await Query.ListAsync(bureau), r => r.Id == opened.Id);
        // The project comes from the commitment, whatever the form said.
        Assert.Equal((commitment.ResponsibleUnitId, (int?)commitment.ProjectId, (int?)commitment.Id), (row.UnitId, row.ProjectId, row.CommitmentId));

        var refused = await database.QueryAsync(db => db.Complaints.AsNoTracking().Where(c => c.Status == ComplaintStatus.Refused).Select(c => c.Id).FirstAsync());
        Assert.Null(await Query.DraftFromComplaintAsync(bureau, refused));
        Assert.Equal("Integrity.ComplaintNotFounded",
            Assert.Single((await Commands.OpenAsync(bureau, draft with { ComplaintId = refused })).Errors!).Violation.Code);
    }

    [Fact]
    public async Task The_demo_data_holds_cases_in_every_state_some_overdue_and_complaints_in_several_states()
    {
        var cases = await database.QueryAsync(db => db.IntegrityCases.AsNoTracking().ToListAsync());
        Assert.Equal(Enum.GetValues<IntegrityCaseStatus>().ToHashSet(), cases.Select(c => c.Status).ToHashSet());
        var today = Domain.Common.BeijingTime.Today(database.Clock);
        Assert.Contains(cases, c => c.IsOverdue(today));
        Assert.Contains(cases, c => c.ComplaintId != null);
        var complaints = await database.QueryAsync(db => db.Complaints.AsNoTracking().ToListAsync());
        Assert.Superset(new HashSet<ComplaintStatus> { ComplaintStatus.Filed, ComplaintStatus.Accepted, ComplaintStatus.Assigned, ComplaintStatus.Answered,
            ComplaintStatus.FollowUp, ComplaintStatus.Refused, ComplaintStatus.Closed }, complaints.Select(c => c.Status).ToHashSet());
        Assert.All(complaints, c => Assert.Matches("^TS[0-9]{6}[2-9A-Z]{5}$", c.TrackingNumber));
        Assert.Contains(complaints, c => c.FollowUps > 0 && c.Rating == ComplaintRating.Dissatisfied);
    }
}
