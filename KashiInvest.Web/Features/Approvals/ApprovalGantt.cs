using KashiInvest.Domain.Approvals;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>One plan item as the battle map's approvals timeline needs it (the facts only, no text).</summary>
public sealed record GanttItem(
    int Id,
    string Code,
    string Name,
    string NameEn,
    ApprovalStage Stage,
    IReadOnlyList<string> Prerequisites,
    bool MayRunInParallel,
    int Limit,
    LimitUnit Unit,
    PlanItemStatus Status,
    DateOnly PlannedOn,
    DateOnly? AcceptedOn,
    DateOnly? DecidedOn,
    DateOnly? CertificateOn,
    DateOnly LastStepOn,
    IReadOnlyList<PauseSpan> Pauses);

/// <summary>A stretch of days, both ends included.</summary>
public sealed record GanttSpan(DateOnly From, DateOnly To);

/// <summary>
/// One row of the timeline: the planned bar (from the plan day or the planned end of its prerequisites to the
/// committed limit's due day) and the actual bar (acceptance to decision or certificate; up to today while it runs),
/// the paused stretches inside it, and whether the item is on the critical path to the construction permit.
/// </summary>
public sealed record GanttRow(GanttItem Item, GanttSpan Planned, GanttSpan? Actual, bool Running, IReadOnlyList<GanttSpan> Paused, bool Critical);

/// <summary>The timeline: rows grouped by stage (in stage order), the day range to draw, and today.</summary>
public sealed record GanttChart(IReadOnlyList<GanttRow> Rows, DateOnly From, DateOnly To, DateOnly Today)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>
/// Computes the approvals timeline of one service plan (pure: the items, the working-day calendar and today in).
/// Planned dates follow the prerequisites named in the plan: an item waits on the latest planned end of those it
/// names that are in the plan, and through a prerequisite the plan leaves out on what that one waits on in the
/// catalogue, transitively, down to the planned items it depends on (B waits on A, A is not planned, A waits on C:
/// B still starts after C). Items without such prerequisites start on their plan day, side by side. The critical
/// path is the chain of prerequisites that sets the planned end of the construction-permit stage's last item.
/// </summary>
public static class ApprovalGantt
{
    /// <param name="catalogue">
    /// Each catalogue item's prerequisite codes by its code (retired ones too), to follow a prerequisite the plan
    /// leaves out; without it such a prerequisite holds nothing back.
    /// </param>
    public static GanttChart Build(IReadOnlyList<GanttItem> items, WorkingCalendar calendar, DateOnly today,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? catalogue = null)
    {
        var byCode = new Dictionary<string, GanttItem>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.Status != PlanItemStatus.Withdrawn).Concat(items)) byCode.TryAdd(item.Code, item);

        var planned = new Dictionary<int, GanttSpan>();
        var visiting = new HashSet<int>();
        GanttSpan Plan(GanttItem item)
        {
            if (planned.TryGetValue(item.Id, out var known)) return known;
            var start = item.PlannedOn;
            // A cycle in the data (the catalogue refuses one, but a plan keeps old codes) is cut where it closes.
            if (visiting.Add(item.Id))
            {
                foreach (var prerequisite in Prerequisites(item))
                {
                    var end = Plan(prerequisite).To;
                    if (end > start) start = end;
                }
                visiting.Remove(item.Id);
            }
            var due = item.Unit == LimitUnit.WorkingDays ? calendar.AddWorkingDays(start, item.Limit) : calendar.NaturalDeadline(start, item.Limit);
            return planned[item.Id] = new GanttSpan(start, due);
        }

        var prerequisitesOf = new Dictionary<int, IReadOnlyList<GanttItem>>();
        IEnumerable<GanttItem> Prerequisites(GanttItem item)
        {
            if (prerequisitesOf.TryGetValue(item.Id, out var known)) return known;
            var found = new List<GanttItem>();
            var seen = new HashSet<string>(StringComparer.Ordinal) { item.Code };
            var pending = new Queue<string>(item.Prerequisites);
            while (pending.TryDequeue(out var code))
            {
                if (!seen.Add(code)) continue;
                if (byCode.TryGetValue(code, out var inPlan))
                {
                    if (inPlan.Id != item.Id) found.Add(inPlan);
                }
                else if (catalogue is not null && catalogue.TryGetValue(code, out var further))
                {
                    // Left out of the plan: what it waits on in the catalogue still comes first.
                    foreach (var next in further) pending.Enqueue(next);
                }
            }
            return prerequisitesOf[item.Id] = found;
        }

        foreach (var item in items) Plan(item);

        var critical = CriticalPath(items, planned, Prerequisites);

        var rows = items
            .OrderBy(i => i.Stage)
            .ThenBy(i => planned[i.Id].From)
            .ThenBy(i => i.Code, StringComparer.Ordinal)
            .ThenBy(i => i.Id)
            .Select(i => Row(i, planned[i.Id], critical.Contains(i.Id), today))
            .ToList();

        var from = rows.Count == 0 ? today : rows.Min(r => Min(r.Planned.From, r.Actual?.From ?? r.Planned.From));
        var to = rows.Count == 0 ? today : rows.Max(r => Max(r.Planned.To, r.Actual?.To ?? r.Planned.To));
        if (today < from) from = today;
        if (today > to) to = today;
        return new GanttChart(rows, from, to, today);
    }

    /// <summary>
    /// The chain ending at the construction-permit stage's item with the latest planned end: from it, back through the
    /// prerequisite whose planned end set its start (the latest; ties to the longer bar, then the code).
    /// </summary>
    private static HashSet<int> CriticalPath(IReadOnlyList<GanttItem> items, Dictionary<int, GanttSpan> planned, Func<GanttItem, IEnumerable<GanttItem>> prerequisites)
    {
        var path = new HashSet<int>();
        var current = items
            .Where(i => i.Stage == ApprovalStage.ConstructionPermit && i.Status != PlanItemStatus.Withdrawn)
            .OrderByDescending(i => planned[i.Id].To)
            .ThenByDescending(i => prerequisites(i).Count())
            .ThenBy(i => i.Code, StringComparer.Ordinal)
            .FirstOrDefault();
        while (current is not null && path.Add(current.Id))
        {
            var start = planned[current.Id].From;
            current = prerequisites(current)
                .Where(p => p.Status != PlanItemStatus.Withdrawn && planned[p.Id].To == start)
                .OrderByDescending(p => planned[p.Id].To.DayNumber - planned[p.Id].From.DayNumber)
                .ThenBy(p => p.Code, StringComparer.Ordinal)
                .FirstOrDefault();
        }
        return path;
    }

    private static GanttRow Row(GanttItem item, GanttSpan planned, bool critical, DateOnly today)
    {
        if (item.AcceptedOn is not { } accepted) return new GanttRow(item, planned, null, false, [], critical);
        DateOnly? ended = item.CertificateOn ?? item.DecidedOn ?? (item.Status == PlanItemStatus.Withdrawn ? item.LastStepOn : null);
        var end = ended ?? Max(today, accepted);
        var paused = item.Pauses
            .Select(p => new GanttSpan(p.From, Min(p.To ?? end, end)))
            .Where(p => p.To >= p.From)
            .ToList();
        return new GanttRow(item, planned, new GanttSpan(accepted, end), ended is null, paused, critical);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
