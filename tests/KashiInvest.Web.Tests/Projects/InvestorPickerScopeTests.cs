using KashiInvest.Domain.Access;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Projects;

/// <summary>
/// The investor picker on the project form offers only investors the user may know of: on a project it sees, or named
/// on its own unit's forms and weekly reports — or the one whose full credit code the user typed.
/// </summary>
public sealed class InvestorPickerScopeTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private ProjectReader Reader => database.Services.GetRequiredService<ProjectReader>();

    /// <summary>An investor with a credit code on a project of Kashgar city only, named nowhere by Shache.</summary>
    private async Task<(int Id, string Name, string Code)> KashiOnlyInvestorAsync() => await database.QueryAsync(async db =>
    {
        var kashi = await db.Units.Where(u => u.Code == "kashi").Select(u => u.Id).SingleAsync();
        var shache = await db.Units.Where(u => u.Code == "shache").Select(u => u.Id).SingleAsync();
        var known = db.Projects.Where(p => p.HostUnitId == shache).Select(p => p.InvestorId)
            .Concat(db.LeadForms.Where(f => f.FiledByUnitId == shache).Select(f => f.InvestorId))
            .Concat(from e in db.IntentionEntries join r in db.WeeklyReports on e.ReportId equals r.Id where r.UnitId == shache select e.InvestorId);
        var investor = await db.Investors
            .Where(i => i.CreditCode != null && db.Projects.Any(p => p.InvestorId == i.Id && p.HostUnitId == kashi) && !known.Contains(i.Id))
            .OrderBy(i => i.Id).FirstAsync();
        return (investor.Id, investor.Name, investor.CreditCode!);
    });

    [Fact]
    public async Task A_county_does_not_find_another_countys_investor_by_name_but_the_owner_and_the_bureau_do()
    {
        var (id, name, _) = await KashiOnlyInvestorAsync();

        var shache = await Reader.SearchInvestorsAsync(await database.ScopeOfAsync("shache"), name);
        var kashi = await Reader.SearchInvestorsAsync(await database.ScopeOfAsync("kashi"), name);
        var bureau = await Reader.SearchInvestorsAsync(await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau), name);

        Assert.DoesNotContain(shache, i => i.Id == id);
        Assert.Contains(kashi, i => i.Id == id);
        Assert.Contains(bureau, i => i.Id == id);
    }

    [Fact]
    public async Task A_county_finds_another_countys_investor_only_by_its_full_credit_code()
    {
        var (id, _, code) = await KashiOnlyInvestorAsync();
        var shache = await database.ScopeOfAsync("shache");

        Assert.DoesNotContain(await Reader.SearchInvestorsAsync(shache, code[..10]), i => i.Id == id);
        Assert.Contains(await Reader.SearchInvestorsAsync(shache, code), i => i.Id == id);
        Assert.Contains(await Reader.SearchInvestorsAsync(shache, code.ToLowerInvariant()), i => i.Id == id);
    }

    [Fact]
    public async Task Browsing_without_text_lists_only_the_countys_own_investors()
    {
        var shache = await database.ScopeOfAsync("shache");
        var visible = await database.QueryAsync(db => db.Projects.Where(ProjectAccess.VisibleTo(shache)).Select(p => p.InvestorId).ToListAsync());
        var filed = await database.QueryAsync(async db =>
            await db.LeadForms.Where(f => f.FiledByUnitId == shache.UnitId).Select(f => f.InvestorId)
                .Concat(from e in db.IntentionEntries join r in db.WeeklyReports on e.ReportId equals r.Id where r.UnitId == shache.UnitId select e.InvestorId)
                .ToListAsync());

        var listed = await Reader.SearchInvestorsAsync(shache, null);

        Assert.NotEmpty(listed);
        Assert.All(listed, i => Assert.True(visible.Contains(i.Id) || filed.Contains(i.Id), $"{i.Name} is not Shache's to see"));
    }

    [Fact]
    public async Task An_investor_on_no_project_or_report_is_offered_to_the_bureau_only()
    {
        const string Name = "未关联测试客商有限公司";
        await database.QueryAsync(async db =>
        {
            if (!await db.Investors.AnyAsync(i => i.Name == Name))
            {
                db.Actor = new KashiInvest.Domain.Common.Actor("bureau", null);
                db.Investors.Add(new Investor(Name, null, InvestorTier.None, SourceRegionCode.PearlRiverDelta));
                await db.SaveChangesAsync();
            }
            return 0;
        });

        Assert.Empty(await Reader.SearchInvestorsAsync(await database.ScopeOfAsync("shache"), Name));
        Assert.Empty(await Reader.SearchInvestorsAsync(await database.ScopeOfAsync("sub-prd", ActorRole.SubBureau), Name));
        Assert.Single(await Reader.SearchInvestorsAsync(await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau), Name));
    }
}
