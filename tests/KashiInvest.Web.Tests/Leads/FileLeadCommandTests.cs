using KashiInvest.Domain.Access;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Leads;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Leads;

public sealed class FileLeadCommandTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private FileLeadCommand Command => database.Services.GetRequiredService<FileLeadCommand>();

    private async Task<LeadFormModel> FormAsync(string enterprise, string? code = null)
    {
        var (host, chain) = await database.QueryAsync(async db => (
            await db.Units.Where(u => u.Code == "shache").Select(u => u.Id).SingleAsync(),
            await db.Chains.Where(c => c.Code == "textiles").Select(c => c.Id).SingleAsync()));
        return new LeadFormModel
        {
            EnterpriseName = enterprise, CreditCode = code, Region = SourceRegionCode.PearlRiverDelta, Background = "印染龙头", ProjectName = "环保印染基地",
            ChainId = chain, HostUnitId = host, AmountWan = 75_000m, Jobs = 600, Demands = "用地与污水处理配套", Feasibility = Feasibility.High,
            FeasibilityNote = "建议尽快对接", VisitedOn = TestClock.Default.Today.ToDateTime(TimeOnly.MinValue).AddDays(-2), PeopleVisited = "董事长", Visitors = "驻珠三角分局",
        };
    }

    private Task<(int Investors, int Projects, int Forms)> CountsAsync() => database.QueryAsync(async db =>
        (await db.Investors.CountAsync(), await db.Projects.CountAsync(), await db.LeadForms.CountAsync()));

    [Fact]
    public async Task Filing_creates_the_investor_the_lead_project_and_the_form_and_marks_the_pushed_target()
    {
        var scope = await database.ScopeOfAsync("sub-prd", ActorRole.SubBureau);
        var target = await database.QueryAsync(db => db.TargetEnterprises.Where(t => t.Name == "广东粤纺印染科技股份有限公司").Select(t => t.Id).SingleAsync());
        var before = await CountsAsync();

        var result = await Command.ExecuteAsync(scope, await FormAsync("广东粤纺印染科技股份有限公司"));

        Assert.Equal(WriteStatus.Saved, result.Status);
        var after = await CountsAsync();
        Assert.Equal((before.Investors + 1, before.Projects + 1, before.Forms + 1), after);
        var (form, project, pushes) = await database.QueryAsync(async db =>
        {
            var f = await db.LeadForms.SingleAsync(x => x.Id == result.Id);
            var p = await db.Projects.SingleAsync(x => x.Id == f.ProjectId);
            var ps = await db.TargetPushes.Where(x => x.TargetId == target).ToListAsync();
            return (f, p, ps);
        });
        Assert.Equal((ProjectStage.Lead, scope.UnitId!.Value, form.InvestorId), (project.Stage, project.SourceUnitId, project.InvestorId));
        Assert.StartsWith("KS-", project.Code, StringComparison.Ordinal);
        Assert.NotEmpty(pushes);
        Assert.All(pushes, p => Assert.Equal((TargetFollowUp.BecameLead, project.Id), (p.Status, p.ProjectId)));

        // The same enterprise filed again (spelt with a space) is the same investor.
        var again = await Command.ExecuteAsync(scope, await FormAsync("广东粤纺印染科技股份 有限公司"));
        Assert.Equal(WriteStatus.Saved, again.Status);
        Assert.Equal(after.Investors, (await CountsAsync()).Investors);
    }

    [Fact]
    public async Task When_storing_the_form_fails_nothing_of_the_filing_is_written()
    {
        var scope = await database.ScopeOfAsync("sub-yrd", ActorRole.SubBureau);
        var before = await CountsAsync();
        var audits = await database.QueryAsync(db => db.AuditEntries.CountAsync());
        await database.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER fail_lead_form BEFORE INSERT ON LeadForms BEGIN SELECT RAISE(ABORT, 'test failure'); END;"));
        try
        {
            // The database's refusal reaches the user as "could not save, your input is kept" (never as an exception).
            Assert.Equal(WriteStatus.Unavailable, (await Command.ExecuteAsync(scope, await FormAsync("江苏从未出现过的新企业有限公司"))).Status);
        }
        finally
        {
            await database.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER fail_lead_form;"));
        }
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(audits, await database.QueryAsync(db => db.AuditEntries.CountAsync()));
        Assert.False(await database.QueryAsync(db => db.Investors.AnyAsync(i => i.Name == "江苏从未出现过的新企业有限公司")));
    }

    [Fact]
    public async Task An_attracting_unit_may_not_file_the_registration_form()
    {
        var scope = await database.ScopeOfAsync("shache");
        Assert.Equal(WriteStatus.NotAllowed, (await Command.ExecuteAsync(scope, await FormAsync("甲公司"))).Status);
    }
}

public sealed class LeadsDemoDataTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Every_attracting_unit_has_pushed_targets_and_some_units_miss_this_weeks_report()
    {
        var (hosts, pushed, reportedThisWeek) = await database.QueryAsync(async db =>
        {
            var hostIds = await db.Units.Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone).Select(u => u.Id).ToListAsync();
            var units = await db.TargetPushes.Select(p => p.UnitId).Distinct().ToListAsync();
            var monday = ReportWeek.Containing(TestClock.Default.UtcNow).Monday;
            var reported = await db.WeeklyReports.Where(r => r.WeekMonday == monday).CountAsync();
            return (hostIds, units, reported);
        });
        Assert.All(hosts, h => Assert.Contains(h, pushed));
        Assert.InRange(reportedThisWeek, 1, hosts.Count - 1);
    }
}
