using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Meetings;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>The agenda before the meeting (only while planned): re-propose, add, remove, reorder, annotate.</summary>
public sealed partial class MeetingCommands
{
    /// <summary>Re-proposes the agenda from the current data, keeping the Bureau's order, additions and notes.</summary>
    public Task<WriteResult> RefreshAgendaAsync(UserScope scope, int meetingId, int version, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, async (m, db, now) => m.RefreshAgenda(await agenda.ProposeAsync(db, m, ct), now), ct);

    /// <summary>
    /// Adds an item by hand: a project (<see cref="AgendaItemKind"/> of the reason, e.g. KeyProjectReport), a ledger
    /// problem (EscalatedProblem), or a custom item with a title.
    /// </summary>
    public Task<WriteResult> AddItemAsync(UserScope scope, int meetingId, int version, AgendaItemKind kind, int? projectId, int? problemId, string? title, string? note,
        CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, async (m, db, now) =>
        {
            if (!Choices.IsKnown(kind)) throw new DomainRuleException(Choices.Unknown);
            if (problemId is { } q)
            {
                var pid = await db.Problems.Where(x => x.Id == q).Where(x => db.Projects.Where(ProjectAccess.VisibleTo(scope)).Any(p => p.Id == x.ProjectId))
                    .Select(x => (int?)x.ProjectId).FirstOrDefaultAsync(ct) ?? throw new DomainRuleException("Meeting.ItemSubjectRequired");
                projectId = pid;
            }
            else if (projectId is { } p && !await db.Projects.Where(ProjectAccess.VisibleTo(scope)).AnyAsync(x => x.Id == p, ct))
                throw new DomainRuleException("Meeting.ItemSubjectRequired");
            m.AddItem(kind, projectId, problemId, null, title, note, now, limits: Lists);
        }, ct);

    public Task<WriteResult> RemoveItemAsync(UserScope scope, int meetingId, int version, int itemId, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.RemoveItem(itemId, now); return Task.CompletedTask; }, ct);

    /// <summary>Moves an item up (<paramref name="by"/> &lt; 0) or down.</summary>
    public Task<WriteResult> MoveItemAsync(UserScope scope, int meetingId, int version, int itemId, int by, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.MoveItem(itemId, by, now); return Task.CompletedTask; }, ct);

    /// <summary>Sets the whole order (every item id once, e.g. after a drag and drop).</summary>
    public Task<WriteResult> SetOrderAsync(UserScope scope, int meetingId, int version, IReadOnlyList<int> itemIds, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.SetOrder(itemIds, now); return Task.CompletedTask; }, ct);

    /// <summary>The Bureau's note on an item (and the title of a custom item).</summary>
    public Task<WriteResult> AnnotateAsync(UserScope scope, int meetingId, int version, int itemId, string? note, string? title, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.Annotate(itemId, note, title, now); return Task.CompletedTask; }, ct);
}
