using KashiInvest.Domain.Alerts;
using KashiInvest.Infrastructure.Persistence;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>
/// One alert check: finds the conditions of its <see cref="Kinds"/> that hold now. The engine raises what is new,
/// refreshes what continues and clears what ended, for these kinds only. Adding a condition is one class that
/// implements this plus one line: <c>services.AddSingleton&lt;IAlertCheck, MyCheck&gt;();</c>.
/// </summary>
public interface IAlertCheck
{
    /// <summary>The kinds this check decides; no two checks may share a kind.</summary>
    IReadOnlyList<AlertKind> Kinds { get; }

    /// <summary>
    /// The conditions holding now. <paramref name="projectIds"/> null means a full scan; otherwise only those
    /// projects are re-checked (after an event), and alerts about units or other projects are left as they are.
    /// Read with <c>AsNoTracking</c>; the engine writes.
    /// </summary>
    Task<IReadOnlyList<AlertCondition>> FindAsync(KashiDbContext db, IReadOnlyCollection<int>? projectIds, DateTime nowUtc, CancellationToken cancellationToken);
}
