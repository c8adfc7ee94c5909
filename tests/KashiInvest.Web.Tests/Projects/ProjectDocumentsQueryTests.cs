using KashiInvest.Domain.Access;
using KashiInvest.Domain.Reports;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Features.Reports;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KashiInvest.Web.Tests.Projects;

/// <summary>The project page's documents: every source's documents, newest first; filed reports are documents too.</summary>
public sealed class ProjectDocumentsQueryTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly UserScope Bureau = new("bureau", "招商局", ActorRole.Bureau, null, [], []);

    private sealed class FixedSource(params ProjectDocument[] documents) : IProjectDocumentSource
    {
        public Task<IReadOnlyList<ProjectDocument>> ReadAsync(UserScope scope, int projectId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ProjectDocument>>(documents);
    }

    private sealed class BrokenSource : IProjectDocumentSource
    {
        public Task<IReadOnlyList<ProjectDocument>> ReadAsync(UserScope scope, int projectId, CancellationToken cancellationToken) => throw new InvalidOperationException();
    }

    [Fact]
    public async Task Documents_of_all_sources_are_merged_newest_first_and_a_failing_source_is_counted()
    {
        var day = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var leads = new FixedSource(new ProjectDocument("lead.form", "信息传递单", null, day, "分局", "/leads/1"));
        var evaluations = new FixedSource(new ProjectDocument("evaluation.record", "评估记录", "通过", day.AddDays(9), "招商局", "/evaluations/1"),
            new ProjectDocument("evaluation.record", "初评", null, day.AddDays(3), null, "/evaluations/0"));
        var query = new ProjectDocumentsQuery([leads, new BrokenSource(), evaluations], NullLogger<ProjectDocumentsQuery>.Instance);

        var documents = await query.ReadAsync(Bureau, 1);

        Assert.Equal(["评估记录", "初评", "信息传递单"], documents.Items.Select(d => d.Title));
        Assert.Equal(1, documents.FailedSources);
    }

    [Fact]
    public async Task A_projects_filed_reports_are_listed_with_who_filed_them_and_a_link_to_each()
    {
        using var culture = new UiCulture("zh-CN");
        var projectId = await database.QueryAsync(db => db.ProgressReports.Where(r => r.IsCurrent).GroupBy(r => r.ProjectId)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        var expected = await database.QueryAsync(db => db.ProgressReports.CountAsync(r => r.IsCurrent && r.ProjectId == projectId));
        var query = database.Services.GetRequiredService<ProjectDocumentsQuery>();

        var documents = await query.ReadAsync(Bureau, projectId);

        var reports = documents.Items.Where(d => d.Kind.StartsWith("report.", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, reports.Count);
        Assert.All(reports, d => Assert.StartsWith($"/reports/{projectId}/", d.Href));
        Assert.All(reports, d => Assert.False(string.IsNullOrWhiteSpace(d.By)));
        Assert.Equal(reports.Select(d => d.AtUtc).OrderDescending(), reports.Select(d => d.AtUtc));

        // Outside the user's scope the source answers nothing.
        var hostId = await database.QueryAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.HostUnitId).SingleAsync());
        var otherCounty = await database.QueryAsync(db => db.Units.Where(u => u.Code == "shache" || u.Code == "yecheng").Where(u => u.Id != hostId).Select(u => u.Code).FirstAsync());
        var source = database.Services.GetServices<IProjectDocumentSource>().OfType<ProgressReportDocumentSource>().Single();
        Assert.Empty(await source.ReadAsync(await database.ScopeOfAsync(otherCounty), projectId, CancellationToken.None));
    }
}
