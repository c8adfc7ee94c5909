using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Assessment;
using KashiInvest.Infrastructure.Tests.Persistence;

namespace KashiInvest.Infrastructure.Tests.Assessment;

/// <summary>
/// The year's deductions are counted as things stood at the end of 31 December of the assessed year, not on the day
/// the draft is computed: a signed project started in January still counts as signed and not started in time.
/// </summary>
public sealed class AssessmentDeductionsAsOfTests
{
    /// <summary>A project of county A signed on 2 Nov 2026 with its start planned for 1 Dec 2026.</summary>
    private static async Task<int> SignedProjectAsync(TestDatabase database, MiniWorld w, string code)
    {
        var now = database.Clock.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        db.Actor = MiniWorld.Setup;
        var details = new ProjectDetails("疏附县纺织项目" + code, null, w.CountyA, w.Chain1, null, w.Investor, 20_000m, 100,
            new DateOnly(2026, 12, 1), null, null, null, []);
        var project = Project.Create(code, details, InvestorTier.None, w.CountyA, MiniWorld.Setup, now, WorkGroupThresholds.Default, ProjectStage.Evaluation);
        project.MoveTo(new StageTransition(ProjectStage.Signed, Date: new DateOnly(2026, 11, 2)), MiniWorld.Setup, now);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    private static async Task StartAsync(TestDatabase database, int projectId, DateTimeOffset atUtc)
    {
        database.Clock.UtcNow = atUtc;
        await using var db = database.CreateContext();
        db.Actor = MiniWorld.Setup;
        var project = await db.Projects.FindAsync(projectId);
        project!.MoveTo(new StageTransition(ProjectStage.Landing), MiniWorld.Setup, atUtc.UtcDateTime);
        project.MoveTo(new StageTransition(ProjectStage.Construction), MiniWorld.Setup, atUtc.UtcDateTime);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_project_not_started_by_31_December_counts_against_the_year_even_when_it_starts_before_the_draft_is_computed()
    {
        await using var database = await TestDatabase.CreateAsync();
        var w = await MiniWorld.CreateAsync(database);
        var startedInDecember = await SignedProjectAsync(database, w, "KS-2026-0101");
        var startedInJanuary = await SignedProjectAsync(database, w, "KS-2026-0102");
        var neverStarted = await SignedProjectAsync(database, w, "KS-2026-0103");
        await StartAsync(database, startedInDecember, new DateTimeOffset(2026, 12, 31, 15, 0, 0, TimeSpan.Zero)); // 23:00 Beijing, 31 Dec
        await StartAsync(database, startedInJanuary, new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));  // 00:30 Beijing, 1 Jan 2027
        database.Clock.UtcNow = new DateTimeOffset(2027, 1, 15, 2, 0, 0, TimeSpan.Zero); // the draft is computed on 15 Jan 2027

        await using var db = database.CreateContext();
        var facts = await AssessmentInputsQuery.FactsAsync(db, 2026, new DateOnly(2026, 12, 31), CancellationToken.None);

        var notStarted = facts.Where(f => f.Fact.Kind == AssessmentFactKind.SignedNotStarted).ToList();
        Assert.Equal([startedInJanuary, neverStarted], notStarted.Select(f => f.Fact.SourceId).Order());
        Assert.All(notStarted, f => Assert.Equal(w.CountyA, f.UnitId));

        // Measured through a day in the middle of December, the project started on 31 Dec still counts too.
        var midDecember = await AssessmentInputsQuery.FactsAsync(db, 2026, new DateOnly(2026, 12, 15), CancellationToken.None);
        Assert.Equal(3, midDecember.Count(f => f.Fact.Kind == AssessmentFactKind.SignedNotStarted));
    }
}
