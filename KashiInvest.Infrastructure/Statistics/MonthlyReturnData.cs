using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Statistics;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Statistics;

/// <summary>
/// Loads what <see cref="MonthlyReturnCalculator"/> needs for one unit and month — the unit's projects with their stage
/// history and the funds reports on them, as recorded before the month's close — and computes the figures.
/// </summary>
public static class MonthlyReturnData
{
    public static async Task<IReadOnlyDictionary<FigureKey, decimal>> ComputeAsync(KashiDbContext db, int unitId, StatMonth month,
        StatisticsSettings settings, CancellationToken ct)
    {
        var close = month.CloseUtc;
        var projects = await (
                from p in db.Projects.AsNoTracking()
                join i in db.Investors.AsNoTracking() on p.InvestorId equals i.Id
                where p.HostUnitId == unitId
                select new { p.Id, p.ChainId, p.PlannedInvestmentWan, Tiered = i.Tiers != InvestorTier.None })
            .ToListAsync(ct);
        var steps = await (
                from s in db.StageChanges.AsNoTracking()
                join p in db.Projects.AsNoTracking() on s.ProjectId equals p.Id
                where p.HostUnitId == unitId && s.AtUtc < close
                select new { s.ProjectId, s.To, s.AtUtc })
            .ToListAsync(ct);
        var reports = await (
                from r in db.ProgressReports.AsNoTracking()
                join p in db.Projects.AsNoTracking() on r.ProjectId equals p.Id
                where p.HostUnitId == unitId && r.SubmittedAtUtc < close
                select new { r.ProjectId, r.PeriodIndex, r.Kind, r.Revision, r.FundsInPlaceThisPeriodWan, r.OutOfRegionFundsThisPeriodWan, r.SubmittedAtUtc })
            .ToListAsync(ct);

        var history = steps.GroupBy(s => s.ProjectId).ToDictionary(g => g.Key, g => (IReadOnlyList<StageStep>)g.Select(s => new StageStep(s.To, s.AtUtc)).ToList());
        var facts = projects.Where(p => history.ContainsKey(p.Id))
            .Select(p => new ProjectFacts(p.Id, p.ChainId, p.PlannedInvestmentWan, p.Tiered, history[p.Id])).ToList();
        var funds = reports.Select(r => new FundsReport(r.ProjectId, r.PeriodIndex, r.Kind, r.Revision, r.FundsInPlaceThisPeriodWan,
            r.OutOfRegionFundsThisPeriodWan, r.SubmittedAtUtc)).ToList();
        return MonthlyReturnCalculator.Compute(month, facts, funds, settings);
    }
}
