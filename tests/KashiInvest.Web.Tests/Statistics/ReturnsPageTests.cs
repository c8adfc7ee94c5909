using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Features.Statistics;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace KashiInvest.Web.Tests.Statistics;

/// <summary>
/// The monthly returns list (/statistics/returns) on the demo data: the Bureau sees the returned county first, then
/// the units that have not submitted, then KEDZ's submitted return, with the prefecture table below saying who is
/// missing; approving KEDZ's return moves its row and the table live. A unit sees its own returns only; a leader
/// sees the states but not the Bureau's comment, and opens only approved returns.
/// </summary>
public sealed class ReturnsPageTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static StatMonth Latest => StatMonth.Containing(TestClock.Default.UtcNow).Previous();

    private async Task<(BunitContext Context, IRenderedComponent<ReturnsPage> Page)> RenderAsync(UserScope scope)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(scope));
        context.Services.AddScoped(sp => new LiveFeed(sp.GetRequiredService<ILiveBus>(), sp.GetRequiredService<IUserScopeProvider>(), new CircuitLink(), NullLogger<LiveFeed>.Instance));
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        context.Render<MudPopoverProvider>();
        var page = context.Render<ReturnsPage>();
        await Task.Yield();
        return (context, page);
    }

    private Task<Dictionary<string, int>> UnitIdsAsync() => database.QueryAsync(db => db.Units
        .Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone).ToDictionaryAsync(u => u.Code, u => u.Id));

    private static string Attr(AngleSharp.Dom.IElement e, string name) => e.GetAttribute(name) ?? "";

    [Fact]
    public async Task The_Bureau_sees_the_returned_county_and_the_units_not_submitted_first_and_an_approval_updates_the_list_and_table_live()
    {
        using var _ = new UiCulture("en");
        var units = await UnitIdsAsync();
        var (context, page) = await RenderAsync(await database.ScopeOfAsync("bureau", ActorRole.Bureau));
        await using (context)
        {
            page.WaitForAssertion(() => Assert.Equal(units.Count, page.FindAll("[data-testid=returns-row]").Count));
            var rows = page.FindAll("[data-testid=returns-row]");
            Assert.All(rows, r => Assert.Equal(Latest.ToString(), Attr(r, "data-month")));

            // The county the Bureau sent back comes first, with the Bureau's comment and a link to its review page.
            var returned = rows[0];
            Assert.Equal((units[StatisticsDemoData.ReturnedUnitCode].ToString(), "Returned"), (Attr(returned, "data-unit"), Attr(returned, "data-state")));
            Assert.Contains(StatisticsDemoData.ReturnComment, returned.QuerySelector("[data-testid=row-comment]")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Returned · bureau", returned.QuerySelector("[data-testid=row-last]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal($"/statistics/returns/{units[StatisticsDemoData.ReturnedUnitCode]}/{Latest}", Attr(returned.QuerySelector("[data-testid=row-open] a") ?? returned.QuerySelector("[data-testid=row-open]")!, "href"));

            // Then every unit that has not submitted (computed from the platform), and KEDZ's submitted return last.
            Assert.All(rows.Skip(1).SkipLast(1), r => Assert.Contains(Attr(r, "data-state"), new[] { "Computed", "Corrected" }));
            var kedz = rows[^1];
            Assert.Equal((units["kedz"].ToString(), "Submitted"), (Attr(kedz, "data-unit"), Attr(kedz, "data-state")));
            Assert.Contains("Returned: 1", page.Find("[data-testid=returns-returned-count]").TextContent, StringComparison.Ordinal);
            Assert.Equal($"/statistics/table/{Latest}.xlsx", page.Find("[data-testid=returns-xlsx]").GetAttribute("href"));
            Assert.Contains($"Not submitted: {units.Count - 2}", page.Find("[data-testid=returns-pending-count]").TextContent, StringComparison.Ordinal);

            // The prefecture table: nothing of the latest month is approved yet, so every unit is missing.
            Assert.StartsWith($"{units.Count} units", page.Find("[data-testid=table-missing]").TextContent.Trim(), StringComparison.Ordinal);
            Assert.Equal(units.Count, page.FindAll("[data-testid=county-row]").Count);
            Assert.Equal("—", page.Find($"[data-testid=county-row][data-unit='{units["kedz"]}'] td.num").TextContent.Trim()); // not approved: not counted

            // The Bureau approves KEDZ's return (through the commands of the page's own application): the list and the table follow.
            var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
            var commands = context.Services.GetRequiredService<MonthlyReturnCommands>();
            var view = (await commands.ReadAsync(bureau, units["kedz"], Latest))!;
            Assert.Equal(Web.Shared.Writes.WriteStatus.Saved, (await commands.ApproveAsync(bureau, view.Return.Id, view.Return.Version)).Status);

            page.WaitForAssertion(() => Assert.Equal("Approved", Attr(page.FindAll("[data-testid=returns-row]")[^1], "data-state")), TimeSpan.FromSeconds(10));
            Assert.Contains("Approved · bureau", page.FindAll("[data-testid=returns-row]")[^1].QuerySelector("[data-testid=row-last]")!.TextContent, StringComparison.Ordinal);
            Assert.StartsWith($"{units.Count - 1} units", page.Find("[data-testid=table-missing]").TextContent.Trim(), StringComparison.Ordinal);
            var kedzInTable = page.Find($"[data-testid=county-row][data-unit='{units["kedz"]}']");
            Assert.Equal("1", kedzInTable.QuerySelector("[data-testid=county-rank]")!.TextContent.Trim()); // the only approved return ranks first
            // KEDZ's figures now count, and as the only approved return they are the prefecture's totals.
            var kedzFunds = kedzInTable.QuerySelectorAll("td.num").Take(4).Select(td => td.TextContent.Trim()).ToList();
            Assert.DoesNotContain("—", kedzFunds);
            Assert.Equal(kedzFunds, page.Find("[data-testid=total-row]").QuerySelectorAll("td.num").Take(4).Select(td => td.TextContent.Trim()));
        }
    }

    [Fact]
    public async Task A_unit_sees_only_its_own_returns_of_the_last_twelve_months()
    {
        using var _ = new UiCulture("en");
        var shache = await database.ScopeOfAsync("shache");
        var (context, page) = await RenderAsync(shache);
        await using (context)
        {
            page.WaitForAssertion(() => Assert.Equal(ReturnListQuery.UnitMonths, page.FindAll("[data-testid=returns-row]").Count));
            var rows = page.FindAll("[data-testid=returns-row]");
            Assert.All(rows, r => Assert.Equal(shache.UnitId!.Value.ToString(), Attr(r, "data-unit")));
            Assert.Equal(Enumerable.Range(0, ReturnListQuery.UnitMonths).Select(i => StatMonth.FromIndex(Latest.Index - i).ToString()), rows.Select(r => Attr(r, "data-month")));
            Assert.Equal("Computed", Attr(rows[0], "data-state")); // the latest month, computed and not yet submitted
            Assert.All(rows.Skip(1), r => Assert.Equal("Approved", Attr(r, "data-state")));
            Assert.Empty(page.FindAll("[data-testid=prefecture-table]"));
            Assert.Empty(page.FindAll("[data-testid=returns-month]"));
            Assert.Empty(page.FindAll("[data-testid=returns-xlsx]"));
        }
    }

    [Fact]
    public async Task A_leader_sees_every_units_state_but_not_the_Bureaus_comment_and_opens_approved_returns_only()
    {
        using var _ = new UiCulture("en");
        var units = await UnitIdsAsync();
        var (context, page) = await RenderAsync(await database.ScopeOfAsync("leaders", ActorRole.Leader));
        await using (context)
        {
            page.WaitForAssertion(() => Assert.Equal(units.Count, page.FindAll("[data-testid=returns-row]").Count));
            var returned = page.FindAll("[data-testid=returns-row]")[0];
            Assert.Equal("Returned", Attr(returned, "data-state"));
            Assert.Null(returned.QuerySelector("[data-testid=row-comment]"));
            Assert.Null(returned.QuerySelector("[data-testid=row-open]"));
            Assert.NotEmpty(page.FindAll("[data-testid=prefecture-table]"));
        }
    }

    [Fact]
    public async Task A_sub_bureau_has_no_returns_list()
    {
        var query = database.Services.GetRequiredService<ReturnListQuery>();
        var sub = await database.ScopeOfAsync("sub-prd", ActorRole.SubBureau);
        Assert.False(ReturnListQuery.MayOpen(sub));
        Assert.Empty(await query.ForMonthAsync(sub, Latest));
        Assert.Empty(await query.ForUnitAsync(sub));
    }
}
