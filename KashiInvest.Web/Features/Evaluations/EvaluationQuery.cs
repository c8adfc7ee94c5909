using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Evaluations;

public sealed record EvaluationFilter(EvaluationDecision? Decision = null, EvaluationLevel? Level = null, int? HostUnitId = null, string? Text = null);

public sealed record EvaluationRow(int Id, int ProjectId, string ProjectCode, string ProjectName, int HostUnitId, ProjectStage ProjectStage,
    EvaluationLevel Level, DateOnly HeldOn, EvaluationDecision Decision, string? Reasons, string RecordedBy, IReadOnlyList<EvaluationCriterion> FailedScreens);

public sealed record EvaluationDetail(EvaluationRow Row, IReadOnlyList<int> AttendingUnitIds, string? Attendees, DateTime RecordedAtUtc, int? RecordedByUnitId,
    IReadOnlyList<CriterionJudgement> Criteria, DateOnly? SignDueOn, AgreementDeadlineStatus Deadline);

/// <summary>What the record form needs to know about the project it is for.</summary>
public sealed record EvaluationSubject(int ProjectId, int Version, string Code, string Name, int HostUnitId, int ChainId, int ChainLeadUnitId,
    ProjectStage Stage, CoordinationLevel Coordination, EvaluationLevel Level, RuleViolation? Refusal);

/// <summary>Reads evaluation records (Art. 20) under the user's scope.</summary>
public sealed class EvaluationQuery(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, LifecycleSettings settings)
{
    public async Task<IReadOnlyList<EvaluationRow>> ListAsync(UserScope scope, EvaluationFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var projects = db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope));
        if (filter.HostUnitId is { } host) projects = projects.Where(p => p.HostUnitId == host);
        var evaluations = db.Evaluations.AsNoTracking();
        if (filter.Decision is { } d) evaluations = evaluations.Where(e => e.Decision == d);
        if (filter.Level is { } l) evaluations = evaluations.Where(e => e.Level == l);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            projects = projects.Where(p => p.Name.Contains(text) || p.Code.Contains(text));
        }
        var rows = await (from e in evaluations
                          join p in projects on e.ProjectId equals p.Id
                          orderby e.HeldOn descending, e.Id descending
                          select new { e, p.Code, p.Name, p.HostUnitId, p.Stage }).Take(500).ToListAsync(ct);
        var ids = rows.Select(r => r.e.Id).ToArray();
        var failed = await FailedScreensAsync(db, ids, ct);
        return rows.Select(r => new EvaluationRow(r.e.Id, r.e.ProjectId, r.Code, r.Name, r.HostUnitId, r.Stage, r.e.Level, r.e.HeldOn, r.e.Decision,
            r.e.Reasons, r.e.RecordedBy, failed.GetValueOrDefault(r.e.Id, []))).ToList();
    }

    public async Task<EvaluationDetail?> GetAsync(UserScope scope, int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await (from ev in db.Evaluations.AsNoTracking().Include(e => e.Criteria)
                           join p in db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)) on ev.ProjectId equals p.Id
                           where ev.Id == id
                           select new { e = ev, p.Code, p.Name, p.HostUnitId, p.Stage, p.EvaluationPassedOn, p.SignedOn }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var e = found.e;
        var criteria = e.Criteria.OrderBy(c => c.Criterion).Select(c => new CriterionJudgement(c.Criterion, c.Judgement, c.Comment)).ToList();
        var row = new EvaluationRow(e.Id, e.ProjectId, found.Code, found.Name, found.HostUnitId, found.Stage, e.Level, e.HeldOn, e.Decision, e.Reasons,
            e.RecordedBy, criteria.Where(c => c.Failed()).Select(c => c.Criterion).ToList());
        var passedOn = e.Decision == EvaluationDecision.Pass && found.EvaluationPassedOn == e.HeldOn ? found.EvaluationPassedOn : null;
        var deadline = AgreementDeadline.Evaluate(passedOn, found.SignedOn, BeijingTime.Today(clock), settings);
        return new EvaluationDetail(row, e.AttendingUnits, e.Attendees, e.RecordedAtUtc, e.RecordedByUnitId, criteria, deadline.DueOn, deadline);
    }

    /// <summary>The project the form records an evaluation for; null when the user cannot see it.</summary>
    public async Task<EvaluationSubject?> SubjectAsync(UserScope scope, int projectId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var project = await db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return null;
        var chainLead = await db.Chains.Where(c => c.Id == project.ChainId).Select(c => c.LeadUnitId).FirstOrDefaultAsync(ct);
        var refusal = EvaluationRules.CheckProject(project, scope.Role, scope.UnitId);
        return new EvaluationSubject(project.Id, project.Version, project.Code, project.Name, project.HostUnitId, project.ChainId, chainLead,
            project.Stage, project.CoordinationLevel, EvaluationRules.LevelFor(project.CoordinationLevel), refusal);
    }

    /// <summary>Projects in negotiation the user may evaluate: prefecture-coordinated for the Bureau.</summary>
    public async Task<IReadOnlyList<(int Id, string Code, string Name, DateTime SinceUtc)>> AwaitingEvaluationAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope))
            .Where(p => p.Stage == ProjectStage.Negotiating && p.CoordinationLevel == CoordinationLevel.Prefecture)
            .Select(p => new { p.Id, p.Code, p.Name, p.UpdatedAtUtc }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Code, r.Name, r.UpdatedAtUtc)).ToList();
    }

    /// <summary>Passed projects not yet signed: for the county's "sign the agreement" to-do and the alert engine.</summary>
    public async Task<IReadOnlyList<(int Id, string Code, string Name, int HostUnitId, DateOnly PassedOn)>> AwaitingSigningAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope))
            .Where(p => p.Stage == ProjectStage.Evaluation && p.EvaluationPassedOn != null)
            .Select(p => new { p.Id, p.Code, p.Name, p.HostUnitId, p.EvaluationPassedOn }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Code, r.Name, r.HostUnitId, r.EvaluationPassedOn!.Value)).ToList();
    }

    private static async Task<Dictionary<int, IReadOnlyList<EvaluationCriterion>>> FailedScreensAsync(KashiDbContext db, int[] ids, CancellationToken ct)
    {
        var rows = await db.Set<EvaluationCriterionResult>().AsNoTracking()
            .Where(c => ids.Contains(c.EvaluationId) && c.Judgement == Judgement.Unacceptable
                        && (c.Criterion == EvaluationCriterion.ThreeHighScreen || c.Criterion == EvaluationCriterion.FinancialRiskScreen))
            .Select(c => new { c.EvaluationId, c.Criterion }).ToListAsync(ct);
        return rows.GroupBy(r => r.EvaluationId).ToDictionary(g => g.Key, g => (IReadOnlyList<EvaluationCriterion>)g.Select(x => x.Criterion).ToList());
    }
}
