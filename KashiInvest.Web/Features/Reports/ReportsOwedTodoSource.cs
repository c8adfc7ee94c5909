using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Reports;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Shared;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Reports;

/// <summary>
/// Fortnightly reports the user's unit owes (Art. 22): a chain-lead unit's key projects whose half-month report is
/// due or overdue, from the report inbox (<see cref="ReportInboxQuery"/>, <see cref="FortnightlyObligations"/>).
/// Other roles may file reports but do not owe them.
/// </summary>
public sealed class ReportsOwedTodoSource(ReportInboxQuery inbox, UiText text, TimeProvider clock, IOptions<HealthSettings> settings) : ITodoSource
{
    public const string Kind = "report.fortnightly";

    public async Task<IReadOnlyList<TodoItem>> ReadAsync(UserScope scope, CancellationToken cancellationToken)
    {
        if (scope.Role != ActorRole.ChainLead) return [];
        var rows = await inbox.LoadAsync(scope, ct: cancellationToken);
        var today = BeijingTime.Today(clock);
        var deadlineDays = settings.Value.ReportDeadlineDays;
        return rows.Where(r => r.IsOutstanding && r.CanFile && scope.ChainIds.Contains(r.Project.ChainId))
            .Select(r => new TodoItem(
                Kind,
                text["Todo.Report.Title", r.Project.Name, text.Period(r.Period)],
                r.State == ObligationState.Overdue
                    ? text["Todo.OverdueDays", r.DaysOverdue, UiText.Date(r.DueOn)]
                    : text["Todo.DueOn", UiText.Date(r.DueOn)],
                $"/reports/{r.Project.Id}/{r.Period.Index}/fortnightly?return=/todo",
                r.Period.DueAtUtc(deadlineDays),
                r.State == ObligationState.Overdue ? TodoUrgency.Overdue : TodoSchedule.UrgencyOf(r.DueOn, today),
                r.Project.Id))
            .ToList();
    }
}
