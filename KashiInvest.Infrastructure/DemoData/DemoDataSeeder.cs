using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Identity;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Fills an empty database with the deterministic demo data set and the demo accounts. The data set is planned
/// in memory by <see cref="DemoDataGenerator"/> and replayed here through the domain's own methods
/// (<see cref="Project.Create"/>, <see cref="Project.MoveTo"/>, <see cref="Problem.Escalate"/>, …), so it obeys
/// every rule a user's input obeys.
/// </summary>
public sealed class DemoDataSeeder(IDbContextFactory<KashiDbContext> factory, IOptions<DemoDataOptions> options, TimeProvider clock)
{
    public const string ActorJob = "demo-data";

    /// <summary>Projects saved per round trip; keeps the change tracker small at large scales.</summary>
    private const int ProjectsPerBatch = 250;

    /// <summary>
    /// Seeds reference data if missing, then the demo data set and accounts if the database has no project yet.
    /// Returns the demo accounts (empty when demo data is disabled).
    /// </summary>
    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(CancellationToken cancellationToken = default)
    {
        // The transaction runs inside the execution strategy, so that SQL Server's retries work with it.
        await using var probe = await factory.CreateDbContextAsync(cancellationToken);
        return await probe.Database.CreateExecutionStrategy().ExecuteAsync(() => SeedOnceAsync(cancellationToken));
    }

    private async Task<IReadOnlyList<DemoAccount>> SeedOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return [];

        await new ReferenceDataSeeder(factory).SeedAsync(cancellationToken);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Actor = Actor.System(ActorJob);
        var reference = await LoadReferenceAsync(db, cancellationToken);
        if (!await db.Projects.AnyAsync(cancellationToken))
        {
            var plan = DemoDataGenerator.Generate(settings.Seed, settings.Scale, BeijingTime.Today(clock), reference);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await PersistAsync(db, plan, new LifecycleDemoData(reference), cancellationToken);
            await LeadsDemoData.SeedAsync(db, reference, clock.GetUtcNow().UtcDateTime, settings.Seed, cancellationToken);
            await AddAccountsAsync(db, reference, settings.Seed, cancellationToken);
            await DemoWebhooks.SeedAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
            await MeetingsDemoData.SeedAsync(db, clock, cancellationToken);
            await ApprovalsDemoData.SeedAsync(db, clock, cancellationToken);
            await StatisticsDemoData.SeedAsync(db, clock, settings.Seed, new Domain.Statistics.StatisticsSettings(), cancellationToken);
            await BulletinsDemoData.SeedAsync(db, clock, new Domain.Bulletins.BulletinSettings(), cancellationToken);
            await CommitmentsDemoData.SeedAsync(db, clock, cancellationToken);
            await ComplaintsDemoData.SeedAsync(db, clock, cancellationToken);
            await IntegrityDemoData.SeedAsync(db, clock, cancellationToken);
            await ChainMapsDemoData.SeedAsync(db, clock, cancellationToken);
            await AnnualTargetsDemoData.SeedAsync(db, clock, new Domain.Statistics.StatisticsSettings(), cancellationToken);
            await AssessmentDemoData.SeedAsync(db, clock, settings.Seed, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return AccountsOf(reference);
    }

    /// <summary>The reference data as stored, for the generator.</summary>
    public static async Task<DemoReference> LoadReferenceAsync(KashiDbContext db, CancellationToken cancellationToken = default)
    {
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => new DemoUnitRef(u.Code, u.Id, u.Name, u.Type)).ToListAsync(cancellationToken);
        var chains = await db.Chains.AsNoTracking().Include(c => c.Links).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return new DemoReference(units, chains.Select(c => new DemoChainRef(c.Code, c.Id, c.Name, c.LeadUnitId,
            c.Links.OrderBy(l => l.Id).Select(l => new DemoLinkRef(l.Id, l.Name)).ToList())).ToList());
    }

    private static IReadOnlyList<DemoAccount> AccountsOf(DemoReference reference) =>
        DemoAccounts.All.Select(a => new DemoAccount(a.UserName, a.Role.ToString(), reference.Unit(a.UnitCode).Name)).ToList();

    private static async Task PersistAsync(KashiDbContext db, DemoPlan plan, LifecycleDemoData lifecycle, CancellationToken cancellationToken)
    {
        var investors = plan.Investors
            .Select(i => new Investor(i.Name, i.CreditCode is null ? null : CreditCode.Parse(i.CreditCode), i.Tiers, i.Region))
            .ToList();
        db.Investors.AddRange(investors);
        await db.SaveChangesAsync(cancellationToken);
        var investorIds = investors.Select(i => i.Id).ToArray();
        db.ChangeTracker.Clear();

        foreach (var batch in plan.Projects.Chunk(ProjectsPerBatch))
        {
            var projects = batch.Select(p => BuildProject(p, investorIds[p.InvestorIndex], plan.Investors[p.InvestorIndex].Tiers, lifecycle)).ToList();
            db.Projects.AddRange(projects);
            await db.SaveChangesAsync(cancellationToken);

            for (var i = 0; i < batch.Length; i++)
            {
                var projectId = projects[i].Id;
                db.ProgressReports.AddRange(batch[i].Reports.Select(r => BuildReport(projectId, r)));
                db.Problems.AddRange(batch[i].Problems.Select(p => BuildProblem(projectId, p)));
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private static Project BuildProject(ProjectPlan plan, int investorId, InvestorTier tiers, LifecycleDemoData lifecycle)
    {
        var thresholds = WorkGroupThresholds.Default;
        var details = new ProjectDetails(plan.Name, plan.Description, plan.HostUnitId, plan.ChainId, plan.ChainLinkId, investorId,
            plan.PlannedInvestmentWan, plan.ExpectedJobs, null, null, null, null, []);
        var project = Project.Create(plan.Code, details, tiers, plan.SourceUnitId, ToActor(plan.CreatedBy), plan.CreatedAtUtc, thresholds);
        for (var index = 0; index < plan.Steps.Count; index++)
        {
            var step = plan.Steps[index];
            switch (step.Kind)
            {
                case ProjectStepKind.AssignResponsibleLeader:
                    details = details with { ResponsibleLeader = step.ResponsibleLeader };
                    project.Update(details, thresholds, step.AtUtc);
                    break;
                case ProjectStepKind.Move:
                    index += lifecycle.ApplyMove(project, plan, index);
                    break;
                case ProjectStepKind.BattleMap:
                    // Applied once: milestones not yet saved have no id, so a second update would add them again.
                    var map = step.BattleMap!;
                    details = details with
                    {
                        PlannedStartOn = map.PlannedStartOn,
                        PlannedCompletionOn = map.PlannedCompletionOn,
                        LeaderInCharge = map.LeaderInCharge,
                        Milestones = map.Milestones.Select(m => new MilestoneInput(null, m.Name, m.PlannedOn, m.ReachedOn)).ToList(),
                    };
                    project.Update(details, thresholds, step.AtUtc);
                    break;
                case ProjectStepKind.FundsInPlace:
                    project.RecordFundsInPlace(step.FundsWan, step.OutOfRegionFundsWan, step.AtUtc);
                    break;
            }
        }
        lifecycle.FormWorkGroup(project, plan, plan.LastActivityAtUtc);
        project.Touch(plan.LastActivityAtUtc);
        // The simulated history is not news: no screen needs a change notice for each of its thousands of steps.
        project.TakeDomainEvents();
        return project;
    }

    private static ProgressReport BuildReport(int projectId, ReportPlan r)
    {
        var report = new ProgressReport(projectId, HalfMonthPeriod.FromIndex(r.PeriodIndex), r.Kind, 1, r.Narrative, r.NextSteps,
            r.FundsWan, r.OutOfRegionFundsWan, ToActor(r.SubmittedBy), r.SubmittedAtUtc, r.IsLate);
        report.TakeDomainEvents();
        return report;
    }

    private static Problem BuildProblem(int projectId, ProblemPlan p)
    {
        var problem = new Problem(projectId, p.Category, p.Factor, p.Description, p.Severity, p.OwnerUnitId, p.DueOn, ToActor(p.RaisedBy), p.RaisedAtUtc);
        foreach (var action in p.Actions)
        {
            switch (action.Kind)
            {
                case ProblemActionKind.Start: problem.Start(ToActor(action.Actor), action.AtUtc); break;
                case ProblemActionKind.Escalate: problem.Escalate(action.Text!, action.NewOwnerUnitId!.Value, null, ToActor(action.Actor), action.AtUtc); break;
                case ProblemActionKind.Resolve: problem.Resolve(action.Text!, ToActor(action.Actor), action.AtUtc); break;
            }
        }
        problem.TakeDomainEvents();
        return problem;
    }

    private static Actor ToActor(DemoActor actor) => new(actor.UserName, actor.UnitId);

    /// <summary>Creates the Identity roles (one per <see cref="ActorRole"/>) and the demo accounts that are missing.</summary>
    private static async Task AddAccountsAsync(KashiDbContext db, DemoReference reference, int seed, CancellationToken cancellationToken)
    {
        // Stamps and ids come from their own generator so that accounts never shift the data set.
        var random = new Random(unchecked(seed * 397) ^ 0x5EED);
        string NewId()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes).ToString();
        }

        var roles = await db.Roles.ToListAsync(cancellationToken);
        foreach (var name in AppRoles.All)
        {
            if (roles.Any(r => r.Name == name)) continue;
            var role = new IdentityRole(name) { Id = NewId(), NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = NewId() };
            db.Roles.Add(role);
            roles.Add(role);
        }

        var existing = (await db.Users.Select(u => u.NormalizedUserName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        // Hashing is deliberately slow: hash the shared password once and give every account the same hash.
        var hash = new PasswordHasher<AppUser>().HashPassword(null!, DemoDataOptions.Password);
        foreach (var spec in DemoAccounts.All)
        {
            var normalized = spec.UserName.ToUpperInvariant();
            if (existing.Contains(normalized)) continue;
            var email = $"{spec.UserName}@{DemoAccounts.EmailDomain}";
            var user = new AppUser
            {
                Id = NewId(),
                UserName = spec.UserName,
                NormalizedUserName = normalized,
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = NewId(),
                ConcurrencyStamp = NewId(),
                LockoutEnabled = true,
                DisplayName = spec.DisplayName,
                UnitId = reference.Unit(spec.UnitCode).Id,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles.First(r => r.Name == spec.Role.ToString()).Id });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
