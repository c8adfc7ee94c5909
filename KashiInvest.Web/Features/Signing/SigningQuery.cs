using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Signing;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Signing;

/// <summary>What the signing and work-group screen shows of a project (Art. 22).</summary>
public sealed record SigningView(
    int ProjectId, int Version, string Code, string Name, int HostUnitId, int ChainId, ProjectStage Stage, CoordinationLevel Coordination,
    decimal AmountWan, int Jobs, WorkGroupLevel Level, DateOnly? SignedOn, string? AgreementNumber, int? TermYears,
    DateOnly? EvaluationPassedOn, AgreementDeadlineStatus Deadline, WorkGroupComposition WorkGroup, IReadOnlyList<RuleViolation> Missing,
    bool CanSign, RuleViolation? SignRefusal, bool CanEditWorkGroup, bool ReportsFortnightly);

public sealed class SigningQuery(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, LifecycleSettings settings)
{
    public async Task<SigningView?> GetAsync(UserScope scope, int projectId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var p = await db.Projects.AsNoTracking().Include(x => x.WorkGroupDepartments)
            .Where(ProjectAccess.VisibleTo(scope)).FirstOrDefaultAsync(x => x.Id == projectId, ct);
        if (p is null) return null;
        var today = BeijingTime.Today(clock);
        var mayAct = SigningRules.RoleMay(scope.Role, scope.UnitId, p.HostUnitId);
        var refusal = p.Stage == ProjectStage.Evaluation
            ? p.CheckSigning(new AgreementInput(today, p.PlannedInvestmentWan, p.ExpectedJobs, 1, null), scope.Role, scope.UnitId, today)
            : new RuleViolation("Signing.NotInEvaluation", p.Stage);
        return new SigningView(p.Id, p.Version, p.Code, p.Name, p.HostUnitId, p.ChainId, p.Stage, p.CoordinationLevel,
            p.PlannedInvestmentWan, p.ExpectedJobs, p.WorkGroupLevel, p.SignedOn, p.AgreementNumber, p.AgreementTermYears,
            p.EvaluationPassedOn, AgreementDeadline.Evaluate(p.EvaluationPassedOn, p.SignedOn, today, settings), p.WorkGroup, p.WorkGroupMissing,
            mayAct && refusal is null, refusal, mayAct && p.Stage.IsSignedOrLater() && p.WorkGroupLevel != WorkGroupLevel.None,
            KashiInvest.Domain.Reports.FortnightlyObligations.Applies(p.Stage, p.IsKeyProject, p.SignedOn));
    }

    /// <summary>Signed projects of the user's scope whose work group is not complete.</summary>
    public async Task<IReadOnlyList<(int Id, string Code, string Name, int HostUnitId, IReadOnlyList<RuleViolation> Missing)>> IncompleteWorkGroupsAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var signed = new[] { ProjectStage.Signed, ProjectStage.Landing, ProjectStage.Construction, ProjectStage.Production };
        var projects = await db.Projects.AsNoTracking().Include(x => x.WorkGroupDepartments).Where(ProjectAccess.VisibleTo(scope))
            .Where(x => signed.Contains(x.Stage) && x.WorkGroupLevel != WorkGroupLevel.None).ToListAsync(ct);
        return projects.Where(x => x.WorkGroupMissing.Count > 0).Select(x => (x.Id, x.Code, x.Name, x.HostUnitId, x.WorkGroupMissing)).ToList();
    }
}
