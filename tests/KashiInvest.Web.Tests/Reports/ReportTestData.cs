using System.Collections.Concurrent;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Reports;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Tests.Reports;

/// <summary>A key project of the demo data that owes fortnightly reports, with the codes of its host and chain-lead units.</summary>
public sealed record KeyProject(int Id, string Name, int ChainId, int HostUnitId, string HostCode, string ChainLeadCode, DateOnly SignedOn,
    decimal FundsInPlaceWan, decimal OutOfRegionFundsInPlaceWan);

/// <summary>A clock that says what the test wants.</summary>
/// <summary>Finds demo projects for report tests and hands each one out once, so that tests sharing a database do not meet.</summary>
public static class ReportTestData
{
    private static readonly ConcurrentDictionary<(string, int), bool> Taken = new();

    public static async Task<IReadOnlyList<KeyProject>> KeyProjectsAsync(SeededDatabase database) => await database.QueryAsync(async db =>
    {
        var units = await db.Units.ToDictionaryAsync(u => u.Id, u => u.Code);
        var leads = await db.Chains.ToDictionaryAsync(c => c.Id, c => c.LeadUnitId);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.WorkGroupLevel == WorkGroupLevel.KeyProject && p.SignedOn != null
                && (p.Stage == ProjectStage.Signed || p.Stage == ProjectStage.Landing || p.Stage == ProjectStage.Construction))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.ChainId, p.HostUnitId, p.SignedOn, p.FundsInPlaceWan, p.OutOfRegionFundsInPlaceWan })
            .ToListAsync();
        return (IReadOnlyList<KeyProject>)projects.Select(p => new KeyProject(p.Id, p.Name, p.ChainId, p.HostUnitId, units[p.HostUnitId],
            units[leads[p.ChainId]], p.SignedOn!.Value, p.FundsInPlaceWan, p.OutOfRegionFundsInPlaceWan)).ToList();
    });

    /// <summary>A key project no other test of this database took, optionally with a condition.</summary>
    public static async Task<KeyProject> TakeAsync(SeededDatabase database, Func<KeyProject, bool>? where = null)
    {
        foreach (var p in await KeyProjectsAsync(database))
        {
            if (where is not null && !where(p)) continue;
            if (Taken.TryAdd((database.DataDir, p.Id), true)) return p;
        }
        throw new InvalidOperationException("The demo data has no more key projects for this test.");
    }

    public static Task<UserScope> ChainLeadOfAsync(SeededDatabase database, KeyProject project) =>
        database.ScopeOfAsync(project.ChainLeadCode, ActorRole.ChainLead);

    public static SubmitReportCommand Command(SeededDatabase database, TimeProvider? clock = null) => new(
        database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>(),
        clock ?? database.Services.GetRequiredService<TimeProvider>(),
        database.Services.GetRequiredService<IOptions<HealthSettings>>(),
        Options.Create(new KashiInvest.Web.Shared.LimitsOptions()),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<SubmitReportCommand>.Instance);

    public static ReportInboxQuery Inbox(SeededDatabase database, TimeProvider? clock = null) => new(
        database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>(),
        clock ?? database.Services.GetRequiredService<TimeProvider>(),
        database.Services.GetRequiredService<IOptions<HealthSettings>>());

    public static HalfMonthPeriod CurrentPeriod => HalfMonthPeriod.Containing(TestClock.Default.GetUtcNow().UtcDateTime);

    public static SubmitReport Report(KeyProject project, HalfMonthPeriod period, ReportKind kind = ReportKind.Fortnightly, int expectedRevision = 0,
        string narrative = "厂房主体结构完工，设备进场调试。", decimal funds = 0m, decimal outOfRegion = 0m,
        IReadOnlyList<MilestoneReached>? milestones = null, IReadOnlyList<Features.Problems.NewProblem>? problems = null) =>
        new(project.Id, period.Index, kind, expectedRevision, new ReportInput(narrative, "下一步推进设备安装。", funds, outOfRegion, milestones ?? []), problems ?? []);
}
