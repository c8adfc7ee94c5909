using KashiInvest.Domain.Assessment;
using KashiInvest.Infrastructure.AnnualTargets;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Tests.Assessment;

/// <summary>
/// A test implementation of <see cref="IAnnualFigures"/> at its boundary, for the assessment's web and browser tests:
/// the real one lands with the targets branch (which registers it in the app). Every assessed unit gets a target of
/// 1,000 (万元 or projects) per indicator and an actual that differs by unit (so the rankings have an order), the
/// same in every year.
/// </summary>
public sealed class TestAnnualFigures(IDbContextFactory<KashiDbContext> factory) : IAnnualFigures
{
    public async Task<IReadOnlyList<UnitIndicatorFigure>> ReadAsync(int year, DateOnly through, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var units = (await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Type }).ToListAsync(ct))
            .Where(u => AnnualIndicators.SequenceOf(u.Type) is not null).ToList();
        return units.SelectMany((u, n) => AnnualIndicators.All.Select(i =>
                new UnitIndicatorFigure(u.Id, i, 1000m, 600m + 37m * (n % 13))))
            .ToList();
    }
}
