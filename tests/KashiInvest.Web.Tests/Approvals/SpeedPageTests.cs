using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Approvals;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace KashiInvest.Web.Tests.Approvals;

/// <summary>
/// The speed page (/approvals/speed, bUnit on the seeded demo): a leader's table shows the natural resources bureau's
/// figures right-aligned with the share coloured, and when a proxy's decision finishes another item the row changes
/// live and flashes.
/// </summary>
public sealed class SpeedPageTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly UserScope Leader = new("leader", "地区分管领导", ActorRole.Leader, null, [], []);

    private (BunitContext Context, IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> Root) Render(UserScope scope)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        ApprovalsFeature.AddApprovalsFeature(context.Services);
        var scopes = new FixedScopeProvider(scope);
        context.Services.AddScoped<IUserScopeProvider>(_ => scopes);
        context.Services.AddSingleton(sp => new LiveFeed(sp.GetRequiredService<ILiveBus>(), scopes, new CircuitLink(), NullLogger<LiveFeed>.Instance));
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var root = context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<SpeedPage>(1);
            b.CloseComponent();
        });
        return (context, root);
    }

    [Fact]
    public async Task A_leader_s_table_changes_live_when_a_proxy_finishes_an_item()
    {
        using var culture = new UiCulture("zh-CN");
        var (natres, itemId, version) = await database.QueryAsync(async db =>
        {
            var id = await db.Units.Where(u => u.Code == "dept-natres").Select(u => u.Id).SingleAsync();
            var item = await db.PlanItems.Where(i => i.DepartmentUnitId == id && i.ItemCode == "engineering-planning" && i.DecidedOn == null)
                .OrderBy(i => i.Id).Select(i => new { i.Id, i.Version }).FirstAsync();
            return (id, item.Id, item.Version);
        });
        var (context, root) = Render(Leader);
        await using var _ = context;
        string Row(string part) => root.Find($"[data-testid=speed-department][data-department='{natres}'] [data-testid={part}]").TextContent.Trim();

        root.WaitForAssertion(() => Assert.Equal("on", root.Find("[data-testid=speed-title]").GetAttribute("data-live")), Wait);
        root.WaitForAssertion(() => Assert.Equal("7", Row("speed-count")), Wait);
        Assert.Equal("5 个工作日", Row("speed-median"));
        Assert.StartsWith("71.4 %", Row("speed-share"));
        Assert.Contains("mud-error-text", root.Find($"[data-testid=speed-department][data-department='{natres}'] [data-testid=speed-share] [data-share]").ClassName);
        Assert.Contains("mud-success-text", root.Find("[data-testid=speed-item][data-item=project-filing] [data-testid=speed-share] [data-share]").ClassName);
        Assert.All(root.FindAll("[data-testid=speed-count]"), cell => Assert.Contains("num", cell.ClassList));

        // The proxy's decision today (accepted two working days ago: 2 days, inside half) finishes an eighth item.
        var commands = context.Services.GetRequiredService<ApprovalCommands>();
        var bureau = new UserScope("bureau", "地区招商局", ActorRole.Bureau, null, [], []);
        var result = await commands.StepAsync(bureau, itemId, version, new ItemStep(ItemStepKind.Approve, BeijingTime.Today(database.Clock)));
        Assert.Equal(WriteStatus.Saved, result.Status);

        // 2, 2, 5, 5, 5, 5, 13, 13: median 5; 6 of 8 inside half.
        root.WaitForAssertion(() => Assert.Equal("8", Row("speed-count")), Wait);
        Assert.StartsWith("75.0 %", Row("speed-share"));
        Assert.Contains("mud-error-text", root.Find($"[data-testid=speed-department][data-department='{natres}'] [data-testid=speed-share] [data-share]").ClassName);
        Assert.Contains("kashi-flash", root.Find($"[data-testid=speed-department][data-department='{natres}']").ClassName);
    }

    [Fact]
    public async Task Beside_the_speed_figures_a_row_shows_how_many_items_were_rated_and_the_share_of_good_ones()
    {
        using var culture = new UiCulture("zh-CN");
        var natres = await database.QueryAsync(db => db.Units.Where(u => u.Code == "dept-natres").Select(u => u.Id).SingleAsync());
        var (context, root) = Render(Leader);
        await using var _ = context;
        string Cell(string row, string part) => root.Find($"{row} [data-testid={part}]").TextContent.Trim();
        var department = $"[data-testid=speed-department][data-department='{natres}']";

        root.WaitForAssertion(() => Assert.Equal("3", Cell(department, "speed-rated")), Wait);
        Assert.Contains(root.FindAll("[data-testid=speed-table] th"), th => th.TextContent.Trim() == "评价数");
        Assert.Contains(root.FindAll("[data-testid=speed-table] th"), th => th.TextContent.Trim() == "好评率");
        // Plan 1's pre-examination and land-use planning 好评, plan 2's pre-examination 差评.
        Assert.Equal("66.7 % (2/3)", Cell(department, "speed-good"));
        Assert.Equal("50.0 % (1/2)", Cell("[data-testid=speed-item][data-item=land-preexam-site]", "speed-good"));
        Assert.Equal("—", Cell("[data-testid=speed-item][data-item=engineering-planning]", "speed-good"));
        Assert.All(root.FindAll("[data-testid=speed-good]"), cell => Assert.Contains("num", cell.ClassList));
    }
}
