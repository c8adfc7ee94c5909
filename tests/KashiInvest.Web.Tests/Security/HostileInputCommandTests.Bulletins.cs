using KashiInvest.Domain.Access;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Web.Features.Bulletins;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Security;

/// <summary>The sweep over the quarterly bulletin's narrative: hostile titles and sections on the demo draft.</summary>
public sealed partial class HostileInputCommandTests
{
    [Fact]
    public async Task The_bulletin_narrative_survives_generated_hostile_input() =>
        await SweepAsync("Hostile-input sweep, quarterly bulletin", "hostile-input-bulletins.txt", 50, BulletinsAsync);

    private async Task BulletinsAsync(HostileSweep sweep)
    {
        const string C = "EditBulletin";
        var commands = database.Services.GetRequiredService<BulletinCommands>();
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var draft = (await commands.ListAsync(bureau, null, null)).Single(r => r.Status == BulletinStatus.Draft).Id;
        async Task<Bulletin> ReadAsync() => (await commands.ReadAsync(bureau, draft))!.Bulletin;

        Func<string, Task<Func<Task<Web.Shared.Writes.WriteResult>>>> Edit(Func<string, BulletinNarrative> narrative) => async v =>
        {
            var version = (await ReadAsync()).Version;
            return () => commands.EditAsync(bureau, draft, version, narrative(v));
        };
        await TextAsync(sweep, C, "Title", Bulletin.TitleMaxLength, true, Edit(v => new(v, null, null, null, null)), async _ => (await ReadAsync()).Title);
        await TextAsync(sweep, C, "Overview", Bulletin.SectionMaxLength, false, Edit(v => new("通报", v, null, null, null)), async _ => (await ReadAsync()).Overview);
        await TextAsync(sweep, C, "NextSteps", Bulletin.SectionMaxLength, false, Edit(v => new("通报", null, null, null, v)), async _ => (await ReadAsync()).NextSteps);
    }
}
