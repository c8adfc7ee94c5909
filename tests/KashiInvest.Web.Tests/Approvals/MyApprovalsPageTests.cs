using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Infrastructure.Approvals;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Approvals;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace KashiInvest.Web.Tests.Approvals;

/// <summary>
/// "My approvals" (/approvals, bUnit on the seeded demo): a department's proxy sees its department's unclaimed items,
/// claims one and steps it to accepted, and the item's clock shows; a county account has nothing to act on.
/// </summary>
public sealed class MyApprovalsPageTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <param name="live">False: the page follows a bus no write goes to, so it keeps what it read (to meet a conflict).</param>
    private async Task<(BunitContext Context, IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> Root)> RenderAsync(UserScope scope, bool live = true)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        ApprovalsFeature.AddApprovalsFeature(context.Services);
        var scopes = new FixedScopeProvider(scope);
        context.Services.AddScoped<IUserScopeProvider>(_ => scopes);
        // The page hears the notices of the writes made through this context's services (its own and another user's).
        context.Services.AddSingleton(sp => new LiveFeed(live ? sp.GetRequiredService<ILiveBus>() : new InMemoryLiveBus(), scopes, new CircuitLink(),
            NullLogger<LiveFeed>.Instance));
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var root = context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
            b.OpenComponent<MudSnackbarProvider>(2);
            b.CloseComponent();
            b.OpenComponent<MyApprovalsPage>(3);
            b.CloseComponent();
        });
        return (context, root);
    }

    /// <summary>An unclaimed, unassigned item of the demo plans, and the code of its department (its demo account is the proxy).</summary>
    private Task<(int ItemId, string DepartmentCode)> UnclaimedItemAsync() => database.QueryAsync(async db =>
    {
        var row = await (from i in db.PlanItems
                         join d in db.Units on i.DepartmentUnitId equals d.Id
                         where i.Status == PlanItemStatus.Planned && i.Holder == null
                         orderby i.Id
                         select new { i.Id, d.Code }).FirstAsync();
        return (row.Id, row.Code);
    });

    [Fact]
    public async Task A_department_proxy_claims_an_item_and_steps_it_to_accepted_and_its_clock_shows()
    {
        using var _ = new UiCulture("zh-CN");
        var (itemId, department) = await UnclaimedItemAsync();
        var proxy = await database.ScopeOfAsync(department, ActorRole.Department);
        var (context, root) = await RenderAsync(proxy);
        await using var __ = context;
        string Item(string section) => $"[data-testid=approvals-{section}] [data-testid=approval-item][data-item='{itemId}']";

        root.WaitForElement(Item("to-claim"), Wait);
        Assert.Empty(root.FindAll($"{Item("to-claim")} [data-testid=approval-step]")); // claim first: no clock step yet
        root.Find($"{Item("to-claim")} [data-testid=approval-claim]").Click();

        root.WaitForAssertion(() => Assert.Equal("Claimed", root.Find(Item("in-hand")).GetAttribute("data-status")), Wait);
        Assert.Empty(root.FindAll(Item("to-claim")));

        await StepAsync(root, Item("in-hand"), ItemStepKind.Submit);
        root.WaitForAssertion(() => Assert.Equal("Submitted", root.Find(Item("in-hand")).GetAttribute("data-status")), Wait);
        await StepAsync(root, Item("in-hand"), ItemStepKind.Accept);

        root.WaitForAssertion(() => Assert.Equal("Accepted", root.Find(Item("in-hand")).GetAttribute("data-status")), Wait);
        var item = await database.QueryAsync(db => db.PlanItems.AsNoTracking().SingleAsync(i => i.Id == itemId));
        Assert.Equal((PlanItemStatus.Accepted, proxy.UserName), (item.Status, item.Holder));
        var clock = root.Find($"{Item("in-hand")} [data-testid=approval-clock]");
        Assert.Equal("Normal", clock.GetAttribute("data-state"));
        Assert.Contains("正常", clock.TextContent, StringComparison.Ordinal);
        Assert.Contains($"承诺时限 {item.Limit} 个", clock.TextContent, StringComparison.Ordinal);
        Assert.Contains($"已用 0，剩余 {item.Limit}，截止", clock.TextContent, StringComparison.Ordinal);
    }

    private static Task StepAsync(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> root, string item, ItemStepKind step)
    {
        root.WaitForElement($"{item} [data-testid=approval-step][data-step='{step}']", Wait).Click();
        root.WaitForElement("[data-testid=step-submit]", Wait).Click();
        root.WaitForAssertion(() => Assert.Empty(root.FindAll("[data-testid=step-submit]")), Wait);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_step_recorded_by_someone_else_moves_the_item_on_the_open_page()
    {
        using var _ = new UiCulture("zh-CN");
        var (itemId, version, department) = await database.QueryAsync(async db =>
        {
            var row = await (from i in db.PlanItems
                             join d in db.Units on i.DepartmentUnitId equals d.Id
                             where i.Status == PlanItemStatus.PreparingMaterials && i.Holder == d.Code
                             orderby i.Id
                             select new { i.Id, i.Version, d.Code }).FirstAsync();
            return (row.Id, row.Version, row.Code);
        });
        var proxy = await database.ScopeOfAsync(department, ActorRole.Department);
        var (context, root) = await RenderAsync(proxy);
        await using var __ = context;
        root.WaitForElement($"[data-testid=approvals-waiting] [data-testid=approval-item][data-item='{itemId}']", Wait);
        var bus = context.Services.GetRequiredService<InMemoryLiveBus>();
        using (var cts = new CancellationTokenSource(Wait))
        {
            while (bus.SubscriberCount == 0) await Task.Delay(10, cts.Token);
        }

        // The Bureau records the submission (it may carry any item): nobody touches the proxy's page.
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var written = await context.Services.GetRequiredService<ApprovalCommands>().StepAsync(bureau, itemId, version,
            new ItemStep(ItemStepKind.Submit, KashiInvest.Domain.Common.BeijingTime.Today(database.Clock)));
        Assert.Equal(KashiInvest.Web.Shared.Writes.WriteStatus.Saved, written.Status);

        root.WaitForAssertion(() =>
            Assert.Equal("Submitted", root.Find($"[data-testid=approvals-in-hand] [data-testid=approval-item][data-item='{itemId}']").GetAttribute("data-status")), Wait);
        Assert.Empty(root.FindAll($"[data-testid=approvals-waiting] [data-testid=approval-item][data-item='{itemId}']"));
    }

    [Fact]
    public async Task A_refusal_without_reason_is_refused_in_the_dialog_and_a_step_on_an_item_someone_else_moved_says_so()
    {
        using var _ = new UiCulture("zh-CN");
        var (itemId, department) = await database.QueryAsync(async db =>
        {
            var row = await (from i in db.PlanItems
                             join d in db.Units on i.DepartmentUnitId equals d.Id
                             where i.Status == PlanItemStatus.Accepted && i.Holder == d.Code
                             orderby i.Id
                             select new { i.Id, d.Code }).FirstAsync();
            return (row.Id, row.Code);
        });
        var proxy = await database.ScopeOfAsync(department, ActorRole.Department);
        var (context, root) = await RenderAsync(proxy, live: false);
        await using var __ = context;
        var item = $"[data-testid=approval-item][data-item='{itemId}']";
        root.WaitForElement($"[data-testid=approvals-in-hand] {item}", Wait);

        // Refusing needs a reason: said next to the field, the dialog stays, nothing is written.
        root.Find($"{item} [data-testid=approval-step][data-step=Refuse]").Click();
        root.WaitForElement("[data-testid=step-submit]", Wait).Click();
        root.WaitForAssertion(() => Assert.Contains("此项为必填项。",
            root.Find("[data-testid=step-note]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal), Wait);
        root.Find("[data-testid=step-cancel]").Click();
        root.WaitForAssertion(() => Assert.Empty(root.FindAll("[data-testid=step-submit]")), Wait);
        Assert.Equal(PlanItemStatus.Accepted, await database.QueryAsync(db => db.PlanItems.Where(i => i.Id == itemId).Select(i => i.Status).SingleAsync()));

        // Meanwhile the Bureau asks for a correction; the page (not following) still shows the item accepted.
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var version = await database.QueryAsync(db => db.PlanItems.Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync());
        var today = KashiInvest.Domain.Common.BeijingTime.Today(database.Clock);
        Assert.Equal(KashiInvest.Web.Shared.Writes.WriteStatus.Saved, (await context.Services.GetRequiredService<ApprovalCommands>()
            .StepAsync(bureau, itemId, version, new ItemStep(ItemStepKind.RequestCorrection, today, "缺少用地红线图"))).Status);
        Assert.Equal("Accepted", root.Find(item).GetAttribute("data-status"));

        root.Find($"{item} [data-testid=approval-step][data-step=Approve]").Click();
        root.WaitForElement("[data-testid=step-submit]", Wait).Click();

        root.WaitForAssertion(() => Assert.Contains("该事项刚被他人办理，未作更改；已刷新为最新状态。", root.Markup, StringComparison.Ordinal), Wait);
        root.WaitForAssertion(() => Assert.Equal("AwaitingCorrection", root.Find($"[data-testid=approvals-waiting] {item}").GetAttribute("data-status")), Wait);
        Assert.Equal(PlanItemStatus.AwaitingCorrection, await database.QueryAsync(db => db.PlanItems.Where(i => i.Id == itemId).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_county_account_without_proxy_rights_has_nothing_to_act_on()
    {
        using var _ = new UiCulture("zh-CN");
        var county = await database.ScopeOfAsync("shache");
        var (context, root) = await RenderAsync(county);
        await using var __ = context;

        root.WaitForElement("[data-testid=approvals-empty]", Wait);
        Assert.Empty(root.FindAll("[data-testid=approval-item]"));
        Assert.Empty(root.FindAll("[data-testid=approval-claim]"));
        var query = new MyApprovalsQuery(database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>(), database.Clock,
            Options.Create(new ApprovalsOptions()));
        Assert.True((await query.LoadAsync(county)).IsEmpty);
    }
}
