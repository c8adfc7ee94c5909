using KashiInvest.Domain.Access;
using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Alerts;

/// <summary>What a user does to an alert: acknowledge it, with an optional note. Clearing is the engine's.</summary>
public sealed class AlertCommands(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, ILogger<AlertCommands> logger)
{
    public Task<WriteResult> AcknowledgeAsync(UserScope scope, int alertId, int version, string? note, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        if (TextRules.Check(note, Alert.NoteMaxLength, multiLine: true) is { } text)
            return WriteResult.Invalid(nameof(note), text);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var alert = await db.Alerts.Where(AlertAccess.VisibleTo(scope)).FirstOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null) return WriteResult.NotFound;
        if (!AlertAccess.CanAcknowledge(scope, alert)) return WriteResult.NotAllowed;
        if (alert.Version != version) return WriteResult.Conflict;
        alert.Acknowledge(scope.Actor, note, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return WriteResult.Saved(alert.Id);
    });
}
