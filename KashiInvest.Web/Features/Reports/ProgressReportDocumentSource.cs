using KashiInvest.Domain.Access;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Reports;

/// <summary>
/// The progress reports filed for a project (fortnightly reports and updates, current revision), as documents of the
/// project page. The page has already read the project under the user's scope; the scope is checked again here so the
/// source is safe on its own.
/// </summary>
public sealed class ProgressReportDocumentSource(IDbContextFactory<KashiDbContext> factory, UiText text) : IProjectDocumentSource
{
    private const int SummaryLength = 80;

    public async Task<IReadOnlyList<ProjectDocument>> ReadAsync(UserScope scope, int projectId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var visible = db.Projects.Where(ProjectAccess.VisibleTo(scope)).Where(p => p.Id == projectId).Select(p => p.Id);
        var reports = await db.ProgressReports.AsNoTracking()
            .Where(r => r.IsCurrent && visible.Contains(r.ProjectId))
            .Select(r => new { r.PeriodIndex, r.Kind, r.Revision, r.Narrative, r.SubmittedBy, r.SubmittedAtUtc, r.IsLate })
            .ToListAsync(cancellationToken);
        var who = reports.Select(r => r.SubmittedBy).Distinct().ToArray();
        var names = await db.Users.AsNoTracking().Where(u => who.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName }).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, cancellationToken);
        return reports.Select(r =>
        {
            var period = HalfMonthPeriod.FromIndex(r.PeriodIndex);
            var kind = r.Kind == ReportKind.Fortnightly ? "fortnightly" : "update";
            var summary = r.Narrative.Length > SummaryLength ? r.Narrative[..SummaryLength] + "…" : r.Narrative;
            return new ProjectDocument(
                $"report.{kind}",
                $"{text.Enum(r.Kind)} · {text.Period(period)}{(r.Revision > 1 ? " · " + text["Reports.RevisionN", r.Revision] : "")}",
                summary,
                r.SubmittedAtUtc,
                names.TryGetValue(r.SubmittedBy, out var name) && !string.IsNullOrWhiteSpace(name) ? name : r.SubmittedBy,
                $"/reports/{projectId}/{r.PeriodIndex}/{kind}?return=/projects/{projectId}");
        }).ToList();
    }
}
