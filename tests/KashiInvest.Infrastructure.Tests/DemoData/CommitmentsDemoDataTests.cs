using KashiInvest.Domain.Commitments;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Tests.DemoData;

public sealed class CommitmentsDemoDataTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task The_demo_has_commitments_of_every_kind_and_state_some_overdue_and_payments_that_never_exceed_the_promise()
    {
        await using var db = seeded.Database.CreateContext();
        var all = await db.Commitments.AsNoTracking().Include(c => c.Payments).Include(c => c.Conditions).ToListAsync();
        var today = seeded.Today;

        Assert.All(Enum.GetValues<CommitmentKind>(), kind => Assert.Contains(all, c => c.Kind == kind));
        Assert.All(Enum.GetValues<CommitmentStatus>(), status => Assert.Contains(all, c => c.Status == status));
        Assert.Contains(all, c => c.IsOverdue(today));
        Assert.Contains(all, c => c.IsRunning && !c.IsOverdue(today));
        Assert.Contains(all, c => c.Concerns != FairCompetitionConcern.None);
        Assert.All(all.Where(c => c.Status != CommitmentStatus.NotYetDue), c => Assert.All(c.Conditions, x => Assert.True(x.IsMet)));
        Assert.All(all.Where(c => c.AmountWan is not null), c => Assert.True(c.PaidWan <= c.AmountWan));
        Assert.All(all.SelectMany(c => c.Payments), p => Assert.True(p.PaidOn <= today));
    }
}
