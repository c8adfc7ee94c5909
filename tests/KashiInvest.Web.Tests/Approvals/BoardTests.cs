using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Approvals;
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
using Microsoft.Extensions.Options;
using MudBlazor;

namespace KashiInvest.Web.Tests.Approvals;

/// <summary>
/// The county's application and the service group's board (/approvals/board, Art. 23) on the seeded demo: the county
/// records the investor's application, the group leader sees it, plans two items and assigns one to a proxy; the board
/// shows both in the right state; nobody of another county sees any of it.
/// </summary>
public sealed class BoardTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private IDbContextFactory<KashiDbContext> Factory => database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>();

    private ApprovalCommands Commands => new(Factory, database.Clock, NullLogger<ApprovalCommands>.Instance);

    private BoardQuery Board => new(Factory, database.Clock, Options.Create(new ApprovalsOptions()));

    private ApplicationQuery Applications => new(Factory);

    private DateOnly Today => BeijingTime.Today(database.Clock);

    /// <summary>A signed project without an application yet (each test takes another), with its host's code.</summary>
    private Task<(int Id, int HostUnitId, string HostCode)> ProjectWithoutPlanAsync(int skip) => database.QueryAsync(db =>
        (from p in db.Projects
         join u in db.Units on p.HostUnitId equals u.Id
         where (p.Stage == ProjectStage.Signed || p.Stage == ProjectStage.Landing || p.Stage == ProjectStage.Construction)
               && !db.ServicePlans.Any(s => s.ProjectId == p.Id)
         orderby p.Id
         select new ValueTuple<int, int, string>(p.Id, p.HostUnitId, u.Code)).Skip(skip).FirstAsync());

    /// <summary>The group leader's scope as the app resolves it (its group's host in <see cref="UserScope.HostUnitIds"/>).</summary>
    private async Task<UserScope> GroupLeaderAsync(string hostCode, int hostUnitId) =>
        await database.ScopeOfAsync($"svc-{hostCode}", ActorRole.ServiceGroup) with { HostUnitIds = [hostUnitId] };

    private async Task<UserScope> OtherCountyAsync(string hostCode) => await database.ScopeOfAsync(hostCode == "kashi" ? "shufu" : "kashi");

    [Fact]
    public async Task The_county_applies_the_leader_plans_two_items_and_assigns_one_and_the_board_shows_both_in_their_state()
    {
        var project = await ProjectWithoutPlanAsync(0);
        var county = await database.ScopeOfAsync(project.HostCode);
        var leader = await GroupLeaderAsync(project.HostCode, project.HostUnitId);

        // Nothing starts without the application: the project is on no board, and its card offers the county to record it.
        Assert.DoesNotContain((await Board.LoadAsync(leader)).Applications, a => a.ProjectId == project.Id);
        var before = await Applications.GetAsync(county, project.Id);
        Assert.NotNull(before);
        Assert.False(before.IsRecorded);
        Assert.True(before.CanRecord && before.MayApply);

        var applied = await Commands.RecordApplicationAsync(county, project.Id,
            new NewApplication("喀什某新材料有限公司 王经理", Today.AddDays(-1), ServicePhases.SigningToLanding));
        Assert.Equal(WriteStatus.Saved, applied.Status);
        var card = await Applications.GetAsync(county, project.Id);
        Assert.Equal((true, "喀什某新材料有限公司 王经理", ServicePlanStatus.Applied), (card!.IsRecorded, card.ApplicantName, card.Status));

        // The group leader sees the new application waiting for a plan, and may plan it.
        var board = await Board.LoadAsync(leader);
        Assert.True(board.CanPlan);
        Assert.Equal(project.HostUnitId, board.Group!.HostUnitId);
        var application = Assert.Single(board.Applications, a => a.ProjectId == project.Id);
        Assert.Equal((ServicePhases.SigningToLanding, Today.AddDays(-1)), (application.Phases, application.AppliedOn));
        Assert.DoesNotContain(board.Plans, p => p.ProjectId == project.Id);

        // The catalogue by stage, with the statutory and the committed (halved) limits.
        var catalogue = await Board.CatalogueAsync();
        Assert.Equal(catalogue.OrderBy(c => c.Stage).Select(c => c.Stage), catalogue.Select(c => c.Stage));
        var filing = catalogue.Single(c => c.Code == "project-filing");
        var fire = catalogue.Single(c => c.Code == "fire-design");
        Assert.Equal(CatalogueItem.Halve(fire.StatutoryLimit), fire.CommittedLimit);

        Assert.Equal(WriteStatus.Saved, (await Commands.PlanItemsAsync(leader, application.PlanId, application.Version, [filing.Id, fire.Id])).Status);
        var plan = Assert.Single((await Board.LoadAsync(leader)).Plans, p => p.ProjectId == project.Id);
        Assert.Equal(2, plan.Items.Count);
        Assert.All(plan.Items, i => Assert.Equal((BoardLane.Unclaimed, (string?)null), (i.Lane, i.Holder)));
        var fireItem = plan.Items.Single(i => i.ItemName == fire.Name);
        Assert.NotEmpty(fireItem.Proxies);
        var proxy = fireItem.Proxies[0];

        // The leader assigns the fire-protection review to its department's proxy, who claims it.
        Assert.Equal(WriteStatus.Saved, (await Commands.AssignAsync(leader, fireItem.Id, fireItem.Version, proxy, null)).Status);
        var assigned = (await Board.LoadAsync(leader)).Plans.Single(p => p.ProjectId == project.Id).Items.Single(i => i.Id == fireItem.Id);
        Assert.Equal((BoardLane.Unclaimed, proxy), (assigned.Lane, assigned.Holder));
        var proxyScope = await database.ScopeOfAsync(proxy, ActorRole.Department);
        Assert.Equal(WriteStatus.Saved, (await Commands.ClaimAsync(proxyScope, assigned.Id, assigned.Version)).Status);

        board = await Board.LoadAsync(leader);
        plan = board.Plans.Single(p => p.ProjectId == project.Id);
        var byName = plan.Items.ToDictionary(i => i.ItemName);
        Assert.Equal((BoardLane.InHand, PlanItemStatus.Claimed, proxy), (byName[fire.Name].Lane, byName[fire.Name].Status, byName[fire.Name].Holder));
        Assert.Equal((BoardLane.Unclaimed, PlanItemStatus.Planned, (string?)null),
            (byName[filing.Name].Lane, byName[filing.Name].Status, byName[filing.Name].Holder));
        Assert.DoesNotContain(board.Applications, a => a.ProjectId == project.Id);
        Assert.Equal(board.Plans.Sum(p => p.Items.Count(i => i.Lane == BoardLane.InHand)), board.Counts[BoardLane.InHand]);
        Assert.True(board.Counts[BoardLane.Unclaimed] >= 1);
        var card2 = await Applications.GetAsync(county, project.Id);
        Assert.Equal((ServicePlanStatus.Planned, 2, 0), (card2!.Status, card2.ItemCount, card2.DoneCount));

        // Someone else moved the item meanwhile: a reassignment on the old version is a conflict and changes nothing.
        Assert.Equal(WriteStatus.Conflict, (await Commands.AssignAsync(leader, assigned.Id, assigned.Version, proxy, "换人")).Status);

        // Nobody of another county sees any of it: not its card, not its group's board, and a county has no board.
        var other = await OtherCountyAsync(project.HostCode);
        Assert.Null(await Applications.GetAsync(other, project.Id));
        Assert.Same(ApprovalBoard.Empty, await Board.LoadAsync(other));
        var otherHost = await database.QueryAsync(db => db.Units.SingleAsync(u => u.Code == other.UserName));
        var otherLeader = await GroupLeaderAsync(other.UserName, otherHost.Id);
        var otherBoard = await Board.LoadAsync(otherLeader, board.Group!.GroupUnitId);
        Assert.Equal(otherHost.Id, otherBoard.Group!.HostUnitId);
        Assert.DoesNotContain(otherBoard.Plans, p => p.ProjectId == project.Id);
        Assert.DoesNotContain(otherBoard.Applications, a => a.ProjectId == project.Id);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.AssignAsync(otherLeader, byName[filing.Name].Id, byName[filing.Name].Version, proxy, null)).Status);
    }

    [Fact]
    public async Task A_new_application_waits_in_the_group_leaders_todo_until_the_leader_plans_it()
    {
        var project = await ProjectWithoutPlanAsync(4);
        var county = await database.ScopeOfAsync(project.HostCode);
        var leader = await GroupLeaderAsync(project.HostCode, project.HostUnitId);
        var todo = new ApplicationsTodoSource(Factory, database.Services.GetRequiredService<KashiInvest.Web.Shared.UiText>());

        Assert.Equal(WriteStatus.Saved, (await Commands.RecordApplicationAsync(county, project.Id,
            new NewApplication("喀什某纺织有限公司 李经理", Today, ServicePhases.SigningToLanding))).Status);
        var application = Assert.Single((await Board.LoadAsync(leader)).Applications, a => a.ProjectId == project.Id);
        var item = Assert.Single(await todo.ReadAsync(leader, default), t => t.ProjectId == project.Id);
        Assert.Equal((ApplicationsTodoSource.Kind, $"/approvals/board#application-{application.PlanId}"), (item.Kind, item.Href));
        Assert.Contains("喀什某纺织有限公司 李经理", item.Detail);
        // Only the group leader's to-do: the county that recorded it and another county's group see nothing.
        Assert.DoesNotContain(await todo.ReadAsync(county, default), t => t.ProjectId == project.Id);
        var otherGroup = await database.ScopeOfAsync(project.HostCode == "kashi" ? "svc-shufu" : "svc-kashi", ActorRole.ServiceGroup);
        Assert.DoesNotContain(await todo.ReadAsync(otherGroup, default), t => t.ProjectId == project.Id);

        var filing = (await Board.CatalogueAsync()).Single(c => c.Code == "project-filing");
        Assert.Equal(WriteStatus.Saved, (await Commands.PlanItemsAsync(leader, application.PlanId, application.Version, [filing.Id])).Status);
        Assert.DoesNotContain(await todo.ReadAsync(leader, default), t => t.ProjectId == project.Id);
    }

    [Fact]
    public async Task The_Bureau_and_leaders_read_every_group_with_a_picker_but_plan_and_assign_nothing_there()
    {
        var leader = new UserScope("leader", "地区分管领导", ActorRole.Leader, null, [], []);
        var first = await Board.LoadAsync(leader);
        Assert.Equal(await database.QueryAsync(db => db.ServiceGroups.CountAsync()), first.Groups.Count);
        Assert.False(first.CanPlan);
        var second = first.Groups[1];
        var picked = await Board.LoadAsync(leader, second.GroupUnitId);
        Assert.Equal(second, picked.Group);
        Assert.All(picked.Plans.SelectMany(p => p.Items), i => Assert.NotNull(i.Clock));

        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var bureauBoard = await Board.LoadAsync(bureau, second.GroupUnitId);
        Assert.Equal((second, false), (bureauBoard.Group, bureauBoard.CanPlan));
    }

    [Fact]
    public async Task The_application_is_refused_with_its_reasons_next_to_the_fields()
    {
        using var culture = new UiCulture("zh-CN");
        var project = await ProjectWithoutPlanAsync(1);
        var county = await database.ScopeOfAsync(project.HostCode);
        var (context, root) = Render<ApplicationCard>(county, new Dictionary<string, object?> { [nameof(ApplicationCard.ProjectId)] = project.Id });
        await using var _ = context;

        root.WaitForElement("[data-testid=application-record]", Wait).Click();
        root.WaitForElement("[data-testid=application-phase-landing] input", Wait).Change(false);
        root.Find("[data-testid=application-phase-production] input").Change(false);
        root.Find("[data-testid=application-submit]").Click();
        root.WaitForAssertion(() => Assert.Contains("请填写申请人。", root.Find("[data-testid=application-applicant]").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal), Wait);
        Assert.NotNull(root.Find("[data-testid=application-phases-error]"));
        Assert.False(await database.QueryAsync(db => db.ServicePlans.AnyAsync(p => p.ProjectId == project.Id)));

        root.Find("[data-testid=application-applicant]").Input("客商代表 李总");
        root.Find("[data-testid=application-phase-production] input").Change(true);
        root.Find("[data-testid=application-submit]").Click();
        root.WaitForAssertion(() => Assert.Equal("yes", root.Find("[data-testid=bm-approval-application]").GetAttribute("data-recorded")), Wait);
        var plan = await database.QueryAsync(db => db.ServicePlans.SingleAsync(p => p.ProjectId == project.Id));
        Assert.Equal(("客商代表 李总", ServicePhases.LandingToProduction, Today), (plan.ApplicantName, plan.Phases, plan.AppliedOn));
    }

    [Fact]
    public async Task The_group_leader_plans_and_assigns_on_the_board_and_a_stale_item_says_someone_else_moved_it()
    {
        using var _ = new UiCulture("zh-CN");
        var project = await ProjectWithoutPlanAsync(2);
        var county = await database.ScopeOfAsync(project.HostCode);
        Assert.Equal(WriteStatus.Saved, (await Commands.RecordApplicationAsync(county, project.Id,
            new NewApplication("客商代表 张总", Today, ServicePhases.SigningToLanding | ServicePhases.LandingToProduction))).Status);
        var leader = await GroupLeaderAsync(project.HostCode, project.HostUnitId);
        await NameProxyAsync(project.HostUnitId, "dept-drc", "drc-deputy"); // a second proxy of the filing's department, to reassign to
        var (context, root) = Render<BoardPage>(leader, live: false);
        await using var __ = context;

        root.WaitForElement($"[data-testid=board-application][data-project='{project.Id}'] [data-testid=board-plan]", Wait).Click();
        root.WaitForElement("[data-testid=plan-pick][data-code=project-filing] input", Wait).Change(true);
        root.Find("[data-testid=plan-pick][data-code=construction-permit] input").Change(true);
        root.Find("[data-testid=plan-submit]").Click();

        var card = $"[data-testid=board-plan-card][data-project='{project.Id}']";
        root.WaitForAssertion(() => Assert.Equal(2, root.FindAll($"{card} [data-testid=board-item][data-lane=Unclaimed]").Count), Wait);
        Assert.Empty(root.FindAll($"[data-testid=board-application][data-project='{project.Id}']"));

        // Assign the first item to its department's proxy in the dialog.
        var first = root.FindAll($"{card} [data-testid=board-item]")[0];
        var itemId = int.Parse(first.GetAttribute("data-item")!, System.Globalization.CultureInfo.InvariantCulture);
        root.Find($"{card} [data-testid=board-item][data-item='{itemId}'] [data-testid=board-assign]").Click();
        root.WaitForElement("[data-testid=assign-submit]", Wait).Click();
        root.WaitForAssertion(() => Assert.False(string.IsNullOrEmpty(
            root.Find($"{card} [data-testid=board-item][data-item='{itemId}']").GetAttribute("data-holder"))), Wait);
        var item = await database.QueryAsync(db => db.PlanItems.AsNoTracking().SingleAsync(i => i.Id == itemId));
        Assert.Equal(item.Holder, root.Find($"{card} [data-testid=board-item][data-item='{itemId}']").GetAttribute("data-holder"));

        // Its proxy claims it meanwhile (the page does not follow the bus here): reassigning on the old version is a conflict.
        var proxy = await database.ScopeOfAsync(item.Holder!, ActorRole.Department);
        Assert.Equal(WriteStatus.Saved, (await Commands.ClaimAsync(proxy, item.Id, item.Version)).Status);
        root.Find($"{card} [data-testid=board-item][data-item='{itemId}'] [data-testid=board-assign]").Click();
        root.WaitForElement("[data-testid=assign-note]", Wait).Input("代办员休假，改派");
        root.Find("[data-testid=assign-submit]").Click();
        root.WaitForAssertion(() => Assert.Contains("该事项或计划刚被他人更改，未作更改；已刷新为最新状态。", root.Markup, StringComparison.Ordinal), Wait);
        root.WaitForAssertion(() => Assert.Equal("InHand", root.Find($"{card} [data-testid=board-item][data-item='{itemId}']").GetAttribute("data-lane")), Wait);
    }

    [Fact]
    public async Task An_application_recorded_by_the_county_appears_live_on_the_open_board()
    {
        using var _ = new UiCulture("zh-CN");
        var project = await ProjectWithoutPlanAsync(3);
        var leader = await GroupLeaderAsync(project.HostCode, project.HostUnitId);
        var (context, root) = Render<BoardPage>(leader);
        await using var __ = context;
        root.WaitForElement("[data-testid=board-counts]", Wait);
        Assert.Equal("on", root.Find("[data-testid=board-title]").GetAttribute("data-live"));
        var bus = context.Services.GetRequiredService<InMemoryLiveBus>();
        using (var cts = new CancellationTokenSource(Wait))
        {
            while (bus.SubscriberCount == 0) await Task.Delay(10, cts.Token);
        }
        Assert.Empty(root.FindAll($"[data-testid=board-application][data-project='{project.Id}']"));

        var county = await database.ScopeOfAsync(project.HostCode);
        Assert.Equal(WriteStatus.Saved, (await context.Services.GetRequiredService<ApprovalCommands>().RecordApplicationAsync(county, project.Id,
            new NewApplication("客商代表 赵总", Today, ServicePhases.SigningToLanding))).Status);

        root.WaitForAssertion(() => Assert.Contains("客商代表 赵总",
            root.Find($"[data-testid=board-application][data-project='{project.Id}']").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("kashi-flash", root.Find($"[data-testid=board-application][data-project='{project.Id}']").ClassName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ServiceGroup", true)]
    [InlineData("Bureau", true)]
    [InlineData("Leader", true)]
    [InlineData("Administrator", true)]
    [InlineData("AttractingUnit", false)]
    [InlineData("Department", false)]
    [InlineData("Display", false)]
    public async Task The_board_is_in_the_menu_of_group_leaders_the_Bureau_leaders_and_the_administrator(string role, bool listed)
    {
        var scope = await database.ScopeOfAsync("shache");
        var context = new BunitContext();
        await using var _ = context;
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        var scopes = new FixedScopeProvider(scope);
        context.Services.AddScoped<IUserScopeProvider>(_ => scopes);
        context.Services.AddSingleton(sp => new LiveFeed(new InMemoryLiveBus(), scopes, new CircuitLink(), NullLogger<LiveFeed>.Instance));
        context.AddAuthorization().SetAuthorized("someone").SetRoles(role);
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        var menu = context.Render<KashiInvest.Web.Components.Layout.NavMenu>();
        Assert.Equal(listed, menu.FindAll("[data-testid=nav-approvals-board]").Count == 1);
    }

    private async Task NameProxyAsync(int hostUnitId, string departmentCode, string userName)
    {
        await using var db = await Factory.CreateDbContextAsync();
        db.Actor = new Actor("bureau", null);
        var department = await db.Units.SingleAsync(u => u.Code == departmentCode);
        var group = await db.ServiceGroups.Include(g => g.Members).Include(g => g.Proxies).SingleAsync(g => g.HostUnitId == hostUnitId);
        group.NameProxy(userName, department.Id);
        await db.SaveChangesAsync();
    }

    private (BunitContext Context, IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> Root) Render<TComponent>(UserScope scope,
        IReadOnlyDictionary<string, object?>? parameters = null, bool live = true) where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        ApprovalsFeature.AddApprovalsFeature(context.Services);
        var scopes = new FixedScopeProvider(scope);
        context.Services.AddScoped<IUserScopeProvider>(_ => scopes);
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
            b.OpenComponent<TComponent>(3);
            foreach (var (name, value) in parameters ?? new Dictionary<string, object?>()) b.AddAttribute(4, name, value);
            b.CloseComponent();
        });
        return (context, root);
    }
}
