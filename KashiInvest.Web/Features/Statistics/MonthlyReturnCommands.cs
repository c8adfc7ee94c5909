using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Statistics;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Statistics;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Statistics;

/// <summary>
/// A monthly return as one user may see it: the unit and the reviewers see the working figures, corrections and
/// history; leaders and the wall see an approved return's approved figures only (<see cref="WorkingVisible"/> false).
/// </summary>
public sealed record ReturnView(MonthlyReturn Return, bool WorkingVisible, bool CanCorrect, bool CanSubmit, bool CanReview, bool CanOpenRevision, DateTime DueAtUtc);

/// <summary>
/// The use cases of a unit's monthly return (Art. 26): compute or refresh it from the platform, correct a figure with
/// a reason, submit; the Bureau returns it with a comment or approves it; a revision after approval. Each runs
/// through <see cref="SafeWrite"/> on a short-lived context; a stale <c>version</c> is a conflict.
/// </summary>
public sealed class MonthlyReturnCommands(IDbContextFactory<KashiDbContext> factory, IOptions<StatisticsSettings> settings, TimeProvider clock,
    ILogger<MonthlyReturnCommands> logger)
{
    public StatisticsSettings Settings => settings.Value;

    /// <summary>The unit's return for the month as the user may see it; null when there is none or the user may not see it.</summary>
    public async Task<ReturnView?> ReadAsync(UserScope scope, int unitId, StatMonth month, CancellationToken ct = default)
    {
        if (!MonthlyReturnAccess.CanReadApproved(scope, unitId)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var r = await db.MonthlyReturns.AsNoTracking().AsSplitQuery().Include(x => x.Figures).Include(x => x.History)
            .FirstOrDefaultAsync(x => x.UnitId == unitId && x.MonthIndex == month.Index, ct);
        if (r is null) return null;
        var working = MonthlyReturnAccess.CanReadWorking(scope, unitId);
        if (!working && !r.HasApprovedFigures) return null;
        return new ReturnView(r, working,
            CanCorrect: r.CheckRefresh() is null && MonthlyReturnAccess.IsOwner(scope, unitId),
            CanSubmit: r.CheckSubmit(scope) is null,
            CanReview: r.CheckApprove(scope) is null,
            CanOpenRevision: r.Status == ReturnStatus.Approved && MonthlyReturnAccess.CanOpenRevision(scope, unitId),
            DueAtUtc: ReturnDeadlines.DueAtUtc(month, Settings));
    }

    /// <summary>Computes the unit's return for a closed month from the platform, or refreshes the one being worked on.</summary>
    public Task<WriteResult> ComputeAsync(UserScope scope, int unitId, StatMonth month, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        if (!MonthlyReturnAccess.CanCompute(scope, unitId)) return MonthlyReturnAccess.CanReadApproved(scope, unitId) ? WriteResult.NotAllowed : WriteResult.NotFound;
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < month.CloseUtc) return WriteResult.Invalid(string.Empty, new RuleViolation("Return.MonthNotClosed", month.ToString()));
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        if (!await db.Units.AnyAsync(u => u.Id == unitId && (u.Type == Domain.Units.UnitType.County || u.Type == Domain.Units.UnitType.DevelopmentZone), ct))
            return WriteResult.NotFound;
        var figures = await MonthlyReturnData.ComputeAsync(db, unitId, month, Settings, ct);
        var r = await db.MonthlyReturns.Include(x => x.Figures).FirstOrDefaultAsync(x => x.UnitId == unitId && x.MonthIndex == month.Index, ct);
        try
        {
            if (r is null)
            {
                r = MonthlyReturn.Create(unitId, month, figures, scope.Actor, now);
                db.MonthlyReturns.Add(r);
            }
            else
            {
                r.Refresh(figures, scope.Actor, now);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (SafeWrite.IsUniqueViolation(ex))
        {
            return WriteResult.Conflict; // someone computed the same return a moment ago
        }
        logger.LogInformation("Monthly return {Month} of unit {Unit} computed by {User}", month, unitId, scope.UserName);
        return WriteResult.Saved(r.Id);
    });

    public Task<WriteResult> CorrectAsync(UserScope scope, int returnId, int version, FigureKey figure, decimal value, string? reason, CancellationToken ct = default) =>
        SafeWrite.RunAsync(logger, async () =>
        {
            // A figure by chain may be added for a chain the return does not list yet, but only for a chain that exists.
            if (figure.ChainId is { } chainId)
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                if (!await db.Chains.AnyAsync(c => c.Id == chainId, ct)) return WriteResult.Invalid("Value", new RuleViolation("Return.UnknownFigure", figure.ToString()));
            }
            return await ChangeAsync(scope, returnId, version, (r, now) =>
            {
                if (r.CheckCorrect(scope, figure, value, reason) is { } violation)
                    return WriteResult.Invalid(violation.Code is TextRules.TooLong or TextRules.ControlCharacters or "Return.CorrectionReasonRequired" ? "Reason" : "Value", violation);
                r.Correct(scope, figure, value, reason!, now);
                return null;
            }, ct);
        });

    public Task<WriteResult> SubmitAsync(UserScope scope, int returnId, int version, CancellationToken ct = default) =>
        ChangeAsync(scope, returnId, version, (r, now) =>
        {
            r.Submit(scope, now, ReturnDeadlines.DueAtUtc(r.Month, Settings));
            return null;
        }, ct);

    public Task<WriteResult> ReturnAsync(UserScope scope, int returnId, int version, string? comment, CancellationToken ct = default) =>
        ChangeAsync(scope, returnId, version, (r, now) =>
        {
            if (r.CheckReturn(scope, comment) is { } violation) return WriteResult.Invalid("Comment", violation);
            r.ReturnToUnit(scope, comment!, now);
            return null;
        }, ct);

    public Task<WriteResult> ApproveAsync(UserScope scope, int returnId, int version, CancellationToken ct = default) =>
        ChangeAsync(scope, returnId, version, (r, now) =>
        {
            r.Approve(scope, now);
            return null;
        }, ct);

    public Task<WriteResult> OpenRevisionAsync(UserScope scope, int returnId, int version, string? reason, CancellationToken ct = default) =>
        ChangeAsync(scope, returnId, version, (r, now) =>
        {
            if (r.CheckOpenRevision(scope, reason) is { } violation) return WriteResult.Invalid("Reason", violation);
            r.OpenRevision(scope, reason!, now);
            return null;
        }, ct);

    /// <summary>
    /// Loads the return under the user's scope (another unit's return answers like a missing one), refuses a stale
    /// version, applies the change and saves it with its audit rows; the change returns a result only to refuse.
    /// </summary>
    private Task<WriteResult> ChangeAsync(UserScope scope, int returnId, int version, Func<MonthlyReturn, DateTime, WriteResult?> change, CancellationToken ct) =>
        SafeWrite.RunAsync(logger, async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = scope.Actor;
            var r = await db.MonthlyReturns.Include(x => x.Figures).FirstOrDefaultAsync(x => x.Id == returnId, ct);
            if (r is null || !MonthlyReturnAccess.CanReadWorking(scope, r.UnitId)) return WriteResult.NotFound;
            if (r.Version != version) return WriteResult.Conflict;
            db.Entry(r).Property(x => x.Version).OriginalValue = version;
            if (change(r, clock.GetUtcNow().UtcDateTime) is { } refused) return refused;
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Monthly return {Id} ({Month}, unit {Unit}): {Action} by {User}", r.Id, r.Month, r.UnitId, r.History[^1].Action, scope.UserName);
            return WriteResult.Saved(r.Id);
        });
}
