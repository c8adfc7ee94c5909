using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Statistics;
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
/// The review page of a monthly return (/statistics/returns/{unit}/{month}) on the demo data: the county whose
/// latest return was returned reads the Bureau's comment, corrects a figure with a reason and resubmits; the Bureau
/// approves; a leader reads the approved figures only.
/// </summary>
public sealed class ReturnReviewPageTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static StatMonth Latest => StatMonth.Containing(TestClock.Default.UtcNow).Previous();

    private async Task<(BunitContext Context, IRenderedComponent<ReturnReviewPage> Page)> RenderAsync(UserScope scope, int unitId)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(scope));
        context.Services.AddScoped(sp => new LiveFeed(sp.GetRequiredService<ILiveBus>(), sp.GetRequiredService<IUserScopeProvider>(), new CircuitLink(), NullLogger<LiveFeed>.Instance));
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        context.Render<MudPopoverProvider>();
        var page = context.Render<ReturnReviewPage>(p => p.Add(x => x.UnitId, unitId).Add(x => x.MonthText, Latest.ToString()));
        await Task.Yield();
        return (context, page);
    }

    [Fact]
    public async Task The_returned_county_corrects_with_a_reason_and_resubmits_then_the_Bureau_approves_and_a_leader_reads_it()
    {
        using var _ = new UiCulture("en");
        var county = await database.ScopeOfAsync(StatisticsDemoData.ReturnedUnitCode);
        var unit = county.UnitId!.Value;

        // The county corrects one figure with its reason (the command the page's correction form calls) ...
        var commands = database.Services.GetRequiredService<MonthlyReturnCommands>();
        var view = (await commands.ReadAsync(county, unit, Latest))!;
        Assert.Equal(ReturnStatus.Returned, view.Return.Status);
        var corrected = await commands.CorrectAsync(county, view.Return.Id, view.Return.Version, new FigureKey(FigureCode.OutOfRegionFundsMonth), 321m, "按银行进账单核实");
        Assert.Equal(Web.Shared.Writes.WriteStatus.Saved, corrected.Status);

        // ... and on the page reads the Bureau's comment, sees its correction beside the computed figure, and resubmits.
        var (countyContext, page) = await RenderAsync(county, unit);
        await using (countyContext)
        {
            page.WaitForAssertion(() => Assert.Contains("Returned", page.Find("[data-testid=return-status]").TextContent, StringComparison.Ordinal));
            Assert.Contains(StatisticsDemoData.ReturnComment, page.Find("[data-testid=return-comment]").TextContent, StringComparison.Ordinal);
            Assert.Contains("3.21 million", page.Find("[data-testid=figure-OutOfRegionFundsMonth] [data-testid=corrected]").TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(page.FindAll("[data-testid=return-correct]"));
            Assert.Empty(page.FindAll("[data-testid=return-review]")); // a county does not review

            page.Find("[data-testid=return-submit]").Click();
            page.WaitForAssertion(() => Assert.Contains("Submitted", page.Find("[data-testid=return-status]").TextContent, StringComparison.Ordinal));
            Assert.Empty(page.FindAll("[data-testid=return-submit]"));
            Assert.Empty(page.FindAll("[data-testid=return-correct]"));
        }

        var (bureauContext, review) = await RenderAsync(await database.ScopeOfAsync("bureau", ActorRole.Bureau), unit);
        await using (bureauContext)
        {
            review.WaitForAssertion(() => Assert.NotEmpty(review.FindAll("[data-testid=review-approve]")));
            Assert.Contains("3.21 million", review.Find("[data-testid=figure-OutOfRegionFundsMonth] [data-testid=corrected]").TextContent, StringComparison.Ordinal);
            review.Find("[data-testid=review-approve]").Click();
            review.WaitForAssertion(() => Assert.Contains("Approved", review.Find("[data-testid=return-status]").TextContent, StringComparison.Ordinal));
        }

        var (leaderContext, read) = await RenderAsync(await database.ScopeOfAsync("leaders", ActorRole.Leader), unit);
        await using (leaderContext)
        {
            read.WaitForAssertion(() => Assert.Contains("3.21 million", read.Find("[data-testid=figure-OutOfRegionFundsMonth] [data-testid=approved]").TextContent, StringComparison.Ordinal));
            Assert.Empty(read.FindAll("[data-testid=computed]")); // working figures and corrections are the unit's and the Bureau's
            Assert.Empty(read.FindAll("[data-testid=return-history]"));
            Assert.Empty(read.FindAll("[data-testid=return-correct]"));
        }

        var history = await database.QueryAsync(db => db.MonthlyReturnHistory.Where(h => db.MonthlyReturns.Any(r => r.Id == h.MonthlyReturnId && r.UnitId == unit && r.MonthIndex == Latest.Index))
            .OrderBy(h => h.Id).Select(h => h.Action).ToListAsync());
        Assert.Equal([ReturnAction.Computed, ReturnAction.Submitted, ReturnAction.Returned, ReturnAction.Corrected, ReturnAction.Resubmitted, ReturnAction.Approved], history);
    }
}
