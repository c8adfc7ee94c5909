using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KashiInvest.Domain.Audit;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KashiInvest.Infrastructure.Persistence;

/// <summary>
/// What happens around every save: changed aggregates get a new version (the concurrency token), every change to
/// audited data gets an audit row in the same transaction, and the domain events of the write are published only
/// after the transaction has committed — so no screen ever shows a write that was rolled back.
/// </summary>
internal sealed class UnitOfWork(KashiDbContext db, IDomainEventDispatcher dispatcher)
{
    // Chinese text stays readable in the audit table: no \uXXXX escapes.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private readonly List<IDomainEvent> _pending = [];

    public async Task<int> SaveAsync(bool acceptAll, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

        foreach (var entry in changed)
        {
            if (entry.Entity is AggregateRoot aggregate && entry.State == EntityState.Modified) aggregate.BumpVersion();
        }
        var events = db.ChangeTracker.Entries<AggregateRoot>().SelectMany(e => e.Entity.TakeDomainEvents()).ToList();

        var audited = changed.Where(e => e.Entity is IAudited).ToList();
        if (audited.Count > 0 && db.Actor is null)
            throw new InvalidOperationException("Official data was changed without an actor: set KashiDbContext.Actor before saving.");

        var nowUtc = db.Clock.GetUtcNow().UtcDateTime;
        // Before-images must be taken now: after the save the original values are gone.
        var pendingAudit = audited.Select(e =>
        {
            var changedOnly = ChangedOnly(e);
            return new PendingAudit(e, ToAction(e.State), changedOnly, e.State == EntityState.Added ? null : Snapshot(e, changedOnly, before: true));
        }).ToList();

        if (db.Database.CurrentTransaction is not null || pendingAudit.Count == 0)
        {
            await SaveWithAuditAsync(pendingAudit, nowUtc, acceptAll, () => { }, ct);
        }
        else
        {
            // Our own transaction runs inside the execution strategy, so that SQL Server's retries (EnableRetryOnFailure)
            // work with it. A failure before the changes were written is retried; once they were written (and accepted
            // by the context) a retry could not repeat them, so it gives up and the caller reports "not saved".
            var written = false;
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async cancellationToken =>
            {
                if (written) throw new InvalidOperationException("A unit of work failed after its changes were written; it is not retried (nothing was committed).");
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await SaveWithAuditAsync(pendingAudit, nowUtc, acceptAll, () => written = true, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }, ct);
        }
        _pending.AddRange(events);

        // Inside a caller's transaction, events wait for its commit (see TransactionEventsInterceptor).
        if (db.Database.CurrentTransaction is null) await PublishPendingAsync(ct);
        return changed.Count;
    }

    /// <summary>The changes, then their audit rows.</summary>
    private async Task SaveWithAuditAsync(List<PendingAudit> pendingAudit, DateTime nowUtc, bool acceptAll, Action written, CancellationToken ct)
    {
        await db.SaveChangesCoreAsync(acceptAll, ct);
        written();
        if (pendingAudit.Count == 0) return;
        foreach (var p in pendingAudit)
        {
            db.AuditEntries.Add(new AuditEntry(nowUtc, db.Actor!.UserName, db.Actor.UnitId, p.Entry.Metadata.ClrType.Name,
                KeyOf(p.Entry), p.Action, p.Before, p.Action == AuditAction.Deleted ? null : Snapshot(p.Entry, p.Changed, before: false)));
        }
        await db.SaveChangesCoreAsync(acceptAll, ct);
    }

    public async Task PublishPendingAsync(CancellationToken ct)
    {
        if (_pending.Count == 0) return;
        var events = _pending.ToArray();
        _pending.Clear();
        await dispatcher.DispatchAsync(events, ct);
    }

    public void DiscardPending() => _pending.Clear();

    private static AuditAction ToAction(EntityState state) => state switch
    {
        EntityState.Added => AuditAction.Added,
        EntityState.Deleted => AuditAction.Deleted,
        _ => AuditAction.Modified,
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    private static HashSet<string>? ChangedOnly(EntityEntry entry) =>
        entry.State == EntityState.Modified ? entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToHashSet() : null;

    /// <summary>JSON of the properties that matter: all of them for an added or deleted row, the changed ones (<paramref name="only"/>) for a modification.</summary>
    private static string Snapshot(EntityEntry entry, HashSet<string>? only, bool before)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (only is not null && !only.Contains(property.Metadata.Name)) continue;
            var value = before ? property.OriginalValue : property.CurrentValue;
            var masked = property.Metadata.PropertyInfo?.IsDefined(typeof(AuditMaskedAttribute), inherit: true) == true
                || property.Metadata.FindAnnotation(AuditMaskedAttribute.Annotation) is not null;
            values[property.Metadata.Name] = value switch
            {
                not null when masked => AuditMaskedAttribute.Mask,
                DateOnly d => d.ToString("yyyy-MM-dd"),
                Enum e => e.ToString(),
                _ => value,
            };
        }
        return JsonSerializer.Serialize(values, Json);
    }

    private sealed record PendingAudit(EntityEntry Entry, AuditAction Action, HashSet<string>? Changed, string? Before);
}
