using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KashiInvest.Web.Tests.Projects;

public sealed class ProjectRegisterTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_county_sees_the_count_and_rows_of_its_own_projects_only()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("yecheng");
        var expected = await database.QueryAsync(db => db.Projects.CountAsync(p => p.HostUnitId == scope.UnitId));
        Assert.True(expected > 0);
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(scope));

        var root = context.Render(b => { b.OpenComponent<MudPopoverProvider>(0); b.CloseComponent(); b.OpenComponent<ProjectRegister>(1); b.CloseComponent(); });

        root.WaitForAssertion(() => Assert.Equal($"共 {expected} 个项目", root.Find("[data-testid=register-total]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        var hosts = root.FindAll("[data-testid=register-grid] tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(Math.Min(expected, 25), hosts.Count);
        Assert.All(hosts, h => Assert.Equal("叶城县", h));
    }

    [Fact]
    public async Task The_register_query_filters_by_stage_tier_level_and_amount_within_scope()
    {
        var query = database.Services.GetRequiredService<ProjectRegisterQuery>();
        var bureau = new UserScope("bureau", "地区招商局", ActorRole.Bureau, null, [], []);
        var filter = new RegisterFilter { Level = WorkGroupLevel.KeyProject, MinWan = 30_000m, Tiered = true };

        var page = await query.RunAsync(bureau, filter, nameof(RegisterRow.InvestmentWan), descending: true, page: 0, pageSize: 200);

        var expected = await database.QueryAsync(db => (
            from p in db.Projects
            join i in db.Investors on p.InvestorId equals i.Id
            where p.WorkGroupLevel == WorkGroupLevel.KeyProject
                  && p.PlannedInvestmentWan >= 30_000m && i.Tiers != Domain.Investors.InvestorTier.None
            select p.Id).ToListAsync());
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), page.Rows.Select(r => r.Id).Order());
        Assert.Equal(page.Rows.Select(r => r.InvestmentWan).OrderDescending(), page.Rows.Select(r => r.InvestmentWan));
        Assert.All(page.Rows, r => Assert.NotEqual(Domain.Investors.InvestorTier.None, r.Tiers));
    }
}
