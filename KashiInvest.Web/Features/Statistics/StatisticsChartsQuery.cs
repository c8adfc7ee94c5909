using KashiInvest.Domain.Access;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Statistics;

/// <summary>One month of the "funds in place by month" chart: the sums of the approved returns of that month this year and last year.</summary>
public sealed record MonthFunds(int Month, decimal? ThisYear, decimal? LastYear, int MissingThisYear, int MissingLastYear);

/// <summary>One attracting unit's bar: its approved year-to-date funds, the out-of-region funds' growth and rank.</summary>
public sealed record CountyFunds(int UnitId, decimal FundsYtd, decimal OutOfRegionFundsYtd, Growth OutOfRegionGrowth, int? Rank);

/// <summary>One chain's bar: the approved year-to-date funds of the units' returns on that chain.</summary>
public sealed record ChainFunds(int ChainId, decimal FundsYtd, decimal OutOfRegionFundsYtd);

/// <summary>
/// One source region's out-of-region funds to date. The returns carry no figure by region, so these are summed from the
/// platform's own records (the projects' reports, by their investor's region) of the units whose return is approved.
/// </summary>
public sealed record RegionFunds(SourceRegionCode Region, decimal OutOfRegionFundsYtd, decimal FundsYtd, int Projects);

/// <summary>
/// What the statistics screen (<c>/statistics</c>) draws for one month, from approved returns only: the sums over the
/// units whose return of the month is approved, and the units missing from them.
/// </summary>
public sealed record StatisticsCharts(
    StatMonth Month,
    IReadOnlyList<int> UnitIds,
    IReadOnlyList<int> MissingUnitIds,
    IReadOnlyDictionary<FigureCode, decimal> Totals,
    IReadOnlyList<MonthFunds> ByMonth,
    IReadOnlyList<CountyFunds> Counties,
    IReadOnlyList<ChainFunds> Chains,
    IReadOnlyList<RegionFunds> Regions);

/// <summary>What a drill-down opens: a month's funds, a unit's or a chain's funds to date, the projects at a stage, or all funds to date.</summary>
public enum DrillKind { Month, County, Chain, Stage, Total, Region }

/// <summary>A figure to open: <see cref="Key"/> is the month index, the unit id, the chain id, the <see cref="FigureCode"/> (stage, total) or the <see cref="SourceRegionCode"/> (as int).</summary>
public sealed record DrillTarget(DrillKind Kind, int Key);

/// <summary>One project behind a figure, with what it contributes (its own figures by the same rules as the return).</summary>
public sealed record DrillProject(int ProjectId, string Code, string Name, int UnitId, int ChainId, decimal FundsWan, decimal OutOfRegionFundsWan,
    decimal PlannedInvestmentWan);

/// <summary>
/// The projects behind a figure. <see cref="ProjectsSum"/> is their sum of <see cref="Figure"/> (a count for a stage)
/// and <see cref="Approved"/> the approved figure it stands behind: they differ only where a unit corrected the figure
/// in its return or filed a figure not computed from the platform (the projects carry the platform's data). A source
/// region has no approved figure (null): the returns have none by region.
/// </summary>
public sealed record DrillDown(DrillTarget Target, StatMonth Month, FigureCode Figure, IReadOnlyList<DrillProject> Projects, decimal ProjectsSum,
    decimal? Approved, IReadOnlyList<int> MissingUnitIds)
{
    public bool DiffersFromApproved => Approved is { } approved && ProjectsSum != approved;
}

/// <summary>
/// The statistics screen's read (Art. 26): charts from the approved monthly returns and the drill-down to the projects
/// behind each figure. The Bureau, the administrator, leaders and the wall see every attracting unit; a unit its own
/// figures only. The returns have no figure by source region: that chart sums the platform's records of the counted units.
/// </summary>
public sealed class StatisticsChartsQuery(IDbContextFactory<KashiDbContext> factory, IOptions<StatisticsSettings> settings)
{
    /// <summary>The stage figures the "projects by stage" chart shows, in the order of the project's life.</summary>
    public static readonly FigureCode[] Stages =
        [FigureCode.NewLeads, FigureCode.InNegotiation, FigureCode.SignedYtd, FigureCode.StartedYtd, FigureCode.ProductionYtd];

    /// <summary>The prefecture's (or the unit's) headline figures, each of which opens the projects behind it.</summary>
    public static readonly FigureCode[] Headline =
        [FigureCode.FundsMonth, FigureCode.FundsYtd, FigureCode.OutOfRegionFundsMonth, FigureCode.OutOfRegionFundsYtd, FigureCode.SignedYtdInvestment];

    public static bool MayOpen(UserScope scope) => ReturnListQuery.MayOpen(scope);

    /// <summary>
    /// The month the screen opens on: the latest closed month with at least one approved return the user may see
    /// (a leader should not open on a month still in review), else the latest closed month itself.
    /// </summary>
    public async Task<StatMonth> DefaultMonthAsync(UserScope scope, StatMonth latestClosed, CancellationToken ct = default)
    {
        if (!MayOpen(scope)) return latestClosed;
        await using var db = await factory.CreateDbContextAsync(ct);
        var units = await UnitsAsync(db, scope, ct);
        var latest = await db.MonthlyReturns.AsNoTracking()
            .Where(r => units.Contains(r.UnitId) && r.MonthIndex <= latestClosed.Index && r.ApprovedRevision != null)
            .MaxAsync(r => (int?)r.MonthIndex, ct);
        return latest is { } index ? StatMonth.FromIndex(index) : latestClosed;
    }

    public async Task<StatisticsCharts?> ReadAsync(UserScope scope, StatMonth month, CancellationToken ct = default)
    {
        if (!MayOpen(scope)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var units = await UnitsAsync(db, scope, ct);
        var from = month.SameMonthLastYear.FirstOfYear.Index;
        var approved = await ApprovedAsync(db, units, from, month.Index, ct);

        decimal? Figure(int unitId, int monthIndex, FigureCode code, int? chainId = null) =>
            approved.TryGetValue((unitId, monthIndex), out var f) ? f.GetValueOrDefault((code, chainId)) : null;

        var missing = units.Where(u => !approved.ContainsKey((u, month.Index))).ToList();
        var counted = units.Except(missing).ToList();
        var totals = FigureCodes.Totals.ToDictionary(c => c, c => counted.Sum(u => Figure(u, month.Index, c) ?? 0m));

        var byMonth = new List<MonthFunds>();
        for (var m = 1; m <= 12; m++)
        {
            var thisYear = new StatMonth(month.Year, m);
            var lastYear = new StatMonth(month.Year - 1, m);
            byMonth.Add(new MonthFunds(m,
                thisYear <= month ? SumOrNull(units, thisYear) : null,
                SumOrNull(units, lastYear),
                thisYear <= month ? units.Count(u => !approved.ContainsKey((u, thisYear.Index))) : 0,
                units.Count(u => !approved.ContainsKey((u, lastYear.Index)))));
        }

        var counties = counted.Select(u => new CountyFunds(u,
                Figure(u, month.Index, FigureCode.FundsYtd) ?? 0m,
                Figure(u, month.Index, FigureCode.OutOfRegionFundsYtd) ?? 0m,
                YearOnYear.ForYearToDate(month, Figure(u, month.Index, FigureCode.OutOfRegionFundsYtd) ?? 0m,
                    m => Figure(u, m.Index, FigureCode.OutOfRegionFundsMonth)),
                null)).ToList();
        var ranked = Ranking.Competition(counties, c => c.OutOfRegionFundsYtd).Select(r => r.Item with { Rank = r.Rank }).ToList();

        var chainIds = await db.Chains.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var chains = chainIds.Select(c => new ChainFunds(c,
                counted.Sum(u => Figure(u, month.Index, FigureCode.FundsYtd, c) ?? 0m),
                counted.Sum(u => Figure(u, month.Index, FigureCode.OutOfRegionFundsYtd, c) ?? 0m)))
            .Where(c => c.FundsYtd != 0m || c.OutOfRegionFundsYtd != 0m)
            .OrderByDescending(c => c.FundsYtd).ToList();

        var parts = await ProjectPartsAsync(db, counted, month, ct);
        var regions = parts.GroupBy(p => p.Region)
            .Select(g => new RegionFunds(g.Key, g.Sum(p => p.Project.OutOfRegionFundsWan), g.Sum(p => p.Project.FundsWan),
                g.Count(p => p.Project.FundsWan != 0m || p.Project.OutOfRegionFundsWan != 0m)))
            .Where(r => r.OutOfRegionFundsYtd != 0m || r.FundsYtd != 0m)
            .OrderByDescending(r => r.OutOfRegionFundsYtd).ToList();

        return new StatisticsCharts(month, units, missing, totals, byMonth, ranked, chains, regions);

        // A month's prefecture sum over the units whose return of that month is approved; null when none is.
        decimal? SumOrNull(IReadOnlyList<int> all, StatMonth m)
        {
            var values = all.Select(u => Figure(u, m.Index, FigureCode.FundsMonth)).Where(v => v is not null).ToList();
            return values.Count == 0 ? null : values.Sum();
        }
    }

    /// <summary>
    /// The projects behind a figure of the charts, for the units in the user's scope whose return of the month is
    /// approved. Each project's part is computed by <see cref="MonthlyReturnCalculator"/> for that project alone, so
    /// the parts add up to the unit's computed figure; null when the user may not open the screen.
    /// </summary>
    public async Task<DrillDown?> DrillAsync(UserScope scope, StatMonth month, DrillTarget target, CancellationToken ct = default)
    {
        if (!MayOpen(scope)) return null;
        var figureMonth = target.Kind == DrillKind.Month ? StatMonth.FromIndex(target.Key) : month;
        var figure = target.Kind switch
        {
            DrillKind.Month => FigureCode.FundsMonth,
            DrillKind.Stage => Stages.Contains((FigureCode)target.Key) ? (FigureCode)target.Key : FigureCode.SignedYtd,
            DrillKind.Total => Headline.Contains((FigureCode)target.Key) ? (FigureCode)target.Key : FigureCode.FundsYtd,
            DrillKind.Region => FigureCode.OutOfRegionFundsYtd,
            _ => FigureCode.FundsYtd,
        };

        await using var db = await factory.CreateDbContextAsync(ct);
        var units = await UnitsAsync(db, scope, ct);
        if (target.Kind == DrillKind.County) units = [.. units.Where(u => u == target.Key)];
        var approved = await ApprovedAsync(db, units, figureMonth.Index, figureMonth.Index, ct);
        var counted = units.Where(u => approved.ContainsKey((u, figureMonth.Index))).ToList();
        var missing = units.Except(counted).ToList();
        int? chainId = target.Kind == DrillKind.Chain ? target.Key : null;

        decimal? approvedSum = target.Kind == DrillKind.Region ? null
            : counted.Sum(u => approved[(u, figureMonth.Index)].GetValueOrDefault((figure, chainId)));

        // A month's figure lists the projects' funds of that month; every other figure their funds to date.
        var monthly = figure is FigureCode.FundsMonth or FigureCode.OutOfRegionFundsMonth;
        var parts = (await ProjectPartsAsync(db, counted, figureMonth, ct))
            .Where(p => chainId is not { } chain || p.Project.ChainId == chain)
            .Where(p => target.Kind != DrillKind.Region || (int)p.Region == target.Key)
            .Select(p => (Project: monthly ? p.Project with
            {
                FundsWan = p.Figures.GetValueOrDefault(new FigureKey(FigureCode.FundsMonth)),
                OutOfRegionFundsWan = p.Figures.GetValueOrDefault(new FigureKey(FigureCode.OutOfRegionFundsMonth)),
            } : p.Project, Part: p.Figures.GetValueOrDefault(new FigureKey(figure))))
            .Where(p => p.Part != 0m).ToList();
        var ordered = figure.IsMoney()
            ? parts.OrderByDescending(r => r.Part).ThenBy(r => r.Project.Code)
            : parts.OrderByDescending(r => r.Project.PlannedInvestmentWan).ThenBy(r => r.Project.Code);
        return new DrillDown(target, figureMonth, figure, [.. ordered.Select(r => r.Project)], parts.Sum(r => r.Part), approvedSum, missing);
    }

    /// <summary>
    /// Each project of the units and what it contributes to their figures of the month: the unit's return computed by
    /// <see cref="MonthlyReturnCalculator"/> for that project alone, from the same facts as the return itself
    /// (<see cref="MonthlyReturnData.LoadAsync"/>, the platform's data as of the month's close).
    /// <see cref="DrillProject.FundsWan"/> and <see cref="DrillProject.OutOfRegionFundsWan"/> are its funds to date.
    /// </summary>
    private async Task<List<(DrillProject Project, IReadOnlyDictionary<FigureKey, decimal> Figures, SourceRegionCode Region)>> ProjectPartsAsync(
        KashiDbContext db, IReadOnlyCollection<int> units, StatMonth month, CancellationToken ct)
    {
        var facts = await MonthlyReturnData.LoadAsync(db, units, month, ct);
        var reports = facts.Funds.ToLookup(r => r.ProjectId);
        var result = new List<(DrillProject, IReadOnlyDictionary<FigureKey, decimal>, SourceRegionCode)>();
        foreach (var p in facts.Projects)
        {
            var own = MonthlyReturnCalculator.Compute(month, [p.Facts], [.. reports[p.Id]], settings.Value);
            result.Add((new DrillProject(p.Id, p.Code, p.Name, p.HostUnitId, p.Facts.ChainId, own.GetValueOrDefault(new FigureKey(FigureCode.FundsYtd)),
                own.GetValueOrDefault(new FigureKey(FigureCode.OutOfRegionFundsYtd)), p.Facts.PlannedInvestmentWan), own, p.Region));
        }
        return result;
    }

    /// <summary>The attracting units the user's figures cover: every county and KEDZ, or the unit's own.</summary>
    private static async Task<List<int>> UnitsAsync(KashiDbContext db, UserScope scope, CancellationToken ct)
    {
        if (!ReturnListQuery.SeesAllUnits(scope)) return scope.UnitId is { } own ? [own] : [];
        return await db.Units.AsNoTracking()
            .Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone)
            .OrderBy(u => u.Type == UnitType.DevelopmentZone ? 0 : 1).ThenBy(u => u.Id)
            .Select(u => u.Id).ToListAsync(ct);
    }

    /// <summary>The approved figures of the units' returns from month <paramref name="from"/> to <paramref name="to"/> (indexes), by unit and month.</summary>
    private static async Task<Dictionary<(int UnitId, int MonthIndex), Dictionary<(FigureCode, int?), decimal>>> ApprovedAsync(
        KashiDbContext db, IReadOnlyCollection<int> units, int from, int to, CancellationToken ct)
    {
        var returns = await db.MonthlyReturns.AsNoTracking()
            .Where(r => units.Contains(r.UnitId) && r.MonthIndex >= from && r.MonthIndex <= to && r.ApprovedRevision != null)
            .Select(r => new { r.Id, r.UnitId, r.MonthIndex }).ToListAsync(ct);
        var ids = returns.Select(r => r.Id).ToList();
        var figures = (await db.MonthlyReturnFigures.AsNoTracking()
                .Where(f => ids.Contains(f.MonthlyReturnId) && f.ApprovedValue != null)
                .Select(f => new { f.MonthlyReturnId, f.Code, f.ChainId, Value = f.ApprovedValue!.Value }).ToListAsync(ct))
            .ToLookup(f => f.MonthlyReturnId);
        return returns.ToDictionary(r => (r.UnitId, r.MonthIndex), r => figures[r.Id].ToDictionary(f => (f.Code, f.ChainId), f => f.Value));
    }
}
