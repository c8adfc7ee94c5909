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

/// <summary>The record of a running meeting: discussion summaries and decisions.</summary>
public sealed partial class MeetingCommands
{
    /// <summary>Records the discussion summary of an item (replaces the previous text).</summary>
    public Task<WriteResult> RecordDiscussionAsync(UserScope scope, int meetingId, int itemId, string? text, int? version = null, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.RecordDiscussion(itemId, text, scope.Actor, now); return Task.CompletedTask; }, ct);

    /// <summary>Records a decision (optionally on an item). Id = the new decision's id.</summary>
    public Task<WriteResult> RecordDecisionAsync(UserScope scope, int meetingId, int? agendaItemId, string text, int? version = null, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        if (string.IsNullOrWhiteSpace(text)) return WriteResult.Invalid("Text", new RuleViolation("Meeting.DecisionTextRequired"));
        MeetingDecision? decision = null;
        var result = await ActAsync(scope, meetingId, version, (m, _, now) => { decision = m.RecordDecision(agendaItemId, text, scope.Actor, now, Lists); return Task.CompletedTask; }, ct);
        return result.Status == WriteStatus.Saved && decision is not null ? WriteResult.Saved(decision.Id) : result;
    });

    /// <summary>Withdraws a decision recorded by mistake (meeting still running).</summary>
    public Task<WriteResult> RemoveDecisionAsync(UserScope scope, int meetingId, int decisionId, int? version = null, CancellationToken ct = default) =>
        ActAsync(scope, meetingId, version, (m, _, now) => { m.RemoveDecision(decisionId, now); return Task.CompletedTask; }, ct);
}
