using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Projects;

/// <summary>
/// What the triage, evaluation and signing use-case tests share: the seeded demo database, a fresh lead of their own,
/// and a project read back with its life-cycle history.
/// </summary>
public abstract class LifecycleUseCases(SeededDatabase database)
{
    protected SeededDatabase Database { get; } = database;

    protected T Get<T>() where T : notnull => Database.Services.GetRequiredService<T>();

    protected DateOnly Today => BeijingTime.Today(Get<TimeProvider>());

    protected Task<int> NewLeadAsync(string name, InvestorTier tiers, ProjectStage stage = ProjectStage.Lead, string? leader = null) =>
        Database.QueryAsync(db => LifecycleTestData.NewLeadAsync(db, name, tiers, stage: stage, responsibleLeader: leader));

    protected Task<Project> ReadAsync(int id) => Database.QueryAsync(db => db.Projects.AsNoTracking()
        .Include(p => p.TriageSteps).Include(p => p.Evaluations).Include(p => p.StageHistory).Include(p => p.WorkGroupDepartments).SingleAsync(p => p.Id == id));
}
