using KashiInvest.Domain.Access;
using KashiInvest.Domain.Statistics;
using KashiInvest.Web.Features.Statistics;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Statistics;

/// <summary>
/// A unit's monthly return through the write path on the demo database: computed, corrected with a reason,
/// submitted, returned by the Bureau with a comment, resubmitted, approved, read by a leader; refusals as results.
/// Uses months before the demo data's history, so the demo's own returns do not interfere.
/// </summary>
public sealed class MonthlyReturnCommandsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private MonthlyReturnCommands Commands => database.Services.GetRequiredService<MonthlyReturnCommands>();

    private static readonly FigureKey Funds = new(FigureCode.FundsMonth);

    private Task<int> UnitIdAsync(string code) => database.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task A_county_reviews_and_submits_the_Bureau_returns_it_the_county_fixes_and_resubmits_the_Bureau_approves()
    {
        var month = new StatMonth(2024, 3);
        var shache = await database.ScopeOfAsync("shache");
        var shule = await database.ScopeOfAsync("shule");
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var leader = await database.ScopeOfAsync("leaders", ActorRole.Leader);
        var unit = shache.UnitId!.Value;

        var computed = await Commands.ComputeAsync(shache, unit, month);
        Assert.Equal(WriteStatus.Saved, computed.Status);
        var view = (await Commands.ReadAsync(shache, unit, month))!;
        Assert.True(view.WorkingVisible && view.CanCorrect && view.CanSubmit && !view.CanReview);
        Assert.Null(await Commands.ReadAsync(shule, unit, month)); // another county: as if missing
        Assert.Null(await Commands.ReadAsync(leader, unit, month)); // leaders read approved figures only
        var id = computed.Id!.Value;

        var noReason = await Commands.CorrectAsync(shache, id, view.Return.Version, Funds, 1_234m, "  ");
        Assert.Equal("Return.CorrectionReasonRequired", Assert.Single(noReason.Errors!).Violation.Code);
        Assert.Equal(WriteStatus.Saved, (await Commands.CorrectAsync(shache, id, view.Return.Version, Funds, 1_234m, "一笔到位资金未在平台登记")).Status);
        // A form based on the version before the correction is refused as a conflict.
        Assert.Equal(WriteStatus.Conflict, (await Commands.SubmitAsync(shache, id, view.Return.Version)).Status);
        Assert.Equal(WriteStatus.NotFound, (await Commands.SubmitAsync(shule, id, view.Return.Version + 1)).Status);

        var v = (await Commands.ReadAsync(bureau, unit, month))!.Return.Version;
        Assert.Equal("Return.NotSubmitted", Assert.Single((await Commands.ApproveAsync(bureau, id, v)).Errors!).Violation.Code);
        Assert.Equal(WriteStatus.Saved, (await Commands.SubmitAsync(shache, id, v)).Status);
        v++;
        Assert.Equal("Return.CommentRequired", Assert.Single((await Commands.ReturnAsync(bureau, id, v, null)).Errors!).Violation.Code);
        Assert.Equal(WriteStatus.Saved, (await Commands.ReturnAsync(bureau, id, v, "到位资金与项目半月报不一致，请核实")).Status);
        var returned = (await Commands.ReadAsync(shache, unit, month))!;
        Assert.Equal((ReturnStatus.Returned, "到位资金与项目半月报不一致，请核实"), (returned.Return.Status, returned.Return.ReturnComment));

        v = returned.Return.Version;
        Assert.Equal(WriteStatus.Saved, (await Commands.CorrectAsync(shache, id, v, Funds, 1_200m, "按半月报核实后更正")).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.SubmitAsync(shache, id, v + 1)).Status);
        Assert.Equal("Return.ReviewersOnly", Assert.Single((await Commands.ApproveAsync(shache, id, v + 2)).Errors!).Violation.Code);
        Assert.Equal(WriteStatus.Saved, (await Commands.ApproveAsync(bureau, id, v + 2)).Status);

        var approved = (await Commands.ReadAsync(leader, unit, month))!;
        Assert.False(approved.WorkingVisible);
        Assert.Equal(1_200m, approved.Return.Figure(Funds)!.ApprovedValue);
        Assert.Equal(
            [ReturnAction.Computed, ReturnAction.Corrected, ReturnAction.Submitted, ReturnAction.Returned, ReturnAction.Corrected, ReturnAction.Resubmitted, ReturnAction.Approved],
            approved.Return.History.OrderBy(h => h.Id).Select(h => h.Action));
        Assert.Equal(["shache", "shache", "shache", "bureau", "shache", "shache", "bureau"], approved.Return.History.OrderBy(h => h.Id).Select(h => h.By));

        // Locked: a refresh is refused; a revision needs a reason.
        Assert.Equal("Return.Locked", Assert.Single((await Commands.ComputeAsync(shache, unit, month)).Errors!).Violation.Code);
        Assert.Equal("Return.RevisionReasonRequired", Assert.Single((await Commands.OpenRevisionAsync(shache, id, approved.Return.Version, "")).Errors!).Violation.Code);
        Assert.Equal(WriteStatus.Saved, (await Commands.OpenRevisionAsync(shache, id, approved.Return.Version, "补报一个签约项目")).Status);

        var audited = await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(MonthlyReturn) && a.EntityId == id.ToString()).Select(a => a.After).ToListAsync());
        // Created, then each of the seven changes, every one with its after-image.
        Assert.Equal(8, audited.Count);
        Assert.Contains(audited, a => a!.Contains("\"Status\":\"Returned\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Computing_is_refused_for_a_month_not_yet_closed_and_for_readers()
    {
        var shache = await database.ScopeOfAsync("shache");
        var leader = await database.ScopeOfAsync("leaders", ActorRole.Leader);
        var current = StatMonth.Containing(TestClock.Default.GetUtcNow().UtcDateTime);

        var open = await Commands.ComputeAsync(shache, shache.UnitId!.Value, current);
        var asLeader = await Commands.ComputeAsync(leader, shache.UnitId!.Value, new StatMonth(2024, 4));
        var otherUnit = await Commands.ComputeAsync(shache, await UnitIdAsync("shule"), new StatMonth(2024, 4));

        Assert.Equal("Return.MonthNotClosed", Assert.Single(open.Errors!).Violation.Code);
        Assert.Equal(WriteStatus.NotAllowed, asLeader.Status);
        Assert.Equal(WriteStatus.NotFound, otherUnit.Status);
    }

    [Fact]
    public async Task The_figures_are_computed_from_the_demo_projects_and_the_Bureau_can_compute_for_any_unit()
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var unit = await UnitIdAsync("kedz");
        var month = StatMonth.Containing(TestClock.Default.GetUtcNow().UtcDateTime).Previous();
        await database.QueryAsync(db => db.MonthlyReturns.Where(r => r.UnitId == unit && r.MonthIndex == month.Index).ExecuteDeleteAsync());

        var result = await Commands.ComputeAsync(bureau, unit, month);

        Assert.Equal(WriteStatus.Saved, result.Status);
        var view = (await Commands.ReadAsync(bureau, unit, month))!;
        Assert.Equal("bureau", view.Return.ComputedBy);
        Assert.True(view.Return.Value(new FigureKey(FigureCode.SignedYtd)) + view.Return.Value(new FigureKey(FigureCode.InNegotiation)) > 0,
            "the demo's KEDZ has signed or negotiating projects");
        Assert.False(view.CanCorrect); // the Bureau reviews; it does not correct a unit's figures
    }
}
