using KashiInvest.Domain.Access;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Statistics;
using KashiInvest.Infrastructure.Bulletins;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Bulletins;

/// <summary>A bulletin as one user may see it, with what the user may do to it now.</summary>
public sealed record BulletinView(Bulletin Bulletin, bool CanEdit, bool CanReview, bool CanPublish);

/// <summary>One row of the archive.</summary>
public sealed record BulletinRow(int Id, string Number, string Title, StatQuarter Quarter, BulletinStatus Status, DateOnly? PublishedOn);

/// <summary>The narrative the Bureau edits.</summary>
public sealed record BulletinNarrative(string? Title, string? Overview, string? Highlights, string? Problems, string? NextSteps);

/// <summary>
/// The use cases of the quarterly bulletin (季度通报, Art. 26): the archive; the Bureau drafts the latest closed
/// quarter's bulletin (its figures taken from the approved returns), edits the narrative, retakes the figures while it
/// is a draft and submits it; a leader approves it or returns it with a comment; the Bureau publishes it, and each unit it names for supervision gets an action item in the same save. Each write runs through
/// <see cref="SafeWrite"/> on a short-lived context; a stale <c>version</c> is a conflict.
/// </summary>
public sealed class BulletinCommands(IDbContextFactory<KashiDbContext> factory, BulletinSnapshotQuery snapshots, TimeProvider clock,
    ILogger<BulletinCommands> logger)
{
    public const int ArchiveLimit = 200;

    public BulletinSettings Settings => snapshots.Settings;

    /// <summary>The quarter a new bulletin would be drafted for now.</summary>
    public StatQuarter LatestClosed => StatQuarter.LatestClosed(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The archive: published bulletins for everyone signed in, drafts too for the Bureau and leaders; filtered by the
    /// quarter's year and by text in the number, title or narrative. Newest quarter first.
    /// </summary>
    public async Task<IReadOnlyList<BulletinRow>> ListAsync(UserScope scope, int? year, string? text, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Bulletins.AsNoTracking();
        if (!BulletinAccess.CanReadDrafts(scope)) query = query.Where(b => b.Status == BulletinStatus.Published);
        if (year is { } y && y is >= 2000 and <= 2100) query = query.Where(b => b.QuarterIndex >= y * 4 && b.QuarterIndex < y * 4 + 4);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            if (t.Length > 100) t = t[..100];
            query = query.Where(b => b.Number.Contains(t) || b.Title.Contains(t) || (b.Overview != null && b.Overview.Contains(t))
                || (b.Highlights != null && b.Highlights.Contains(t)) || (b.Problems != null && b.Problems.Contains(t)) || (b.NextSteps != null && b.NextSteps.Contains(t)));
        }
        var rows = await query.OrderByDescending(b => b.QuarterIndex).Take(ArchiveLimit)
            .Select(b => new { b.Id, b.Number, b.Title, b.QuarterIndex, b.Status, b.PublishedAtUtc }).ToListAsync(ct);
        return rows.Select(b => new BulletinRow(b.Id, b.Number, b.Title, StatQuarter.FromIndex(b.QuarterIndex), b.Status,
            b.PublishedAtUtc is { } p ? BeijingTime.DateOf(p) : null)).ToList();
    }

    /// <summary>The id of the latest closed quarter's bulletin, if it has one.</summary>
    public async Task<int?> LatestClosedIdAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var index = LatestClosed.Index;
        return await db.Bulletins.Where(b => b.QuarterIndex == index).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The bulletin as the user may see it; null when there is none or it is a draft the user may not read.</summary>
    public async Task<BulletinView?> ReadAsync(UserScope scope, int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var b = await db.Bulletins.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null || !BulletinAccess.CanRead(scope, b.Status)) return null;
        return new BulletinView(b, b.CheckEdit(scope) is null, b.CheckReview(scope) is null, b.CheckPublish(scope) is null);
    }

    /// <summary>The Bureau drafts the bulletin of the latest closed quarter (one per quarter).</summary>
    public Task<WriteResult> DraftAsync(UserScope scope, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var quarter = StatQuarter.LatestClosed(now);
        if (Bulletin.CheckDraft(scope, quarter, now) is { } violation)
            return BulletinAccess.CanReadDrafts(scope) ? WriteResult.Invalid(string.Empty, violation) : WriteResult.NotAllowed;
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        if (await db.Bulletins.AnyAsync(b => b.QuarterIndex == quarter.Index, ct)) return WriteResult.Invalid(string.Empty, new RuleViolation("Bulletin.QuarterHasOne", quarter.ToString()));
        var snapshot = await snapshots.BuildAsync(db, quarter, ct);
        var sequence = await BulletinNumbers.NextSequenceAsync(db, BeijingTime.DateOf(now).Year, ct);
        var b = Bulletin.Draft(scope, quarter, sequence, Settings, snapshot, DefaultTitle(quarter), now);
        db.Bulletins.Add(b);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (SafeWrite.IsUniqueViolation(ex))
        {
            return WriteResult.Conflict; // someone drafted this quarter (or took this number) a moment ago
        }
        logger.LogInformation("Bulletin {Number} for {Quarter} drafted by {User}", b.Number, quarter, scope.UserName);
        return WriteResult.Saved(b.Id);
    });

    /// <summary>The default title: 关于{year}年第{n}季度全地区招商引资工作情况的通报 (an official document's title is Chinese whatever the user's language).</summary>
    public static string DefaultTitle(StatQuarter q) => $"关于{q.Year}年第{"一二三四"[q.Quarter - 1]}季度全地区招商引资工作情况的通报";

    public Task<WriteResult> EditAsync(UserScope scope, int id, int version, BulletinNarrative n, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, (b, now) =>
        {
            if (b.CheckEdit(scope) is { } state) return WriteResult.Invalid(string.Empty, state);
            var errors = Bulletin.ValidateNarrative(n.Title, n.Overview, n.Highlights, n.Problems, n.NextSteps);
            if (errors.Count > 0) return WriteResult.Invalid(errors);
            b.EditNarrative(scope, n.Title!, n.Overview, n.Highlights, n.Problems, n.NextSteps, now);
            return null;
        }, ct);

    /// <summary>The Bureau retakes the figures of a draft (a return was approved or revised since).</summary>
    public Task<WriteResult> RefreshAsync(UserScope scope, int id, int version, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, async (db, b, now) =>
        {
            if (b.CheckEdit(scope) is { } state) return WriteResult.Invalid(string.Empty, state);
            b.RefreshSnapshot(scope, await snapshots.BuildAsync(db, b.Quarter, ct), now);
            return null;
        }, ct);

    public Task<WriteResult> SubmitAsync(UserScope scope, int id, int version, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, (b, now) => { b.Submit(scope, now); return null; }, ct);

    public Task<WriteResult> ApproveAsync(UserScope scope, int id, int version, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, (b, now) => { b.Approve(scope, now); return null; }, ct);

    public Task<WriteResult> ReturnAsync(UserScope scope, int id, int version, string? comment, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, (b, now) =>
        {
            if (b.CheckReturn(scope, comment) is { } violation) return WriteResult.Invalid(violation.Code.StartsWith("Bulletin.", StringComparison.Ordinal) && violation.Code != "Bulletin.CommentRequired" ? string.Empty : "Comment", violation);
            b.ReturnToDraft(scope, comment!, now);
            return null;
        }, ct);

    /// <summary>
    /// The Bureau publishes the approved bulletin: read-only from now on, visible to every unit. In the same save each
    /// unit on its supervision list gets an action item ("explain and rectify by …", due
    /// <see cref="BulletinSettings.RectifyWithinDays"/> after publication) in its to-do, which the next prefecture
    /// meeting's agenda takes up as an open action item once it is due.
    /// </summary>
    public Task<WriteResult> PublishAsync(UserScope scope, int id, int version, CancellationToken ct = default) =>
        ChangeAsync(scope, id, version, async (db, b, now) =>
        {
            b.Publish(scope, now);
            var bureauId = await db.Units.BureauIdAsync(ct);
            foreach (var task in BulletinFollowUp.TasksOf(b, Settings))
                db.ActionItems.Add(ActionItem.FromBulletin(b.Id, bureauId, task.UnitId, task.Text, task.DueOn, scope.Actor, now));
            return null;
        }, ct);

    private Task<WriteResult> ChangeAsync(UserScope scope, int id, int version, Func<Bulletin, DateTime, WriteResult?> change, CancellationToken ct) =>
        ChangeAsync(scope, id, version, (_, b, now) => Task.FromResult(change(b, now)), ct);

    /// <summary>
    /// Loads the bulletin under the user's access (a draft the user may not read answers like a missing one), refuses a
    /// stale version, applies the change and saves it with its audit rows; the change returns a result only to refuse.
    /// </summary>
    private Task<WriteResult> ChangeAsync(UserScope scope, int id, int version, Func<KashiDbContext, Bulletin, DateTime, Task<WriteResult?>> change, CancellationToken ct) =>
        SafeWrite.RunAsync(logger, async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = scope.Actor;
            var b = await db.Bulletins.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (b is null || !BulletinAccess.CanRead(scope, b.Status)) return WriteResult.NotFound;
            if (b.Version != version) return WriteResult.Conflict;
            db.Entry(b).Property(x => x.Version).OriginalValue = version;
            if (await change(db, b, clock.GetUtcNow().UtcDateTime) is { } refused) return refused;
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Bulletin {Id} ({Number}) is {Status}, by {User}", b.Id, b.Number, b.Status, scope.UserName);
            return WriteResult.Saved(b.Id);
        });
}
