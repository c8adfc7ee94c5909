using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Targets;

/// <summary>A target entry as the Bureau's dialog binds it.</summary>
public sealed class TargetFormModel
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? CreditCode { get; set; }
    public int? ChainId { get; set; }
    public int? ChainLinkId { get; set; }
    public SourceRegionCode Region { get; set; } = SourceRegionCode.PearlRiverDelta;
    public IReadOnlyCollection<InvestorTier> Tiers { get; set; } = [];
    public string? Notes { get; set; }

    public TargetInput ToInput() => new(Name ?? string.Empty, CreditCode, ChainId ?? 0, ChainLinkId, Region,
        Tiers.Aggregate(InvestorTier.None, (a, t) => a | t), Notes);
}

/// <summary>The result of a push: how many units newly received the target (units that already had it are skipped).</summary>
public sealed record PushResult(WriteResult Result, int Pushed);

/// <summary>Writes of the target-enterprise library (Art. 16): the Bureau keeps and pushes, receiving units follow up.</summary>
public sealed class TargetCommands(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, ILogger<TargetCommands> logger)
{
    public Task<WriteResult> SaveAsync(UserScope scope, TargetFormModel model, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        if (!TargetAccess.CanManageTargets(scope)) return WriteResult.NotAllowed;
        var input = model.ToInput();
        var errors = TargetEnterprise.Validate(input).ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        if (input.ChainLinkId is { } link && !await db.ChainLinks.AnyAsync(l => l.Id == link && l.ChainId == input.ChainId, ct))
            errors.Add(new(nameof(input.ChainLinkId), "Project.LinkNotInChain"));
        // A chain that does not exist is bad input: without this check the foreign key fails on save ("could not save").
        if (input.ChainId > 0 && !await db.Chains.AnyAsync(c => c.Id == input.ChainId, ct))
            errors.Add(new(nameof(input.ChainId), "Field.Required"));
        Choices.Add(errors, nameof(input.Region), (SourceRegionCode?)input.Region);
        if (errors.Count > 0) return WriteResult.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        TargetEnterprise target;
        if (model.Id is { } id)
        {
            var found = await db.TargetEnterprises.FirstOrDefaultAsync(t => t.Id == id, ct);
            if (found is null) return WriteResult.NotFound;
            if (found.Version != model.Version) return WriteResult.Conflict;
            db.Entry(found).Property(t => t.Version).OriginalValue = model.Version;
            target = found;
            target.Update(input, now);
        }
        else
        {
            target = TargetEnterprise.Create(input, scope.Actor, now);
            db.TargetEnterprises.Add(target);
        }
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(target.Id);
    });

    /// <summary>
    /// Pushes a target: by chain to the chosen attracting units and the chain's lead unit, and/or by region to the
    /// region's sub-bureaus and front command. A unit receives a target once.
    /// </summary>
    public async Task<PushResult> PushAsync(UserScope scope, int targetId, bool byChain, IReadOnlyCollection<int> attractingUnitIds, bool byRegion, CancellationToken ct = default)
    {
        var pushed = 0;
        var result = await SafeWrite.RunAsync(logger, async () =>
        {
            if (!TargetAccess.CanManageTargets(scope)) return WriteResult.NotAllowed;
            if (!byChain && !byRegion) return WriteResult.Invalid("Recipients", new RuleViolation("Target.NoRecipients"));
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = scope.Actor;
            var target = await db.TargetEnterprises.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId, ct);
            if (target is null) return WriteResult.NotFound;
            var units = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Type, u.Region }).ToListAsync(ct))
                .Select(u => new PushUnit(u.Id, u.Type, u.Region)).ToList();
            var leadUnit = await db.Chains.Where(c => c.Id == target.ChainId).Select(c => c.LeadUnitId).FirstAsync(ct);
            var recipients = new List<(int Unit, PushReason Reason)>();
            try
            {
                if (byChain) recipients.AddRange(PushRecipients.ByChain(leadUnit, attractingUnitIds, units).Select(u => (u, PushReason.Chain)));
            }
            catch (DomainRuleException ex)
            {
                return WriteResult.Invalid("Recipients", ex.Violation);
            }
            if (byRegion) recipients.AddRange(PushRecipients.ByRegion(target.Region, units).Select(u => (u, PushReason.Region)));
            var already = await db.TargetPushes.Where(p => p.TargetId == targetId).Select(p => p.UnitId).ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var fresh = recipients.Where(r => !already.Contains(r.Unit)).DistinctBy(r => r.Unit).ToList();
            foreach (var (unit, reason) in fresh) db.TargetPushes.Add(new TargetPush(targetId, unit, target.ChainId, reason, scope.Actor, now));
            try
            {
                if (fresh.Count > 0) await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (SafeWrite.IsUniqueViolation(ex))
            {
                logger.LogInformation(ex, "Pushing target {TargetId} raced another push", targetId);
                return WriteResult.Conflict;
            }
            logger.LogInformation("Target {TargetId} pushed by {User} to {Count} units", targetId, scope.UserName, fresh.Count);
            pushed = fresh.Count;
            return WriteResult.Saved(targetId);
        });
        return new(result, result.Status == WriteStatus.Saved ? pushed : 0);
    }

    /// <summary>The receiving unit records a contact or a visit with a note and a date; stale versions are refused.</summary>
    public Task<WriteResult> RecordAsync(UserScope scope, int pushId, int version, TargetFollowUp status, string? note, DateOnly? on, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var push = await db.TargetPushes.Include(p => p.History).FirstOrDefaultAsync(p => p.Id == pushId, ct);
        if (push is null || (!TargetAccess.CanFollowUp(scope, push.UnitId) && !TargetAccess.SeesAllTargets(scope))) return WriteResult.NotFound;
        if (!TargetAccess.CanFollowUp(scope, push.UnitId)) return WriteResult.NotAllowed;
        if (on is null) return WriteResult.Invalid("On", new RuleViolation("Field.Required"));
        if (push.Version != version) return WriteResult.Conflict;
        db.Entry(push).Property(p => p.Version).OriginalValue = version;
        var now = clock.GetUtcNow().UtcDateTime;
        if (push.CheckRecord(status, note, on.Value, BeijingTime.DateOf(now)) is { } violation)
            return WriteResult.Invalid(violation.Code == "Date.InFuture" ? "On" : violation.Code is "Target.NoteRequired" or TextRules.TooLong or TextRules.ControlCharacters ? "Note" : "Status", violation);
        push.Record(status, note, on.Value, scope.Actor, now);
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(push.Id);
    });
}
