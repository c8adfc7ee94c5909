using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.AnnualTargets;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Assessment;

/// <summary>
/// Everything the year-end scoring reads: each assessed unit's targets and actuals (this year's and last year's, through
/// <see cref="IAnnualFigures"/>) and the platform's records that take or add points, each with its id so the breakdown
/// can link to it. What counts, as it stood at the end of the given Beijing day (31 December once the year is over), not
/// on the day the draft is computed — a project started, a commitment paid or an approval decided in January still
/// counts against the year it was late in (from the stage history, the commitment's log and the item's decision day):
/// <list type="bullet">
/// <item>false report: a monthly return of the year reopened after approval (a revision above 1) — an event of the year's
/// data, counted whenever it was found;</item>
/// <item>signed not started: a signed project of the host unit still at Signed or Landing past its planned start;</item>
/// <item>overdue commitment: a running policy commitment of the host's project past its due day;</item>
/// <item>overdue approval: an open approval item of the host's project past its time limit (the working-day clock);</item>
/// <item>supervision listing: each listing of the unit in a published bulletin of one of the year's quarters;</item>
/// <item>Global-500 / China-500 project: a project signed in the year with such an investor (host and source unit).</item>
/// </list>
/// </summary>
public static class AssessmentInputsQuery
{
    public static async Task<IReadOnlyList<UnitInput>> ReadAsync(KashiDbContext db, IAnnualFigures figures, int year, DateOnly through, CancellationToken ct)
    {
        var units = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Type }).ToListAsync(ct))
            .Select(u => (u.Id, Sequence: AnnualIndicators.SequenceOf(u.Type)))
            .Where(u => u.Sequence is not null)
            .ToList();
        var now = await figures.ReadAsync(year, through, ct);
        var last = await figures.ReadAsync(year - 1, new DateOnly(year - 1, 12, 31), ct);
        var lastOf = last.ToDictionary(f => (f.UnitId, f.Indicator), f => f.Actual);
        var facts = (await FactsAsync(db, year, through, ct)).ToLookup(f => f.UnitId, f => f.Fact);
        return units.Select(u => new UnitInput(u.Id, u.Sequence!.Value,
                now.Where(f => f.UnitId == u.Id)
                    .Select(f => new IndicatorFigure(f.Indicator, f.Target, f.Actual, lastOf.TryGetValue((u.Id, f.Indicator), out var l) ? l : null))
                    .ToList(),
                facts[u.Id].ToList()))
            .ToList();
    }

    public static async Task<IReadOnlyList<(int UnitId, AssessmentFact Fact)>> FactsAsync(KashiDbContext db, int year, DateOnly through, CancellationToken ct)
    {
        var result = new List<(int, AssessmentFact)>();

        var (firstMonth, lastMonth) = (new StatMonth(year, 1).Index, new StatMonth(year, 12).Index);
        foreach (var r in await db.MonthlyReturns.AsNoTracking().Where(r => r.MonthIndex >= firstMonth && r.MonthIndex <= lastMonth && r.Revision > 1)
                     .Select(r => new { r.Id, r.UnitId, r.MonthIndex }).ToListAsync(ct))
        {
            result.Add((r.UnitId, new AssessmentFact(AssessmentFactKind.FalseReport, FactSource.MonthlyReturn, r.Id, StatMonth.FromIndex(r.MonthIndex).ToString())));
        }

        // The stage each project stood at by the end of the day: its last stage step recorded before then.
        var cutoff = BeijingTime.EndOfDayUtc(through);
        var stageAt = (await db.StageChanges.AsNoTracking().Where(c => c.AtUtc < cutoff)
                .Select(c => new { c.ProjectId, c.Id, c.AtUtc, c.To }).ToListAsync(ct))
            .GroupBy(c => c.ProjectId)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.AtUtc).ThenBy(c => c.Id).Last().To);

        foreach (var p in await db.Projects.AsNoTracking()
                     .Where(p => p.SignedOn != null && p.SignedOn <= through && p.PlannedStartOn != null && p.PlannedStartOn < through)
                     .Select(p => new { p.Id, p.HostUnitId, p.Code, p.Name }).ToListAsync(ct))
        {
            if (!stageAt.TryGetValue(p.Id, out var stage) || stage is not (ProjectStage.Signed or ProjectStage.Landing)) continue;
            result.Add((p.HostUnitId, new AssessmentFact(AssessmentFactKind.SignedNotStarted, FactSource.Project, p.Id, $"{p.Code} {p.Name}")));
        }

        // A commitment's status at the end of the day: the status its last log line before then left it in.
        var dueCommitments = await db.Commitments.AsNoTracking().Include(c => c.History).Where(c => c.DueOn != null && c.DueOn < through).ToListAsync(ct);
        foreach (var c in dueCommitments)
        {
            var last = c.History.Where(h => h.AtUtc < cutoff).OrderBy(h => h.AtUtc).ThenBy(h => h.Id).LastOrDefault();
            if (last is null || !Commitment.Runs(last.Status)) continue;
            result.Add((c.HostUnitId, new AssessmentFact(AssessmentFactKind.OverdueCommitment, FactSource.Commitment, c.Id, c.DocumentNumber)));
        }

        // An item decided (or withdrawn) after the day was still open on it; one accepted after it had no clock yet.
        var items = await db.PlanItems.AsNoTracking().Include(i => i.Pauses)
            .Where(i => i.ClockStartOn != null && i.ClockStartOn <= through)
            .ToListAsync(ct);
        if (items.Count > 0)
        {
            var calendar = new WorkingCalendar(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));
            foreach (var i in items)
            {
                var facts = i.ClockFacts;
                if (facts.FinishedOn is { } finished && finished <= through) continue;
                if (ApprovalClock.Read(facts with { FinishedOn = null }, calendar, through).State != ClockState.Overdue) continue;
                result.Add((i.HostUnitId, new AssessmentFact(AssessmentFactKind.OverdueApproval, FactSource.ApprovalItem, i.Id, i.ItemName)));
            }
        }

        var (firstQuarter, lastQuarter) = (year * 4, year * 4 + 3);
        var bulletins = await db.Bulletins.AsNoTracking()
            .Where(b => b.Status == BulletinStatus.Published && b.QuarterIndex >= firstQuarter && b.QuarterIndex <= lastQuarter)
            .ToListAsync(ct);
        foreach (var b in bulletins)
        {
            foreach (var s in b.Snapshot.Supervision)
                result.Add((s.UnitId, new AssessmentFact(AssessmentFactKind.SupervisionListing, FactSource.Bulletin, b.Id, b.Number)));
        }

        var (yearStart, yearEnd) = (new DateOnly(year, 1, 1), through);
        var tiered = await (from p in db.Projects.AsNoTracking()
                            join i in db.Investors.AsNoTracking() on p.InvestorId equals i.Id
                            where p.SignedOn != null && p.SignedOn >= yearStart && p.SignedOn <= yearEnd
                            select new { p.Id, p.HostUnitId, p.SourceUnitId, p.Code, p.Name, i.Tiers }).ToListAsync(ct);
        foreach (var p in tiered)
        {
            if (stageAt.TryGetValue(p.Id, out var stage) && stage == ProjectStage.Terminated) continue; // terminated by the day; later does not undo it
            foreach (var (tier, kind) in new[] { (InvestorTier.Global500, AssessmentFactKind.GlobalFiveHundredProject), (InvestorTier.China500, AssessmentFactKind.ChinaFiveHundredProject) })
            {
                if (!p.Tiers.HasFlag(tier)) continue;
                var fact = new AssessmentFact(kind, FactSource.Project, p.Id, $"{p.Code} {p.Name}");
                result.Add((p.HostUnitId, fact));
                if (p.SourceUnitId != p.HostUnitId) result.Add((p.SourceUnitId, fact));
            }
        }
        return result;
    }
}
