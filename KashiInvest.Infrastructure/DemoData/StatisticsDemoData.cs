using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Statistics;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Demo monthly returns (Art. 26): two full years of approved returns before the latest closed month, with plausible
/// figures that grow at a different pace in each unit (one county lagging: its funds shrink year on year), winter
/// low and year-end high, a few corrections and one return sent back and resubmitted now and then; and the latest
/// closed month computed from the platform's own demo data, not yet submitted by most units, submitted by KEDZ and
/// returned with a comment to one county. Deterministic for a seed and a clock, and always relative to the clock.
/// </summary>
public static class StatisticsDemoData
{
    public const int HistoryMonths = 24;
    /// <summary>The county whose funds in place shrink year on year (for the supervision list).</summary>
    public const string LaggingUnitCode = "maigaiti";
    /// <summary>The county whose latest return the Bureau sent back with a comment.</summary>
    public const string ReturnedUnitCode = "shufu";
    public const string ReturnComment = "区外到位资金较上月波动较大，请对照项目半月报逐项核实后重新报送。";

    private static readonly string[] CorrectionReasons =
    [
        "一笔到位资金银行回单到账后补录",
        "项目半月报漏报本月到位资金，按银行进账单更正",
        "签约项目协议金额以正式文本为准",
    ];

    // Winter (Jan–Feb) is slow, the year end pushes: a factor per month, January first.
    private static readonly decimal[] Season = [0.45m, 0.55m, 0.9m, 1.0m, 1.05m, 1.1m, 1.1m, 1.05m, 1.0m, 1.05m, 1.1m, 1.6m];

    internal static async Task SeedAsync(KashiDbContext db, TimeProvider clock, int seed, StatisticsSettings settings, CancellationToken ct)
    {
        if (await db.MonthlyReturns.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = StatMonth.Containing(now).Previous();
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone)
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.Code, u.Name, u.Type }).ToListAsync(ct);
        var chains = await db.Chains.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var bureauId = await db.Units.BureauIdAsync(ct);
        var bureau = new UserScope(ReferenceData.BureauCode, ReferenceData.BureauCode, ActorRole.Bureau, bureauId, [], []);
        var computer = Actor.System("statistics");

        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            var scope = new UserScope(unit.Code, unit.Name, ActorRole.AttractingUnit, unit.Id, [], []);
            var random = new Random(seed + 7919 * (u + 1));
            // Size: KEDZ and the city attract most; yearly growth from −18 % (the lagging county) to +40 %.
            var size = unit.Type == UnitType.DevelopmentZone ? 5_200m : unit.Code == "kashi" ? 4_100m : 900m + 260m * random.Next(0, 10);
            var growth = unit.Code == LaggingUnitCode ? -0.18m : -0.04m + 0.04m * random.Next(0, 12);
            var myChains = new[] { chains[u % chains.Count], chains[(u * 3 + 1) % chains.Count] }.Distinct().ToArray();
            var ytd = new Dictionary<FigureKey, decimal>();

            // From the January before the history, so that the first year's year-to-date figures are whole.
            var first = StatMonth.FromIndex(latest.Index - HistoryMonths);
            for (var m = first.FirstOfYear.Index; m < latest.Index; m++)
            {
                var month = StatMonth.FromIndex(m);
                if (month.Month == 1) ytd.Clear();
                var yearsBack = (latest.Index - m) / 12m;
                var trend = (decimal)Math.Pow((double)(1m + growth), -(double)yearsBack);
                var figures = MonthFigures(random, size * trend * Season[month.Month - 1], settings, myChains, ytd);
                if (month < first) continue;
                var r = MonthlyReturn.Create(unit.Id, month, figures, computer, month.CloseUtc.AddHours(2));
                var day = month.CloseUtc.AddDays(1);
                if (random.Next(10) == 0)
                {
                    var key = new FigureKey(FigureCode.OutOfRegionFundsMonth);
                    r.Correct(scope, key, decimal.Round(r.Value(key) * 1.04m, 0), CorrectionReasons[random.Next(CorrectionReasons.Length)], day.AddHours(3));
                }
                // The lagging county files late; the others within the first days.
                var submitted = day.AddDays(unit.Code == LaggingUnitCode ? 6 + random.Next(4) : random.Next(4)).AddHours(4);
                r.Submit(scope, submitted, ReturnDeadlines.DueAtUtc(month, settings));
                if (random.Next(12) == 0)
                {
                    r.ReturnToUnit(bureau, "请补充说明本月签约项目的协议投资额来源。", submitted.AddDays(1));
                    r.Submit(scope, submitted.AddDays(2), ReturnDeadlines.DueAtUtc(month, settings));
                    submitted = submitted.AddDays(2);
                }
                r.Approve(bureau, submitted.AddDays(1 + random.Next(3)));
                db.MonthlyReturns.Add(r);
            }
            await db.SaveChangesAsync(ct);

            // The latest closed month: computed from the platform's data as of its close.
            var current = MonthlyReturn.Create(unit.Id, latest, await MonthlyReturnData.ComputeAsync(db, unit.Id, latest, settings, ct), computer,
                Min(latest.CloseUtc.AddHours(2), now));
            if (unit.Type == UnitType.DevelopmentZone) current.Submit(scope, Min(latest.CloseUtc.AddDays(1), now), ReturnDeadlines.DueAtUtc(latest, settings));
            if (unit.Code == ReturnedUnitCode)
            {
                current.Submit(scope, Min(latest.CloseUtc.AddDays(1), now), ReturnDeadlines.DueAtUtc(latest, settings));
                current.ReturnToUnit(bureau, ReturnComment, Min(latest.CloseUtc.AddDays(2), now));
            }
            db.MonthlyReturns.Add(current);
            await db.SaveChangesAsync(ct);
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>One month's figures around <paramref name="funds"/> (万元), keeping the year-to-date sums in <paramref name="ytd"/>.</summary>
    private static Dictionary<FigureKey, decimal> MonthFigures(Random random, decimal funds, StatisticsSettings settings, int[] chains, Dictionary<FigureKey, decimal> ytd)
    {
        var f = new Dictionary<FigureKey, decimal>();
        var total = decimal.Round(funds * (0.8m + 0.4m * (decimal)random.NextDouble()), 0);
        var outOfRegion = decimal.Round(total * (0.7m + 0.2m * (decimal)random.NextDouble()), 0);
        var signed = random.Next(0, 4);
        decimal signedWan = 0m, large = 0m, major = 0m, tiered = 0m;
        for (var i = 0; i < signed; i++)
        {
            var wan = 3_000m + 1_000m * random.Next(0, 60);
            signedWan += wan;
            if (wan >= settings.LargeProjectWan) large++;
            if (wan >= settings.MajorProjectWan) major++;
            if (random.Next(5) == 0) tiered++;
        }
        var started = random.Next(0, 3) == 0 ? 1m : 0m;
        var producing = random.Next(0, 5) == 0 ? 1m : 0m;

        void Month(FigureCode month, FigureCode? year, decimal value, int? chain = null)
        {
            f[new FigureKey(month, chain)] = value;
            if (year is { } y)
            {
                var key = new FigureKey(y, chain);
                ytd[key] = ytd.GetValueOrDefault(key) + value;
                f[key] = ytd[key];
            }
        }
        Month(FigureCode.NewLeads, null, random.Next(1, 7));
        Month(FigureCode.InNegotiation, null, random.Next(3, 13));
        Month(FigureCode.SignedMonth, FigureCode.SignedYtd, signed);
        Month(FigureCode.SignedMonthInvestment, FigureCode.SignedYtdInvestment, signedWan);
        foreach (var (code, value) in new[] { (FigureCode.SignedYtdLarge, large), (FigureCode.SignedYtdMajor, major), (FigureCode.SignedYtdTiered, tiered) })
        {
            var key = new FigureKey(code);
            ytd[key] = ytd.GetValueOrDefault(key) + value;
            f[key] = ytd[key];
        }
        Month(FigureCode.StartedMonth, FigureCode.StartedYtd, started);
        Month(FigureCode.ProductionMonth, FigureCode.ProductionYtd, producing);
        Month(FigureCode.FundsMonth, FigureCode.FundsYtd, total);
        Month(FigureCode.OutOfRegionFundsMonth, FigureCode.OutOfRegionFundsYtd, outOfRegion);

        // By chain: the first chain takes about two thirds, the second the rest; signed projects go to the first.
        var share = 0.6m + 0.15m * (decimal)random.NextDouble();
        for (var c = 0; c < chains.Length; c++)
        {
            var part = chains.Length == 1 ? 1m : c == 0 ? share : 1m - share;
            var chainTotal = c == chains.Length - 1 && chains.Length > 1 ? total - decimal.Round(total * share, 0) : decimal.Round(total * part, 0);
            var chainOut = c == chains.Length - 1 && chains.Length > 1 ? outOfRegion - decimal.Round(outOfRegion * share, 0) : decimal.Round(outOfRegion * part, 0);
            Month(FigureCode.FundsMonth, FigureCode.FundsYtd, chainTotal, chains[c]);
            Month(FigureCode.OutOfRegionFundsMonth, FigureCode.OutOfRegionFundsYtd, chainOut, chains[c]);
            f[new FigureKey(FigureCode.SignedMonth, chains[c])] = c == 0 ? signed : 0m;
            f[new FigureKey(FigureCode.SignedMonthInvestment, chains[c])] = c == 0 ? signedWan : 0m;
        }
        return f;
    }
}
