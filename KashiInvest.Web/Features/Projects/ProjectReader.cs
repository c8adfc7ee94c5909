using KashiInvest.Domain.Access;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Projects;

public sealed record InvestorView(int Id, string Name, string? CreditCode, InvestorTier Tiers, SourceRegionCode Region);

public sealed record MilestoneView(int Id, string Name, DateOnly PlannedOn, DateOnly? ReachedOn, int DaysOverdue);

/// <summary>One step of the stage history; <paramref name="ChangedByName"/> is the user's display name when known.</summary>
public sealed record StageChangeView(ProjectStage? From, ProjectStage To, DateTime AtUtc, string ChangedBy, int? ChangedByUnitId, string? Note, TerminationReason? Reason,
    string? ChangedByName = null);

/// <summary>Everything the project page shows, read under the user's scope.</summary>
public sealed record ProjectView(
    int Id, string Code, string Name, string? Description, int HostUnitId, int SourceUnitId, int ChainId, int? ChainLinkId,
    InvestorView Investor, decimal PlannedInvestmentWan, int ExpectedJobs, ProjectStage Stage, CoordinationLevel Coordination,
    WorkGroupLevel Level, string? ResponsibleLeader, string? LeaderInCharge, DateOnly? PlannedStartOn, DateOnly? PlannedCompletionOn,
    DateOnly? SignedOn, TerminationReason? TerminationReason, decimal FundsInPlaceWan, decimal OutOfRegionFundsInPlaceWan,
    DateTime CreatedAtUtc, DateTime UpdatedAtUtc, DateTime LastActivityAtUtc, int Version,
    IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<StageChangeView> History, bool CanEdit);

public sealed class ProjectReader(IDbContextFactory<KashiDbContext> factory, TimeProvider clock)
{
    /// <summary>The project, or null when it does not exist or lies outside the user's scope (the two look the same).</summary>
    public async Task<ProjectView?> GetAsync(UserScope scope, int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var project = await db.Projects.AsNoTracking().AsSplitQuery()
            .Include(p => p.Milestones).Include(p => p.StageHistory)
            .Where(ProjectAccess.VisibleTo(scope))
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return null;
        var investor = await db.Investors.AsNoTracking().Where(i => i.Id == project.InvestorId)
            .Select(i => new InvestorView(i.Id, i.Name, i.CreditCode, i.Tiers, i.Region)).FirstAsync(ct);
        var today = Domain.Common.BeijingTime.Today(clock);
        // The history records user names; people read display names.
        var who = project.StageHistory.Select(h => h.ChangedBy).Distinct().ToArray();
        var names = await db.Users.AsNoTracking().Where(u => who.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName }).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, ct);
        return new ProjectView(project.Id, project.Code, project.Name, project.Description, project.HostUnitId, project.SourceUnitId,
            project.ChainId, project.ChainLinkId, investor, project.PlannedInvestmentWan, project.ExpectedJobs, project.Stage,
            project.CoordinationLevel, project.WorkGroupLevel, project.ResponsibleLeader, project.LeaderInCharge, project.PlannedStartOn,
            project.PlannedCompletionOn, project.SignedOn, project.TerminationReason, project.FundsInPlaceWan,
            project.OutOfRegionFundsInPlaceWan, project.CreatedAtUtc, project.UpdatedAtUtc, project.LastActivityAtUtc, project.Version,
            project.Milestones.OrderBy(m => m.Order).Select(m => new MilestoneView(m.Id, m.Name, m.PlannedOn, m.ReachedOn, m.DaysOverdue(today))).ToList(),
            project.StageHistory.OrderBy(h => h.AtUtc).ThenBy(h => h.Id)
                .Select(h => new StageChangeView(h.From, h.To, h.AtUtc, h.ChangedBy, h.ChangedByUnitId, h.Note, h.TerminationReason,
                    names.TryGetValue(h.ChangedBy, out var name) && !string.IsNullOrWhiteSpace(name) ? name : null)).ToList(),
            ProjectAccess.CanEdit(scope, project));
    }

    /// <summary>
    /// Investors whose name or credit code contains the text, for the investor picker — only those the user may know
    /// of: on a project the user sees, on a registration form or weekly intention the user's unit filed (a chain lead:
    /// intentions on its chains), or, for anyone, the one whose full credit code was typed. Prefecture-wide roles see all.
    /// </summary>
    public async Task<IReadOnlyList<InvestorView>> SearchInvestorsAsync(UserScope scope, string? text, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = db.Investors.AsNoTracking();
        var t = text?.Trim() ?? string.Empty;
        var exactCode = CreditCode.TryParse(t, out var code, out _) ? code.Value : null;
        if (!scope.SeesAll)
        {
            var own = scope.UnitId ?? -1;
            var chains = scope.ChainIds.ToArray();
            var onProjects = db.Projects.Where(ProjectAccess.VisibleTo(scope)).Select(p => p.InvestorId);
            var onForms = db.LeadForms.Where(f => f.FiledByUnitId == own).Select(f => f.InvestorId);
            var onIntentions = from e in db.IntentionEntries
                               join r in db.WeeklyReports on e.ReportId equals r.Id
                               where r.UnitId == own || (scope.Role == ActorRole.ChainLead && chains.Contains(e.ChainId))
                               select e.InvestorId;
            q = q.Where(i => onProjects.Contains(i.Id) || onForms.Contains(i.Id) || onIntentions.Contains(i.Id)
                || (exactCode != null && i.CreditCode == exactCode));
        }
        if (t.Length > 0)
        {
            var upper = t.ToUpperInvariant();
            q = q.Where(i => i.Name.Contains(t) || (i.CreditCode != null && i.CreditCode.StartsWith(upper)));
        }
        return await q.OrderBy(i => i.Name).Take(20)
            .Select(i => new InvestorView(i.Id, i.Name, i.CreditCode, i.Tiers, i.Region)).ToListAsync(ct);
    }
}
