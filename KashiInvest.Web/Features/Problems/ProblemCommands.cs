using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Problems;

/// <summary>A problem as entered on the ledger or the report form.</summary>
public sealed record NewProblem(ProblemCategory Category, FactorKind? Factor, string Description, ProblemSeverity Severity, int? OwnerUnitId, DateOnly? DueOn);

/// <summary>
/// The ledger's writes (Art. 27–28): record, take up, reassign, escalate (county → chain lead → prefecture, the
/// owner following the level), resolve and reopen. Each checks scope and rights, refuses a stale version with a
/// conflict, and leaves a history line and an audit row.
/// </summary>
public sealed class ProblemCommands(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, ILogger<ProblemCommands> logger)
{
    /// <summary>Field errors of a new problem; <paramref name="prefix"/> names its place in a larger form.</summary>
    public static List<FieldViolation> Validate(NewProblem p, DateOnly today, string prefix = "")
    {
        var errors = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(p.Description)) errors.Add(new(prefix + nameof(NewProblem.Description), "Field.Required"));
        else TextRules.Add(errors, prefix + nameof(NewProblem.Description), p.Description, Problem.TextMaxLength, multiLine: true);
        if (p.Category == ProblemCategory.FactorSupply && p.Factor is null) errors.Add(new(prefix + nameof(NewProblem.Factor), "Problem.FactorRequired"));
        if (p.OwnerUnitId is null) errors.Add(new(prefix + nameof(NewProblem.OwnerUnitId), "Field.Required"));
        if (p.DueOn is null) errors.Add(new(prefix + nameof(NewProblem.DueOn), "Field.Required"));
        else if (p.DueOn < today) errors.Add(new(prefix + nameof(NewProblem.DueOn), "Problem.DueInPast"));
        Choices.Add(errors, prefix + nameof(NewProblem.Category), (ProblemCategory?)p.Category);
        Choices.Add(errors, prefix + nameof(NewProblem.Severity), (ProblemSeverity?)p.Severity);
        Choices.Add(errors, prefix + nameof(NewProblem.Factor), p.Factor);
        return errors;
    }

    public Task<WriteResult> RaiseAsync(UserScope scope, int projectId, NewProblem input, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var key = await db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => p.Id == projectId)
            .Select(p => new { p.HostUnitId, p.ChainId, p.SourceUnitId, p.Stage }).FirstOrDefaultAsync(ct);
        if (key is null) return WriteResult.NotFound;
        if (!ProblemAccess.CanRaise(scope, new ProjectKey(projectId, key.HostUnitId, key.ChainId, key.SourceUnitId))) return WriteResult.NotAllowed;
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = Validate(input, BeijingTime.DateOf(now));
        if (errors.Count > 0) return WriteResult.Invalid(errors);
        if (key.Stage == ProjectStage.Terminated) return WriteResult.Invalid(string.Empty, new RuleViolation("Project.Terminated"));
        if (!await db.Units.AnyAsync(u => u.Id == input.OwnerUnitId, ct)) return WriteResult.Invalid(nameof(NewProblem.OwnerUnitId), new RuleViolation("Field.Required"));
        var problem = new Problem(projectId, input.Category, input.Factor, input.Description, input.Severity, input.OwnerUnitId!.Value,
            input.DueOn!.Value, scope.Actor, now);
        db.Problems.Add(problem);
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(problem.Id);
    });

    public Task<WriteResult> StartAsync(UserScope scope, int problemId, int version, CancellationToken ct = default) =>
        ActAsync(scope, problemId, version, handle: true, (p, _, _, now) => { p.Start(scope.Actor, now); return Task.CompletedTask; }, ct);

    public Task<WriteResult> AssignAsync(UserScope scope, int problemId, int version, int ownerUnitId, DateOnly? dueOn, string? note, CancellationToken ct = default) =>
        ActAsync(scope, problemId, version, handle: true, async (p, _, db, now) =>
        {
            if (!await db.Units.AnyAsync(u => u.Id == ownerUnitId, ct)) throw new DomainRuleException("Field.Required");
            if (dueOn is { } d && d < BeijingTime.DateOf(now)) throw new DomainRuleException("Problem.DueInPast");
            p.Assign(ownerUnitId, dueOn, note, scope.Actor, now);
        }, ct);

    /// <summary>One level up: to the chain's lead unit, then to the Bureau for the prefecture's coordination.</summary>
    public Task<WriteResult> EscalateAsync(UserScope scope, int problemId, int version, string reason, DateOnly? dueOn, CancellationToken ct = default) =>
        ActAsync(scope, problemId, version, handle: true, async (p, project, db, now) =>
        {
            if (dueOn is { } d && d < BeijingTime.DateOf(now)) throw new DomainRuleException("Problem.DueInPast");
            p.Escalate(reason, await EscalationOwnerAsync(db, p.Level, project.ChainId, ct), dueOn, scope.Actor, now);
        }, ct);

    /// <summary>Who owns a problem escalated one level up from <paramref name="level"/>: the chain's lead unit, then the Bureau.</summary>
    public static Task<int> EscalationOwnerAsync(KashiDbContext db, EscalationLevel level, int chainId, CancellationToken ct) =>
        level == EscalationLevel.County
            ? db.Chains.Where(c => c.Id == chainId).Select(c => c.LeadUnitId).FirstAsync(ct)
            : db.Units.BureauIdAsync(ct);

    public Task<WriteResult> ResolveAsync(UserScope scope, int problemId, int version, string resolution, CancellationToken ct = default) =>
        ActAsync(scope, problemId, version, handle: true, (p, _, _, now) => { p.Resolve(resolution, scope.Actor, now); return Task.CompletedTask; }, ct);

    public Task<WriteResult> ReopenAsync(UserScope scope, int problemId, int version, string reason, CancellationToken ct = default) =>
        ActAsync(scope, problemId, version, handle: false, (p, _, _, now) => { p.Reopen(reason, scope.Actor, now); return Task.CompletedTask; }, ct);

    private Task<WriteResult> ActAsync(UserScope scope, int problemId, int version, bool handle,
        Func<Problem, ProjectKey, KashiDbContext, DateTime, Task> act, CancellationToken ct) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var problem = await db.Problems.Include(p => p.History).FirstOrDefaultAsync(p => p.Id == problemId, ct);
        if (problem is null) return WriteResult.NotFound;
        var key = await db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => p.Id == problem.ProjectId)
            .Select(p => new ProjectKey(p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId)).Cast<ProjectKey?>().FirstOrDefaultAsync(ct);
        if (key is not { } k) return WriteResult.NotFound;
        var allowed = handle
            ? ProblemAccess.CanHandle(scope, k, problem.OwnerUnitId, problem.Level)
            : ProblemAccess.CanReopen(scope, k, problem.OwnerUnitId, problem.Level, problem.RaisedByUnitId);
        if (!allowed) return WriteResult.NotAllowed;
        if (problem.Version != version) return WriteResult.Conflict;
        await act(problem, k, db, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(problem.Id);
    });
}
