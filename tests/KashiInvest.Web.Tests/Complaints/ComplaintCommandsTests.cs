using KashiInvest.Domain.Access;
using KashiInvest.Domain.Complaints;
using KashiInvest.Domain.Investors;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Web.Features.Complaints;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Complaints;

/// <summary>
/// The complaint register's write path on the demo database: the Bureau accepts and assigns, only the assigned unit
/// sees and answers, a stale version conflicts, and the complainant reads the reply with the tracking number and code.
/// </summary>
public sealed class ComplaintCommandsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    // Built from the seeded database's services the way the feature registers them.
    private ComplaintCommands Commands => ActivatorUtilities.CreateInstance<ComplaintCommands>(database.Services);
    private ComplaintWindow Window => ActivatorUtilities.CreateInstance<ComplaintWindow>(database.Services);
    private ComplaintListQuery Query => ActivatorUtilities.CreateInstance<ComplaintListQuery>(database.Services);

    [Fact]
    public async Task The_Bureau_accepts_and_assigns_the_county_answers_and_the_complainant_reads_and_rates_the_reply()
    {
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var county = await database.ScopeOfAsync("shache");
        var other = await database.ScopeOfAsync("kashi");
        var (filed, numbers) = await Window.FileAsync(new ComplaintInput("广东粤纺印染科技股份有限公司", CreditCode.Complete("91440300MA5F00001").Value,
            "张经理", "13809981234", null, ComplaintCategory.CommitmentNotHonoured, "设备补贴超期未兑现。"));
        Assert.Equal(WriteStatus.Saved, filed.Status);
        var id = filed.Id!.Value;

        Assert.Equal(WriteStatus.NotFound, (await Commands.AcceptAsync(county, id, 0, null)).Status);
        Assert.DoesNotContain(await Query.ListAsync(county), r => r.Id == id);
        Assert.Equal(WriteStatus.Saved, (await Commands.AcceptAsync(bureau, id, 0, null)).Status);
        Assert.Equal(WriteStatus.Conflict, (await Commands.AssignAsync(bureau, id, 0, county.UnitId!.Value, null)).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.AssignAsync(bureau, id, 1, county.UnitId!.Value, null)).Status);

        Assert.Contains(await Query.ListAsync(county), r => r.Id == id);
        Assert.DoesNotContain(await Query.ListAsync(other), r => r.Id == id);
        Assert.Equal(WriteStatus.NotFound, (await Commands.AnswerAsync(other, id, 2, "答复")).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.AnswerAsync(bureau, id, 2, "答复")).Status);
        Assert.Equal("Complaint.ReplyRequired", Assert.Single((await Commands.AnswerAsync(county, id, 2, " ")).Errors!).Violation.Code);
        Assert.Equal(WriteStatus.Saved, (await Commands.AnswerAsync(county, id, 2, "补贴已于本月拨付。")).Status);

        var progress = await Window.FindAsync(numbers!.TrackingNumber, numbers.Code);
        Assert.Equal((ComplaintStatus.Answered, "补贴已于本月拨付。"), (progress!.Status, progress.Reply));
        Assert.Null(await Window.FindAsync(numbers.TrackingNumber, "ABCDEFGH"));
        Assert.Equal(WriteStatus.Saved, (await Window.RateAsync(numbers.TrackingNumber, numbers.Code, progress.Version, ComplaintRating.Dissatisfied, "未说明金额。")).Status);
        var after = await Window.FindAsync(numbers.TrackingNumber, numbers.Code);
        Assert.Equal((ComplaintStatus.FollowUp, 1), (after!.Status, after.FollowUps));

        var audits = await database.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Complaint) && a.EntityId == id.ToString()).CountAsync());
        Assert.Equal(5, audits);
    }
}
