using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Statistics;

/// <summary>One project as the platform recorded it before a month's close: what the calculator needs, and what a list shows.</summary>
public sealed record MonthProject(ProjectFacts Facts, string Code, string Name, int HostUnitId, SourceRegionCode Region)
{
    public int Id => Facts.ProjectId;
}

/// <summary>
/// The facts of units' projects as of a month's close: the projects with a stage history before the close, and every
/// funds report on the units' projects submitted before it.
/// </summary>
public sealed record MonthFacts(IReadOnlyList<MonthProject> Projects, IReadOnlyList<FundsReport> Funds);

/// <summary>
/// Loads what <see cref="MonthlyReturnCalculator"/> needs for units and a month — their projects with their stage
/// history and the funds reports on them, as recorded before the month's close — and computes a unit's figures. The
/// statistics drill-down reads the same facts (<see cref="LoadAsync"/>), so the projects behind a figure are the ones
/// the figure was computed from.
/// </summary>
public static class MonthlyReturnData
{
    public static async Task<IReadOnlyDictionary<FigureKey, decimal>> ComputeAsync(KashiDbContext db, int unitId, StatMonth month,
        StatisticsSettings settings, CancellationToken ct)
    {
        var facts = await LoadAsync(db, [unitId], month, ct);
        return MonthlyReturnCalculator.Compute(month, [.. facts.Projects.Select(p => p.Facts)], facts.Funds, settings);
    }

    /// <summary>The units' projects and funds reports as recorded before the month's close.</summary>
    public static async Task<MonthFacts> LoadAsync(KashiDbContext db, IReadOnlyCollection<int> unitIds, StatMonth month, CancellationToken ct)
    {
        if (unitIds.Count == 0) return new MonthFacts([], []);
        var units = unitIds.ToList();
        var close = month.CloseUtc;
        var projects = await (
                from p in db.Projects.AsNoTracking()
                join i in db.Investors.AsNoTracking() on p.InvestorId equals i.Id
                where units.Contains(p.HostUnitId)
                select new { p.Id, p.Code, p.Name, p.HostUnitId, p.ChainId, p.PlannedInvestmentWan, Tiered = i.Tiers != InvestorTier.None, i.Region })
            .ToListAsync(ct);
        var steps = await (
                from s in db.StageChanges.AsNoTracking()
                join p in db.Projects.AsNoTracking() on s.ProjectId equals p.Id
                where units.Contains(p.HostUnitId) && s.AtUtc < close
                select new { s.ProjectId, s.To, s.AtUtc })
            .ToListAsync(ct);
        var reports = await (
                from r in db.ProgressReports.AsNoTracking()
                join p in db.Projects.AsNoTracking() on r.ProjectId equals p.Id
                where units.Contains(p.HostUnitId) && r.SubmittedAtUtc < close
                select new { r.ProjectId, r.PeriodIndex, r.Kind, r.Revision, r.FundsInPlaceThisPeriodWan, r.OutOfRegionFundsThisPeriodWan, r.SubmittedAtUtc })
            .ToListAsync(ct);

        var history = steps.GroupBy(s => s.ProjectId).ToDictionary(g => g.Key, g => (IReadOnlyList<StageStep>)g.Select(s => new StageStep(s.To, s.AtUtc)).ToList());
        var facts = projects.Where(p => history.ContainsKey(p.Id))
            .Select(p => new MonthProject(new ProjectFacts(p.Id, p.ChainId, p.PlannedInvestmentWan, p.Tiered, history[p.Id]), p.Code, p.Name, p.HostUnitId, p.Region))
            .ToList();
        var funds = reports.Select(r => new FundsReport(r.ProjectId, r.PeriodIndex, r.Kind, r.Revision, r.FundsInPlaceThisPeriodWan,
            r.OutOfRegionFundsThisPeriodWan, r.SubmittedAtUtc)).ToList();
        return new MonthFacts(facts, funds);
    }
}
