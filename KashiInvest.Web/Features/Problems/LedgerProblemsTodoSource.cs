using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Problems;

/// <summary>
/// Open problem-ledger entries owned by the user's unit (Art. 27–28), from <see cref="LedgerQuery"/>: past their
/// due date they are overdue, within <see cref="TodoSchedule.SoonDays"/> days soon.
/// </summary>
public sealed class LedgerProblemsTodoSource(LedgerQuery ledger, UiText text, TimeProvider clock) : ITodoSource
{
    public const string Kind = "problem.open";

    public async Task<IReadOnlyList<TodoItem>> ReadAsync(UserScope scope, CancellationToken cancellationToken)
    {
        if (scope.UnitId is not { } unitId || scope.Role == ActorRole.Display) return [];
        var cards = await ledger.LoadAsync(scope, new LedgerFilter(), ct: cancellationToken);
        var today = BeijingTime.Today(clock);
        return cards.Where(c => c.IsOpen && c.OwnerUnitId == unitId)
            .Select(c => new TodoItem(
                Kind,
                text["Todo.Problem.Title", c.ProjectName, text.Enum(c.Category)],
                c.DaysOverdue > 0 ? $"{text["Todo.OverdueDays", c.DaysOverdue, UiText.Date(c.DueOn)]} · {c.Description}" : $"{text["Todo.DueOn", UiText.Date(c.DueOn)]} · {c.Description}",
                $"/ledger?project={c.ProjectId}",
                BeijingTime.EndOfDayUtc(c.DueOn),
                c.DaysOverdue > 0 ? TodoUrgency.Overdue : TodoSchedule.UrgencyOf(c.DueOn, today),
                c.ProjectId))
            .ToList();
    }
}
