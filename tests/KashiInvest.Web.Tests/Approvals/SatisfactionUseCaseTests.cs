using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Approvals;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KashiInvest.Web.Tests.Approvals;

/// <summary>
/// The investor's satisfaction (Art. 23) on the seeded demo database: the host county rates a decided item; a 差评
/// lands in the group leader's to-do until the leader records the follow-up; another county cannot rate.
/// </summary>
public sealed class SatisfactionUseCaseTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private IDbContextFactory<KashiDbContext> Factory => database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>();
    private ApprovalCommands Commands => new(Factory, database.Clock, NullLogger<ApprovalCommands>.Instance);
    private FollowUpTodoSource Todo => new(Factory, database.Services.GetRequiredService<UiText>());

    [Fact]
    public async Task A_poor_rating_by_the_county_waits_in_the_group_leaders_todo_until_the_follow_up_closes_it()
    {
        var item = await database.QueryAsync(db => db.PlanItems.AsNoTracking()
            .Where(i => (i.Status == PlanItemStatus.Approved || i.Status == PlanItemStatus.CertificateIssued) && i.Satisfaction == null)
            .OrderBy(i => i.Id).FirstAsync());
        var (hostCode, otherCode) = await database.QueryAsync(async db =>
        {
            var host = await db.Units.Where(u => u.Id == item.HostUnitId).Select(u => u.Code).SingleAsync();
            var other = await db.ServiceGroups.Where(g => g.HostUnitId != item.HostUnitId)
                .Join(db.Units, g => g.HostUnitId, u => u.Id, (g, u) => u.Code).OrderBy(c => c).FirstAsync();
            return (host, other);
        });
        var county = await database.ScopeOfAsync(hostCode, ActorRole.AttractingUnit);
        var otherCounty = await database.ScopeOfAsync(otherCode, ActorRole.AttractingUnit);
        var groupUnitId = await database.QueryAsync(db => db.ServiceGroups.Where(g => g.HostUnitId == item.HostUnitId).Select(g => g.GroupUnitId).SingleAsync());
        var groupCode = await database.QueryAsync(db => db.Units.Where(u => u.Id == groupUnitId).Select(u => u.Code).SingleAsync());
        var leader = await database.ScopeOfAsync(groupCode, ActorRole.ServiceGroup);

        Assert.Equal(WriteStatus.NotAllowed, (await Commands.RateServiceAsync(otherCounty, item.Id, item.Version, Satisfaction.Poor, "慢", null)).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.RecordFollowUpAsync(county, item.Id, item.Version, "已处理")).Status);

        var noComment = await Commands.RateServiceAsync(county, item.Id, item.Version, Satisfaction.Poor, " ", null);
        Assert.Equal(WriteStatus.Invalid, noComment.Status);

        var rated = await Commands.RateServiceAsync(county, item.Id, item.Version, Satisfaction.Poor, "材料反复退回，跑了三趟", null);
        Assert.Equal(WriteStatus.Saved, rated.Status);
        var todo = Assert.Single(await Todo.ReadAsync(leader, default), t => t.Href.EndsWith($"#item-{item.Id}", StringComparison.Ordinal));
        Assert.Equal(FollowUpTodoSource.Kind, todo.Kind);
        Assert.Equal("材料反复退回，跑了三趟", todo.Detail);
        Assert.DoesNotContain(await Todo.ReadAsync(county, default), t => t.Kind == FollowUpTodoSource.Kind);

        var version = await database.QueryAsync(db => db.PlanItems.Where(i => i.Id == item.Id).Select(i => i.Version).SingleAsync());
        Assert.Equal(WriteStatus.Saved, (await Commands.RecordFollowUpAsync(leader, item.Id, version, "约谈代办员，一次性告知材料清单")).Status);
        Assert.DoesNotContain(await Todo.ReadAsync(leader, default), t => t.Href.EndsWith($"#item-{item.Id}", StringComparison.Ordinal));

        var audits = await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(PlanItem) && a.EntityId == item.Id.ToString())
            .OrderBy(a => a.Id).ToListAsync());
        var rating = audits.Single(a => a.After != null && a.After.Contains("\"Satisfaction\":\"Poor\"") && a.Before != null && !a.Before.Contains("\"Satisfaction\":\"Poor\""));
        Assert.Equal(hostCode, rating.UserName);
        Assert.Contains(audits, a => a.After != null && a.After.Contains("约谈代办员") && a.UserName == groupCode);
    }
}
