using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Reports;

/// <summary>A key project that owes fortnightly reports, as the inbox names it.</summary>
public sealed record InboxProject(int Id, string Code, string Name, int HostUnitId, int ChainId, int SourceUnitId, ProjectStage Stage, DateOnly SignedOn)
{
    public ProjectKey Key => new(Id, HostUnitId, ChainId, SourceUnitId);
}

/// <summary>
/// One owed fortnightly report: a key project and a half-month period, with its deadline and state (Art. 22).
/// <see cref="IsOpenPeriod"/> marks the periods whose deadline has not passed yet ("this period").
/// </summary>
public sealed record InboxRow(
    InboxProject Project,
    HalfMonthPeriod Period,
    DateOnly DueOn,
    ObligationState State,
    int Revision,
    int DaysOverdue,
    DateTime? SubmittedAtUtc,
    bool IsOpenPeriod,
    bool CanFile,
    bool CanPostUpdate)
{
    public string Key => $"{Project.Id}-{Period.Index}";

    public bool IsOutstanding => State is ObligationState.Due or ObligationState.Overdue;
}

/// <summary>The inbox's headline numbers.</summary>
public sealed record InboxCounts(int Overdue, int DueThisPeriod, int SubmittedThisPeriod);

/// <summary>
/// The fortnightly-report inbox (Art. 22): for every key project in the user's scope, every half-month period from
/// signing to now, with its state from <see cref="FortnightlyObligations"/>. Two queries whatever the number of
/// projects: the projects that owe reports, and their current fortnightly reports.
/// </summary>
public sealed class ReportInboxQuery(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, IOptions<HealthSettings> settings)
{
    /// <summary>
    /// The rows of every project in scope, or only of <paramref name="projectIds"/> (a live re-read). A project that
    /// no longer owes reports (or left the scope) simply has no rows.
    /// </summary>
    public async Task<IReadOnlyList<InboxRow>> LoadAsync(UserScope scope, IReadOnlyCollection<int>? projectIds = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var projects = db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope))
            .Where(p => p.WorkGroupLevel == WorkGroupLevel.KeyProject && p.SignedOn != null
                && (p.Stage == ProjectStage.Signed || p.Stage == ProjectStage.Landing || p.Stage == ProjectStage.Construction));
        if (projectIds is not null)
        {
            var ids = projectIds.ToArray();
            projects = projects.Where(p => ids.Contains(p.Id));
        }

        var owing = await projects
            .Select(p => new { p.Id, p.Code, p.Name, p.HostUnitId, p.ChainId, p.SourceUnitId, p.Stage, p.WorkGroupLevel, p.SignedOn })
            .ToListAsync(ct);
        if (owing.Count == 0) return [];
        var inScope = projects.Select(p => p.Id);
        var reports = (await db.ProgressReports.AsNoTracking()
                .Where(r => r.IsCurrent && r.Kind == ReportKind.Fortnightly && inScope.Contains(r.ProjectId))
                .Select(r => new { r.ProjectId, r.PeriodIndex, r.Revision, r.IsLate, r.SubmittedAtUtc })
                .ToListAsync(ct))
            .ToLookup(r => r.ProjectId);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = BeijingTime.DateOf(now);
        var deadlineDays = settings.Value.ReportDeadlineDays;
        var rows = new List<InboxRow>();
        foreach (var p in owing)
        {
            var project = new InboxProject(p.Id, p.Code, p.Name, p.HostUnitId, p.ChainId, p.SourceUnitId, p.Stage, p.SignedOn!.Value);
            var filed = reports[p.Id].ToDictionary(r => r.PeriodIndex);
            var canFile = ReportAccess.CanFile(scope, project.Key, ReportKind.Fortnightly);
            var canUpdate = ReportAccess.CanFile(scope, project.Key, ReportKind.Update);
            var obligations = FortnightlyObligations.For(p.Stage, p.WorkGroupLevel == WorkGroupLevel.KeyProject, p.SignedOn,
                filed.Values.Select(r => new SubmittedReport(r.PeriodIndex, r.Revision, r.IsLate)), now, deadlineDays);
            foreach (var o in obligations)
            {
                var daysOverdue = o.State == ObligationState.Overdue ? today.DayNumber - o.DueOn.DayNumber : 0;
                DateTime? submittedAt = filed.TryGetValue(o.Period.Index, out var r) ? r.SubmittedAtUtc : null;
                rows.Add(new InboxRow(project, o.Period, o.DueOn, o.State, o.Revision, daysOverdue, submittedAt,
                    now < o.Period.DueAtUtc(deadlineDays), canFile, canUpdate));
            }
        }
        return rows;
    }

    /// <summary>Overdue (all periods), and due and submitted among the periods still open.</summary>
    public static InboxCounts Count(IEnumerable<InboxRow> rows)
    {
        int overdue = 0, due = 0, submitted = 0;
        foreach (var r in rows)
        {
            if (r.State == ObligationState.Overdue) overdue++;
            else if (r.State == ObligationState.Due) due++;
            else if (r.IsOpenPeriod) submitted++;
        }
        return new InboxCounts(overdue, due, submitted);
    }

    /// <summary>Outstanding first (overdue, oldest deadline first; then due), then the submitted history, newest first.</summary>
    public static IEnumerable<InboxRow> Order(IEnumerable<InboxRow> rows) => rows
        .OrderBy(r => r.State switch { ObligationState.Overdue => 0, ObligationState.Due => 1, _ => 2 })
        .ThenBy(r => r.IsOutstanding ? r.DueOn.DayNumber : -r.Period.Index)
        .ThenBy(r => r.Project.Name, StringComparer.Ordinal)
        .ThenBy(r => r.Project.Id);
}
