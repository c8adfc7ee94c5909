using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Investors;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Projects;
using KashiInvest.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Leads;

/// <summary>
/// Files the information-transfer registration form (Art. 18) in one transaction: finds or creates the investor
/// (credit code, then normalized name), creates the project in stage Lead with the filing unit as its source,
/// stores the form against the project, and marks every push of a matching target "became a lead". The project
/// then waits in the Bureau's triage queue. Nothing is written unless all of it is.
/// </summary>
public sealed class FileLeadCommand(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, WorkGroupThresholds thresholds, ILogger<FileLeadCommand> logger)
{
    public Task<WriteResult> ExecuteAsync(UserScope scope, LeadFormModel model, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        if (!LeadAccess.CanFileLead(scope)) return WriteResult.NotAllowed;
        // Two filers at the same moment may draw the same project code; the unique index refuses the second, which retries.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SafeWrite.InStrategyAsync(factory, () => TryExecuteAsync(scope, model, ct), ct);
            }
            catch (DbUpdateException ex) when (SafeWrite.IsUniqueViolation(ex) && attempt < 3)
            {
                logger.LogInformation(ex, "Filing a lead by {User} clashed with another write (attempt {Attempt}); retrying", scope.UserName, attempt);
            }
        }
    });

    /// <summary>Field errors of the form (also what the page shows before saving).</summary>
    public static List<FieldViolation> Check(LeadFormModel model, DateOnly today)
    {
        var errors = new List<FieldViolation>();
        if (model.Region is null) errors.Add(new(nameof(model.Region), "Field.Required"));
        Choices.Add(errors, nameof(model.Region), model.Region);
        Choices.Add(errors, nameof(model.Feasibility), model.Feasibility);
        Choices.Add(errors, nameof(model.Tiers), (InvestorTier?)model.TierFlags);
        errors.AddRange(LeadFormRules.Validate(model.ToInput(), today));
        return errors;
    }

    private async Task<WriteResult> TryExecuteAsync(UserScope scope, LeadFormModel model, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BeijingTime.DateOf(now);
        var errors = Check(model, today);
        var input = model.ToInput();

        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        if (input.HostUnitId > 0 && await db.Units.AsNoTracking().Where(u => u.Id == input.HostUnitId).Select(u => u.Type).FirstOrDefaultAsync(ct) is not (UnitType.County or UnitType.DevelopmentZone))
            errors.Add(new(nameof(input.HostUnitId), "Project.HostMustAttract"));
        if (input.ChainId > 0 && !await db.Chains.AnyAsync(c => c.Id == input.ChainId, ct))
            errors.Add(new(nameof(input.ChainId), "Field.Required"));
        if (input.ChainLinkId is { } link && !await db.ChainLinks.AnyAsync(l => l.Id == link && l.ChainId == input.ChainId, ct))
            errors.Add(new(nameof(input.ChainLinkId), "Project.LinkNotInChain"));
        if (errors.Count > 0) return WriteResult.Invalid(errors);

        CreditCode? code = string.IsNullOrWhiteSpace(input.CreditCode) ? null : CreditCode.Parse(input.CreditCode);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var investor = await InvestorDirectory.FindOrAddAsync(db, input.EnterpriseName, code, input.Tiers, input.Region, ct);
            // The project refers to its investor by id: a new investor is written first, in the same transaction.
            await db.SaveChangesAsync(ct);

            var project = Project.Create(await ProjectCodes.NextAsync(db, today.Year, ct), LeadForm.ProjectDetailsOf(input, investor.Id), investor.Tiers,
                scope.UnitId!.Value, scope.Actor, now, thresholds);
            db.Projects.Add(project);
            var form = LeadForm.File(input, project, investor.Id, scope.UnitId.Value, scope.Actor, now);
            db.LeadForms.Add(form);
            await db.SaveChangesAsync(ct);

            // Every unit that received this enterprise as a target sees that it became a lead (credit code, then name).
            var key = InvestorMatching.NormalizeName(input.EnterpriseName);
            var byCode = code is { } c ? await db.TargetEnterprises.Where(t => t.CreditCode == c.Value).Select(t => t.Id).ToListAsync(ct) : [];
            var targetIds = byCode.Count > 0 ? byCode
                : await db.TargetEnterprises.Where(t => t.NameKey == key && (code == null || t.CreditCode == null)).Select(t => t.Id).ToListAsync(ct);
            var pushes = await db.TargetPushes.Include(p => p.History).Where(p => targetIds.Contains(p.TargetId) && p.Status != TargetFollowUp.BecameLead).ToListAsync(ct);
            foreach (var push in pushes) push.MarkBecameLead(project.Id, scope.Actor, now);
            if (pushes.Count > 0) await db.SaveChangesAsync(ct);

            await transaction.CommitAsync(ct);
            logger.LogInformation("Lead form {FormId} filed by {User}: project {ProjectId}, investor {InvestorId}, {Pushes} target pushes marked",
                form.Id, scope.UserName, project.Id, investor.Id, pushes.Count);
            return WriteResult.Saved(form.Id);
        }
        catch (DomainRuleException ex)
        {
            return WriteResult.Invalid(string.Empty, ex.Violation);
        }
    }
}
