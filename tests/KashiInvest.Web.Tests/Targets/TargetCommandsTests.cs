using KashiInvest.Web.Shared.Writes;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Targets;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Features.Targets;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Targets;

/// <summary>The target library's use cases and to-do (Art. 16–17) on the seeded demo database.</summary>
public sealed class TargetCommandsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private T Get<T>() where T : notnull => database.Services.GetRequiredService<T>();

    [Fact]
    public async Task A_pushed_target_waits_on_the_receiving_units_to_do_until_that_unit_records_a_contact()
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var shache = await database.ScopeOfAsync("shache");
        var shule = await database.ScopeOfAsync("shule");
        var chain = await database.QueryAsync(db => db.Chains.Where(c => c.Code == "textiles").Select(c => c.Id).SingleAsync());
        var commands = Get<TargetCommands>();
        const string name = "喀什推送测试纺织有限公司";

        Assert.Equal(WriteStatus.NotAllowed, (await commands.SaveAsync(shache, new TargetFormModel { Name = name, ChainId = chain })).Status);
        var saved = await commands.SaveAsync(bureau, new TargetFormModel { Name = name, ChainId = chain });
        Assert.Equal(WriteStatus.Saved, saved.Status);
        var targetId = saved.Id!.Value;
        Assert.Equal(WriteStatus.Saved, (await commands.PushAsync(bureau, targetId, byChain: true, [shache.UnitId!.Value], byRegion: false)).Result.Status);
        Assert.Equal(0, (await commands.PushAsync(bureau, targetId, byChain: true, [shache.UnitId!.Value], byRegion: false)).Pushed); // a unit receives a target once

        var todo = Get<IEnumerable<ITodoSource>>().OfType<TargetTodoSource>().Single();
        var push = await database.QueryAsync(db => db.TargetPushes.AsNoTracking().SingleAsync(p => p.TargetId == targetId && p.UnitId == shache.UnitId));
        var item = Assert.Single(await todo.ReadAsync(shache, default), i => i.Title.Contains(name));
        Assert.Equal($"/targets/inbox?push={push.Id}", item.Href);
        Assert.DoesNotContain(await todo.ReadAsync(shule, default), i => i.Title.Contains(name));
        Assert.Empty(await todo.ReadAsync(bureau, default)); // the Bureau keeps the library; it makes no contact itself

        var today = BeijingTime.Today(Get<TimeProvider>());
        Assert.Equal(WriteStatus.NotFound, (await commands.RecordAsync(shule, push.Id, push.Version, TargetFollowUp.Contacted, "电话联系", today)).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await commands.RecordAsync(bureau, push.Id, push.Version, TargetFollowUp.Contacted, "电话联系", today)).Status);
        Assert.Equal(WriteStatus.Saved, (await commands.RecordAsync(shache, push.Id, push.Version, TargetFollowUp.Contacted, "电话联系", today)).Status);
        Assert.Equal(WriteStatus.Conflict, (await commands.RecordAsync(shache, push.Id, push.Version, TargetFollowUp.Visited, "实地考察", today)).Status);

        Assert.DoesNotContain(await todo.ReadAsync(shache, default), i => i.Title.Contains(name));
    }
}
