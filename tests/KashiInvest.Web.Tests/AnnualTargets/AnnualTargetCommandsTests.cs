using KashiInvest.Domain.Access;
using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Web.Features.AnnualTargets;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.AnnualTargets;

/// <summary>The annual targets through the write path on the demo database (which has this year's targets split in full).</summary>
public sealed class AnnualTargetCommandsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private AnnualTargetCommands Commands => database.Services.GetRequiredService<AnnualTargetCommands>();

    [Fact]
    public async Task The_Bureau_sees_every_assessed_unit_and_a_county_only_its_own_progress()
    {
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var county = await database.ScopeOfAsync("shache");
        var year = Commands.Today.Year;

        var all = await Commands.ReadAsync(bureau, year);
        var mine = await Commands.ReadAsync(county, year);

        Assert.All(all.Targets, t => Assert.NotNull(t.Amount));
        Assert.Contains(all.Progress, r => r.Sequence == AssessmentSequence.SubBureaus);
        Assert.Contains(all.Progress, r => r.Sequence == AssessmentSequence.ChainLeads);
        Assert.Equal(AnnualIndicators.All.Length, mine.Progress.Count);
        Assert.All(mine.Progress, r => Assert.Equal(county.UnitId, r.UnitId));
        Assert.All(mine.Targets, t => Assert.All(t.Shares.Keys, unit => Assert.Equal(county.UnitId, unit)));
        Assert.Contains(mine.Targets, t => t.Shares.ContainsKey(county.UnitId!.Value));
        Assert.True(mine.Elapsed is > 0m and <= 1m);
    }

    [Fact]
    public async Task The_Bureau_splits_an_over_split_is_refused_on_the_whole_a_stale_form_conflicts_and_a_county_may_not_split()
    {
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var county = await database.ScopeOfAsync("shache");
        var year = Commands.Today.Year;
        var target = (await Commands.ReadAsync(bureau, year)).Targets.Single(t => t.Indicator == AnnualIndicator.SignedProjects);
        var counties = await database.QueryAsync(db => db.Units.Where(u => u.Type == Domain.Units.UnitType.County).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync());

        var over = counties.ToDictionary(id => id, _ => (decimal?)target.Amount);
        var refused = await Commands.SplitAsync(bureau, target.Id!.Value, target.Version, AssessmentSequence.CountiesAndZone, over);
        Assert.Equal(("split", "AnnualTarget.OverSplit"), Assert.Single(refused.Errors!) is var e ? (e.Field, e.Violation.Code) : default);

        var half = new Dictionary<int, decimal?> { [counties[0]] = decimal.Floor(target.Amount!.Value / 2) };
        Assert.Equal(WriteStatus.Saved, (await Commands.SplitAsync(bureau, target.Id.Value, target.Version, AssessmentSequence.CountiesAndZone, half)).Status);
        var after = (await Commands.ReadAsync(bureau, year)).Targets.Single(t => t.Indicator == AnnualIndicator.SignedProjects);
        Assert.Equal(decimal.Floor(target.Amount.Value / 2), after.Shares[counties[0]]);
        Assert.Equal(WriteStatus.Conflict, (await Commands.SplitAsync(bureau, target.Id.Value, target.Version, AssessmentSequence.CountiesAndZone, half)).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.SplitAsync(county, target.Id.Value, after.Version, AssessmentSequence.CountiesAndZone, half)).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.SetAsync(county, year, AnnualIndicator.SignedProjects, 1m, after.Version)).Status);
        Assert.Equal("AnnualTarget.OverSplit", Assert.Single((await Commands.SetAsync(bureau, year, AnnualIndicator.SignedProjects, 0m, after.Version)).Errors!).Violation.Code);
    }

    [Fact]
    public async Task The_Bureau_sets_next_years_first_target_once_and_a_second_first_setting_conflicts()
    {
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var next = Commands.Today.Year + 1;

        Assert.Equal(WriteStatus.Saved, (await Commands.SetAsync(bureau, next, AnnualIndicator.SignedMajor, 12m, null)).Status);
        Assert.Equal(WriteStatus.Conflict, (await Commands.SetAsync(bureau, next, AnnualIndicator.SignedMajor, 15m, null)).Status);
        Assert.Equal("AnnualTarget.WholeProjects", Assert.Single((await Commands.SetAsync(bureau, next, AnnualIndicator.SignedLarge, 1.5m, null)).Errors!).Violation.Code);
        Assert.Equal(12m, (await Commands.ReadAsync(bureau, next)).Targets.Single(t => t.Indicator == AnnualIndicator.SignedMajor).Amount);
    }
}
