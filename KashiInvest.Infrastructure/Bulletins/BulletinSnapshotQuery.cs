using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Health;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Bulletins;

/// <summary>
/// Builds a quarter's <see cref="BulletinSnapshot"/> (Art. 26): the approved figures of the quarter's three monthly
/// returns (a revision in progress keeps its last approved figures), the year to date at the quarter's close with its
/// year-on-year growth, the table by KEDZ and county with ranks, the slowest projects (stalled longest, milestones
/// most overdue, by the same health rules as the battle map and the alerts), and the supervision list and praise by
/// <see cref="SupervisionRule"/>. Reads through the caller's context, so it also works inside the demo seeding's
/// transaction.
/// </summary>
public sealed class BulletinSnapshotQuery(IOptions<BulletinSettings> bulletinSettings, IOptions<HealthSettings> healthSettings, TimeProvider clock)
{
    public BulletinSettings Settings => bulletinSettings.Value;

    public Task<BulletinSnapshot> BuildAsync(KashiDbContext db, StatQuarter quarter, CancellationToken ct = default) =>
        BuildAsync(db, quarter, bulletinSettings.Value, healthSettings.Value, clock, ct);

    public static async Task<BulletinSnapshot> BuildAsync(KashiDbContext db, StatQuarter quarter, BulletinSettings settings, HealthSettings health,
        TimeProvider clock, CancellationToken ct = default)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone)
            .OrderBy(u => u.Type == UnitType.DevelopmentZone ? 0 : 1).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Name, u.NameEn }).ToListAsync(ct);
        var unitIds = units.Select(u => u.Id).ToList();

        // Approved unit totals from January of last year to the quarter's last month.
        var last = quarter.LastMonth;
        var from = last.SameMonthLastYear.FirstOfYear.Index;
        var returns = await db.MonthlyReturns.AsNoTracking()
            .Where(r => r.MonthIndex >= from && r.MonthIndex <= last.Index && r.ApprovedRevision != null)
            .Select(r => new { r.Id, r.UnitId, r.MonthIndex }).ToListAsync(ct);
        var ids = returns.Select(r => r.Id).ToList();
        var figures = (await db.MonthlyReturnFigures.AsNoTracking()
                .Where(f => ids.Contains(f.MonthlyReturnId) && f.ChainId == null && f.ApprovedValue != null)
                .Select(f => new { f.MonthlyReturnId, f.Code, Value = f.ApprovedValue!.Value }).ToListAsync(ct))
            .ToLookup(f => f.MonthlyReturnId);
        var approved = returns.ToDictionary(r => (r.UnitId, r.MonthIndex), r => figures[r.Id].ToDictionary(f => f.Code, f => f.Value));

        decimal? Month(int unitId, StatMonth m, FigureCode code) =>
            approved.TryGetValue((unitId, m.Index), out var f) ? f.GetValueOrDefault(code) : null;
        decimal QuarterSum(int unitId, FigureCode code) => quarter.Months().Sum(m => Month(unitId, m, code) ?? 0m);

        // The projects under way (negotiation to construction) and their health, as of now.
        var projects = db.Projects.Where(p => unitIds.Contains(p.HostUnitId)
            && (p.Stage == ProjectStage.Negotiating || p.Stage == ProjectStage.Evaluation || p.Stage == ProjectStage.Signed
                || p.Stage == ProjectStage.Landing || p.Stage == ProjectStage.Construction));
        var info = await projects.AsNoTracking().Select(p => new { p.Id, p.Code, p.Name, p.HostUnitId }).ToListAsync(ct);
        var facts = await new ProjectHealthQuery(Options.Create(health), clock).LoadFactsAsync(db, projects, ct);
        var today = BeijingTime.DateOf(nowUtc);
        var underWay = info.Select(p =>
        {
            var f = facts[p.Id];
            var assessment = HealthRules.Assess(f, health, nowUtc);
            var idle = Math.Max(0, today.DayNumber - BeijingTime.DateOf(f.LastActivityAtUtc).DayNumber);
            var overdue = f.Milestones.Where(m => m.ReachedOn is null && m.PlannedOn < today)
                .Select(m => (m.Name, Days: today.DayNumber - m.PlannedOn.DayNumber)).OrderByDescending(m => m.Days).FirstOrDefault();
            return new { p.Id, p.Code, p.Name, p.HostUnitId, Stalled = assessment.Status == HealthStatus.Stalled, Idle = idle, Overdue = overdue };
        }).ToList();
        var byUnit = underWay.ToLookup(p => p.HostUnitId);

        // The approval items of those projects past their time limit (Art. 23 clocks, on the stored working-day
        // calendar): each project's most overdue item, with its days past the due date.
        var projectIds = info.Select(p => p.Id).ToList();
        var openItems = await db.PlanItems.AsNoTracking().Include(i => i.Pauses)
            .Where(i => projectIds.Contains(i.ProjectId) && i.ClockStartOn != null && i.Status != PlanItemStatus.Approved
                && i.Status != PlanItemStatus.Refused && i.Status != PlanItemStatus.CertificateIssued && i.Status != PlanItemStatus.Withdrawn)
            .ToListAsync(ct);
        var approvalOverdue = new Dictionary<int, (string Name, int Days)>();
        if (openItems.Count > 0)
        {
            var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));
            foreach (var i in openItems)
            {
                var reading = ApprovalClock.Read(i.ClockFacts, calendar, today);
                if (reading.State != ClockState.Overdue || reading.DueOn is not { } due) continue;
                var days = today.DayNumber - due.DayNumber;
                if (!approvalOverdue.TryGetValue(i.ProjectId, out var worst) || days > worst.Days) approvalOverdue[i.ProjectId] = (i.ItemName, days);
            }
        }

        // The policy commitments of those projects past their time limit (Art. 24): each project's most overdue one,
        // named by its document number, with its days past the due day.
        var commitmentOverdue = (await db.Commitments.AsNoTracking().Where(Commitment.Running)
                .Where(c => projectIds.Contains(c.ProjectId) && c.DueOn != null && c.DueOn < today)
                .Select(c => new { c.ProjectId, c.DocumentNumber, c.DueOn })
                .ToListAsync(ct))
            .Select(c => (c.ProjectId, c.DocumentNumber, Days: today.DayNumber - c.DueOn!.Value.DayNumber))
            .GroupBy(c => c.ProjectId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Days).ThenBy(c => c.DocumentNumber, StringComparer.Ordinal).First());

        var rows = new List<BulletinUnitRow>();
        var performance = new List<UnitPerformance>();
        foreach (var u in units)
        {
            var complete = quarter.Months().All(m => approved.ContainsKey((u.Id, m.Index)));
            var ytd = Month(u.Id, last, FigureCode.OutOfRegionFundsYtd);
            var growth = ytd is { } y ? YearOnYear.ForYearToDate(last, y, m => Month(u.Id, m, FigureCode.OutOfRegionFundsMonth)) : Growth.NoComparison;
            var mine = byUnit[u.Id].ToList();
            int? averageIdle = mine.Count == 0 ? null : (int)Math.Round(mine.Average(p => p.Idle), MidpointRounding.AwayFromZero);
            rows.Add(new BulletinUnitRow(u.Id, u.Name, u.NameEn, complete, QuarterSum(u.Id, FigureCode.OutOfRegionFundsMonth), ytd ?? 0m, growth,
                null, null, (int)QuarterSum(u.Id, FigureCode.SignedMonth), QuarterSum(u.Id, FigureCode.SignedMonthInvestment),
                mine.Count, mine.Count(p => p.Stalled), averageIdle));
            performance.Add(new UnitPerformance(u.Id, u.Name, u.NameEn, growth, mine.Count, mine.Count(p => p.Stalled), averageIdle));
        }

        var fundsRank = Ranking.Competition(rows.Where(r => approved.ContainsKey((r.UnitId, last.Index))), r => r.OutOfRegionFundsYtd)
            .ToDictionary(r => r.Item.UnitId, r => r.Rank);
        var growthRank = Ranking.Competition(rows, r => r.OutOfRegionFundsYtdGrowth.Kind switch
            {
                GrowthKind.New => decimal.MaxValue,
                GrowthKind.Percent => r.OutOfRegionFundsYtdGrowth.Percent,
                _ => null,
            })
            .ToDictionary(r => r.Item.UnitId, r => r.Rank);
        rows = rows.Select(r => r with { FundsRank = fundsRank.GetValueOrDefault(r.UnitId), GrowthRank = growthRank.GetValueOrDefault(r.UnitId) }).ToList();

        var result = SupervisionRule.Apply(performance, settings);

        // The prefecture's growth compares like with like: only when every unit's quarter-end return is approved and
        // every unit has each month of last year (as in the monthly table).
        var whole = units.All(u => approved.ContainsKey((u.Id, last.Index)));
        decimal? LastYearSum(StatMonth m, FigureCode code)
        {
            var sum = 0m;
            foreach (var u in units)
            {
                if (Month(u.Id, m, code) is not { } v) return null;
                sum += v;
            }
            return sum;
        }
        decimal Total(FigureCode code) => units.Sum(u => Month(u.Id, last, code) ?? 0m);
        Growth YtdGrowth(FigureCode ytd, FigureCode month) =>
            whole ? YearOnYear.ForYearToDate(last, Total(ytd), m => LastYearSum(m, month)) : Growth.NoComparison;
        var headline = new BulletinHeadline(
            rows.Sum(r => r.OutOfRegionFundsQuarter),
            Total(FigureCode.OutOfRegionFundsYtd), YtdGrowth(FigureCode.OutOfRegionFundsYtd, FigureCode.OutOfRegionFundsMonth),
            Total(FigureCode.FundsYtd), YtdGrowth(FigureCode.FundsYtd, FigureCode.FundsMonth),
            rows.Sum(r => r.SignedQuarter), rows.Sum(r => r.SignedInvestmentQuarter),
            (int)Total(FigureCode.SignedYtd), Total(FigureCode.SignedYtdInvestment), YtdGrowth(FigureCode.SignedYtdInvestment, FigureCode.SignedMonthInvestment),
            (int)units.Sum(u => QuarterSum(u.Id, FigureCode.StartedMonth)), (int)units.Sum(u => QuarterSum(u.Id, FigureCode.ProductionMonth)));

        var names = units.ToDictionary(u => u.Id);
        var slow = underWay.Where(p => p.Stalled).Select(p => new SlowProject(p.Id, p.Code, p.Name, p.HostUnitId, names[p.HostUnitId].Name, names[p.HostUnitId].NameEn, SlowProjectKind.Stalled, p.Idle, null))
            .Concat(underWay.Where(p => p.Overdue.Name is not null).Select(p => new SlowProject(p.Id, p.Code, p.Name, p.HostUnitId, names[p.HostUnitId].Name, names[p.HostUnitId].NameEn, SlowProjectKind.MilestoneOverdue, p.Overdue.Days, p.Overdue.Name)))
            .Concat(underWay.Where(p => approvalOverdue.ContainsKey(p.Id)).Select(p => new SlowProject(p.Id, p.Code, p.Name, p.HostUnitId, names[p.HostUnitId].Name, names[p.HostUnitId].NameEn,
                SlowProjectKind.ApprovalOverdue, approvalOverdue[p.Id].Days, approvalOverdue[p.Id].Name)))
            .Concat(underWay.Where(p => commitmentOverdue.ContainsKey(p.Id)).Select(p => new SlowProject(p.Id, p.Code, p.Name, p.HostUnitId, names[p.HostUnitId].Name, names[p.HostUnitId].NameEn,
                SlowProjectKind.CommitmentOverdue, commitmentOverdue[p.Id].Days, commitmentOverdue[p.Id].DocumentNumber)))
            .OrderByDescending(p => p.Days).ThenBy(p => p.Kind).ThenBy(p => p.ProjectId)
            .Take(settings.SlowestProjectsListed).ToList();

        return new BulletinSnapshot(quarter.Index, nowUtc, headline, rows, slow, result.Supervision, result.Praise);
    }
}
