using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Statistics;

/// <summary>One attracting unit in the prefecture's monthly table: its return's state and its approved figures.</summary>
public sealed record CountyRow(
    int UnitId,
    string Code,
    string Name,
    string NameEn,
    ReturnStatus? Status,
    bool Approved,
    IReadOnlyDictionary<FigureCode, decimal> Figures,
    Growth OutOfRegionFundsYtdGrowth,
    int? OutOfRegionFundsYtdRank);

/// <summary>One industry chain in the prefecture's monthly table: the sums of the approved returns' chain figures.</summary>
public sealed record ChainRow(int ChainId, string Name, string NameEn, IReadOnlyDictionary<FigureCode, decimal> Figures);

/// <summary>
/// The prefecture's monthly table (Art. 26): the sums of the approved returns, which units are missing (no approved
/// figures: not submitted, under review, or returned), by county and by chain, with year-on-year growth of the funds.
/// </summary>
public sealed record PrefectureMonthlyTable(
    StatMonth Month,
    IReadOnlyDictionary<FigureCode, decimal> Totals,
    IReadOnlyList<CountyRow> Counties,
    IReadOnlyList<ChainRow> Chains,
    IReadOnlyList<CountyRow> Missing,
    IReadOnlyDictionary<FigureCode, Growth> Growth);

/// <summary>Builds <see cref="PrefectureMonthlyTable"/> from the approved figures (a revision in progress keeps its last approved figures).</summary>
public sealed class PrefectureMonthlyTableQuery(IDbContextFactory<KashiDbContext> factory)
{
    /// <summary>The month figures whose year-on-year growth the table gives (with their year-to-date sums).</summary>
    public static readonly FigureCode[] Compared =
        [FigureCode.FundsMonth, FigureCode.FundsYtd, FigureCode.OutOfRegionFundsMonth, FigureCode.OutOfRegionFundsYtd, FigureCode.SignedMonthInvestment, FigureCode.SignedYtdInvestment];

    public async Task<PrefectureMonthlyTable> ReadAsync(StatMonth month, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone)
            .OrderBy(u => u.Type == UnitType.DevelopmentZone ? 0 : 1).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Code, u.Name, u.NameEn }).ToListAsync(ct);
        var chains = await db.Chains.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.NameEn }).ToListAsync(ct);

        var lastYear = month.SameMonthLastYear;
        var from = lastYear.FirstOfYear.Index;
        var returns = await db.MonthlyReturns.AsNoTracking()
            .Where(r => r.MonthIndex == month.Index || (r.MonthIndex >= from && r.MonthIndex <= lastYear.Index))
            .Select(r => new { r.Id, r.UnitId, r.MonthIndex, r.Status, r.ApprovedRevision }).ToListAsync(ct);
        var approvedIds = returns.Where(r => r.ApprovedRevision != null).Select(r => r.Id).ToList();
        var figures = await db.MonthlyReturnFigures.AsNoTracking()
            .Where(f => approvedIds.Contains(f.MonthlyReturnId) && f.ApprovedValue != null)
            .Select(f => new { f.MonthlyReturnId, f.Code, f.ChainId, Value = f.ApprovedValue!.Value }).ToListAsync(ct);
        var byReturn = figures.ToLookup(f => f.MonthlyReturnId);

        var thisMonth = returns.Where(r => r.MonthIndex == month.Index).ToDictionary(r => r.UnitId);
        // Last year's approved month figures by unit and month; a month without an approved return is missing.
        var lastYearApproved = returns.Where(r => r.MonthIndex != month.Index && r.ApprovedRevision != null)
            .ToDictionary(r => (r.UnitId, r.MonthIndex), r => byReturn[r.Id].Where(f => f.ChainId == null).ToDictionary(f => f.Code, f => f.Value));

        decimal? LastYearMonth(int unitId, StatMonth m, FigureCode code) =>
            lastYearApproved.TryGetValue((unitId, m.Index), out var f) ? f.GetValueOrDefault(code) : null;

        var rows = new List<(int UnitId, CountyRow Row)>();
        foreach (var u in units)
        {
            var r = thisMonth.GetValueOrDefault(u.Id);
            var approved = r?.ApprovedRevision is not null;
            var values = approved
                ? byReturn[r!.Id].Where(f => f.ChainId == null).ToDictionary(f => f.Code, f => f.Value)
                : new Dictionary<FigureCode, decimal>();
            var growth = approved
                ? YearOnYear.ForYearToDate(month, values.GetValueOrDefault(FigureCode.OutOfRegionFundsYtd), m => LastYearMonth(u.Id, m, FigureCode.OutOfRegionFundsMonth))
                : Domain.Statistics.Growth.NoComparison;
            rows.Add((u.Id, new CountyRow(u.Id, u.Code, u.Name, u.NameEn, r?.Status, approved, values, growth, null)));
        }
        var ranked = Ranking.Competition(rows.Where(x => x.Row.Approved).Select(x => x.Row), row => row.Figures.GetValueOrDefault(FigureCode.OutOfRegionFundsYtd))
            .ToDictionary(x => x.Item.UnitId, x => x.Rank);
        var counties = rows.Select(x => x.Row with { OutOfRegionFundsYtdRank = ranked.GetValueOrDefault(x.UnitId) }).ToList();

        var totals = FigureCodes.Totals.ToDictionary(c => c, c => counties.Where(r => r.Approved).Sum(r => r.Figures.GetValueOrDefault(c)));
        var chainRows = chains.Select(c => new ChainRow(c.Id, c.Name, c.NameEn, FigureCodes.ByChain.ToDictionary(code => code, code =>
            counties.Where(r => r.Approved).SelectMany(r => byReturn[thisMonth[r.UnitId].Id]).Where(f => f.ChainId == c.Id && f.Code == code).Sum(f => f.Value)))).ToList();

        // The prefecture's growth compares like with like: only when every unit's return is approved this month (the
        // totals are whole) and every unit has each month of last year; otherwise there is nothing to compare with, not
        // a fall of the missing units' share (a month with no approved return at all is not "-100 %").
        var complete = counties.All(r => r.Approved);
        var summed = counties.Select(r => r.UnitId).ToList();
        decimal? LastYearPrefecture(StatMonth m, FigureCode code)
        {
            var sum = 0m;
            foreach (var unitId in summed)
            {
                if (LastYearMonth(unitId, m, code) is not { } v) return null;
                sum += v;
            }
            return sum;
        }
        var growthByCode = new Dictionary<FigureCode, Growth>();
        foreach (var code in Compared)
        {
            growthByCode[code] = !complete ? Domain.Statistics.Growth.NoComparison : code.MonthlyPartOf() is { } part
                ? YearOnYear.ForYearToDate(month, totals[code], m => LastYearPrefecture(m, part))
                : YearOnYear.ForMonth(month, totals[code], m => LastYearPrefecture(m, code));
        }
        return new PrefectureMonthlyTable(month, totals, counties, chainRows, counties.Where(r => !r.Approved).ToList(), growthByCode);
    }
}
