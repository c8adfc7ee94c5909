using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Projects;
using Microsoft.EntityFrameworkCore;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Projects;

/// <summary>Creates or edits a project from the form: validates every field, links or creates the investor, saves once.</summary>
public sealed class SaveProjectCommand(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, WorkGroupThresholds thresholds,
    Microsoft.Extensions.Options.IOptions<KashiInvest.Web.Shared.LimitsOptions> limits, ILogger<SaveProjectCommand> logger)
{
    public Task<WriteResult> ExecuteAsync(UserScope scope, ProjectForm form, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        // Two officials creating projects at the same moment may draw the same code; the unique index refuses
        // the second, and a fresh attempt draws the next code.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SafeWrite.InStrategyAsync(factory, () => TryExecuteAsync(scope, form, ct), ct);
            }
            catch (DbUpdateException ex) when (SafeWrite.IsUniqueViolation(ex) && attempt < 3)
            {
                logger.LogInformation(ex, "Save of project by {User} clashed with another write (attempt {Attempt}); retrying", scope.UserName, attempt);
            }
            catch (DbUpdateException ex) when (SafeWrite.IsUniqueViolation(ex))
            {
                logger.LogWarning(ex, "Save of project by {User} kept clashing with other writes", scope.UserName);
                return WriteResult.Conflict;
            }
        }
    });

    private async Task<WriteResult> TryExecuteAsync(UserScope scope, ProjectForm form, CancellationToken ct)
    {
        if (form.Id is null && !scope.CanCreateProjects) return WriteResult.NotAllowed;
        if (scope.HostIsFixed) form.HostUnitId = scope.UnitId;

        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BeijingTime.DateOf(now);

        var errors = new List<FieldViolation>();
        CreditCode? newCode = null;
        if (form.CreateInvestor)
        {
            if (string.IsNullOrWhiteSpace(form.NewInvestorName)) errors.Add(new(nameof(form.NewInvestorName), "Field.Required"));
            else TextRules.Add(errors, nameof(form.NewInvestorName), form.NewInvestorName, Investor.NameMaxLength);
            // The credit code is optional (a foreign investor may have none), but if given it must be right.
            if (!string.IsNullOrWhiteSpace(form.NewInvestorCreditCode))
            {
                if (CreditCode.TryParse(form.NewInvestorCreditCode, out var code, out var violation)) newCode = code;
                else errors.Add(new(nameof(form.NewInvestorCreditCode), violation!));
            }
        }
        else if (form.Investor is null)
        {
            errors.Add(new("InvestorId", "Field.Required"));
        }
        if (form.CreateInvestor)
        {
            Choices.Add(errors, nameof(form.NewInvestorRegion), (SourceRegionCode?)form.NewInvestorRegion);
            Choices.Add(errors, nameof(form.NewInvestorTiers), (InvestorTier?)form.NewInvestorTiers.Aggregate(InvestorTier.None, (a, t) => a | t));
        }
        // A code already on file under another name: say whose it is, and link only once the user agrees (or fixes
        // the code), so the name they typed is never dropped unasked.
        form.CreditCodeOwner = null;
        if (newCode is { } typed && !string.Equals(form.LinkByCreditCode?.Trim(), typed.Value, StringComparison.OrdinalIgnoreCase))
        {
            var owner = await db.Investors.AsNoTracking().Where(i => i.CreditCode == typed.Value).Select(i => i.Name).FirstOrDefaultAsync(ct);
            if (owner is not null && owner != form.NewInvestorName.Trim())
            {
                form.CreditCodeOwner = owner;
                errors.Add(new(nameof(form.NewInvestorCreditCode), "Investor.CreditCodeOnFile", owner));
            }
        }
        if (form.PlannedInvestmentWan is null) errors.Add(new(nameof(ProjectDetails.PlannedInvestmentWan), "Field.Required"));
        if (form.ExpectedJobs is null) errors.Add(new(nameof(ProjectDetails.ExpectedJobs), "Field.Required"));

        var details = ToDetails(form, investorId: form.CreateInvestor ? int.MaxValue : form.Investor?.Id ?? int.MaxValue);
        errors.AddRange(ProjectDetailsRules.Validate(details, today, limits.Value.Lists).Where(e => !errors.Any(x => x.Field == e.Field)));

        var units = await db.Units.AsNoTracking().Where(u => u.Id == details.HostUnitId).Select(u => u.Type).ToListAsync(ct);
        if (details.HostUnitId > 0 && units is not [UnitType.County or UnitType.DevelopmentZone])
            errors.Add(new(nameof(ProjectDetails.HostUnitId), "Project.HostMustAttract"));
        if (details.ChainId > 0 && !await db.Chains.AnyAsync(c => c.Id == details.ChainId, ct))
            errors.Add(new(nameof(ProjectDetails.ChainId), "Field.Required"));
        if (details.ChainLinkId is { } link && !await db.ChainLinks.AnyAsync(l => l.Id == link && l.ChainId == details.ChainId, ct))
            errors.Add(new(nameof(ProjectDetails.ChainLinkId), "Project.LinkNotInChain"));
        if (errors.Count > 0) return WriteResult.Invalid(errors);

        // One transaction: a new investor is never left behind by a project save that fails.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The same investor is never stored twice: match by credit code, then by exact name.
        Investor? investor;
        if (form.CreateInvestor)
        {
            var name = form.NewInvestorName.Trim();
            investor = newCode is { } c
                ? await db.Investors.FirstOrDefaultAsync(i => i.CreditCode == c.Value, ct)
                : await db.Investors.FirstOrDefaultAsync(i => i.Name == name, ct);
            if (investor is null)
            {
                investor = new Investor(name, newCode, form.NewInvestorTiers.Aggregate(InvestorTier.None, (a, t) => a | t), form.NewInvestorRegion);
                db.Investors.Add(investor);
            }
        }
        else
        {
            investor = await db.Investors.FirstOrDefaultAsync(i => i.Id == form.Investor!.Id, ct);
            if (investor is null) return WriteResult.Invalid("InvestorId", new RuleViolation("Field.Required"));
        }

        try
        {
            // The project refers to its investor by id: a new investor is written first, in the same transaction.
            if (investor.Id == 0) await db.SaveChangesAsync(ct);
            Project project;
            if (form.Id is { } id)
            {
                var found = await db.Projects.Include(p => p.Milestones).Where(ProjectAccess.VisibleTo(scope)).FirstOrDefaultAsync(p => p.Id == id, ct);
                if (found is null) return WriteResult.NotFound;
                if (!ProjectAccess.CanEdit(scope, found)) return WriteResult.NotAllowed;
                if (found.Version != form.Version) return WriteResult.Conflict;
                // The check above is fast; this makes the database refuse a write that races us between read and save.
                db.Entry(found).Property(p => p.Version).OriginalValue = form.Version;
                project = found;
                project.Update(details with { InvestorId = investor.Id }, thresholds, now, limits.Value.Lists);
                if (investor.IsTiered) project.SetCoordination(CoordinationLevel.Prefecture, now);
            }
            else
            {
                project = Project.Create(await ProjectCodes.NextAsync(db, today.Year, ct), details with { InvestorId = investor.Id }, investor.Tiers,
                    scope.Role is ActorRole.SubBureau or ActorRole.FrontCommand ? scope.UnitId!.Value : details.HostUnitId, scope.Actor, now, thresholds, limits: limits.Value.Lists);
                db.Projects.Add(project);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Project {ProjectId} saved by {User}", project.Id, scope.UserName);
            return WriteResult.Saved(project.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Conflict;
        }
        catch (DomainRuleException ex)
        {
            return WriteResult.Invalid(string.Empty, ex.Violation);
        }
    }

    private static ProjectDetails ToDetails(ProjectForm f, int investorId) => new(
        f.Name ?? string.Empty, f.Description, f.HostUnitId ?? 0, f.ChainId ?? 0, f.ChainLinkId, investorId,
        f.PlannedInvestmentWan ?? 1m, f.ExpectedJobs ?? 0, ProjectForm.ToDateOnly(f.PlannedStartOn), ProjectForm.ToDateOnly(f.PlannedCompletionOn),
        f.ResponsibleLeader, f.LeaderInCharge,
        f.Milestones.Select(m => new MilestoneInput(m.Id, m.Name ?? string.Empty, ProjectForm.ToDateOnly(m.PlannedOn), ProjectForm.ToDateOnly(m.ReachedOn))).ToList());
}
