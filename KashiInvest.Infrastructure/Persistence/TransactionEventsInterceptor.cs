using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KashiInvest.Infrastructure.Persistence;

/// <summary>
/// For writes inside a caller-managed transaction: publish the collected domain events when that transaction
/// commits, drop them when it rolls back.
/// </summary>
internal sealed class TransactionEventsInterceptor : DbTransactionInterceptor
{
    public static readonly TransactionEventsInterceptor Instance = new();

    private TransactionEventsInterceptor() { }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is KashiDbContext db) await db.PublishPendingAsync(cancellationToken);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is KashiDbContext db) db.PublishPendingAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is KashiDbContext db) db.DiscardPending();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is KashiDbContext db) db.DiscardPending();
    }
}
