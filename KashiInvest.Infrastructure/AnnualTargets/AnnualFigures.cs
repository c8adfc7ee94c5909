using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.AnnualTargets;

/// <summary>
/// Reads the year's targets from the splits and computes each assessed unit's year-to-date results live from the
/// platform's data, with the monthly return's own calculator (<see cref="MonthlyReturnCalculator"/>) over the same
/// facts (<see cref="MonthlyReturnData.LoadAsync"/>) as recorded by the end of the Beijing day measured through — so
/// a report that moves funds moves the progress at once. Whose projects count:
/// <list type="bullet">
/// <item>KEDZ and a county: the projects it hosts (as its monthly return);</item>
/// <item>a sub-bureau: the projects it brought in (its source projects);</item>
/// <item>a chain-lead unit: the projects of the chains it leads, prefecture-wide (the by-chain figures of every
/// unit's return, summed; the calculator's total over the chain's projects is exactly that).</item>
/// </list>
/// </summary>
public sealed class AnnualFigures(IDbContextFactory<KashiDbContext> factory, IOptions<StatisticsSettings> settings) : IAnnualFigures
{
    public async Task<IReadOnlyList<UnitIndicatorFigure>> ReadAsync(int year, DateOnly through, CancellationToken ct)
    {
        if (through.Year != year) throw new ArgumentOutOfRangeException(nameof(through), "The day measured through must fall in the year.");
        await using var db = await factory.CreateDbContextAsync(ct);
        var targets = await db.AnnualTargets.AsNoTracking().Include(t => t.Shares).Where(t => t.Year == year).ToListAsync(ct);
        var results = await ComputeAsync(db, through, settings.Value, ct);
        return [.. results.SelectMany(unit => AnnualIndicators.All.Select(indicator => new UnitIndicatorFigure(unit.UnitId, indicator,
            targets.FirstOrDefault(t => t.Indicator == indicator)?.ShareOf(unit.UnitId), unit.Actual(indicator))))];
    }

    /// <summary>Every assessed unit's year-to-date results of <paramref name="through"/>'s year, as recorded by the end of that Beijing day.</summary>
    public static async Task<IReadOnlyList<UnitResults>> ComputeAsync(KashiDbContext db, DateOnly through, StatisticsSettings settings, CancellationToken ct)
    {
        var units = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Type }).ToListAsync(ct))
            .Where(u => AnnualIndicators.SequenceOf(u.Type) is not null).OrderBy(u => u.Id).ToList();
        var chainsByLead = (await db.Chains.AsNoTracking().Select(c => new { c.Id, c.LeadUnitId }).ToListAsync(ct))
            .ToLookup(c => c.LeadUnitId, c => c.Id);

        var month = StatMonth.Containing(through);
        var cutoff = BeijingTime.EndOfDayUtc(through);
        var allUnits = await db.Units.AsNoTracking().Select(u => u.Id).ToListAsync(ct);
        var facts = await MonthlyReturnData.LoadAsync(db, allUnits, month, ct);
        var sources = (await db.Projects.AsNoTracking().Select(p => new { p.Id, p.SourceUnitId }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => p.SourceUnitId);

        // As recorded by the end of the day: later stage steps and reports do not count yet.
        var projects = facts.Projects
            .Select(p => p with { Facts = p.Facts with { History = [.. p.Facts.History.Where(s => s.AtUtc < cutoff)] } })
            .Where(p => p.Facts.History.Count > 0)
            .ToList();
        var funds = facts.Funds.Where(f => f.SubmittedAtUtc < cutoff).ToList();

        var result = new List<UnitResults>();
        foreach (var unit in units)
        {
            IEnumerable<MonthProject> mine = unit.Type switch
            {
                UnitType.County or UnitType.DevelopmentZone => projects.Where(p => p.HostUnitId == unit.Id),
                UnitType.SubBureau => projects.Where(p => sources.GetValueOrDefault(p.Id) == unit.Id),
                _ => projects.Where(p => chainsByLead[unit.Id].Contains(p.Facts.ChainId)),
            };
            var projectFacts = mine.Select(p => p.Facts).ToList();
            var ids = projectFacts.Select(p => p.ProjectId).ToHashSet();
            var figures = MonthlyReturnCalculator.Compute(month, projectFacts, [.. funds.Where(f => ids.Contains(f.ProjectId))], settings);
            result.Add(new UnitResults(unit.Id, unit.Type, figures));
        }
        return result;
    }
}

/// <summary>One assessed unit's year-to-date figures (the monthly return's codes, unit totals and by chain).</summary>
public sealed record UnitResults(int UnitId, UnitType Type, IReadOnlyDictionary<FigureKey, decimal> Figures)
{
    public AssessmentSequence Sequence => AnnualIndicators.SequenceOf(Type)!.Value;

    public decimal Actual(AnnualIndicator indicator) => Figures.GetValueOrDefault(new FigureKey(indicator.YtdFigure()));
}
