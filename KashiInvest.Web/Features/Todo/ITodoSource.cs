using KashiInvest.Domain.Access;

namespace KashiInvest.Web.Features.Todo;

/// <summary>How soon a to-do item needs the user: drives its colour and its place in the list.</summary>
public enum TodoUrgency
{
    Normal,
    /// <summary>Due within a few days.</summary>
    Soon,
    /// <summary>Past its due date.</summary>
    Overdue,
}

/// <summary>
/// One thing the user's unit must do next (待办). <paramref name="Kind"/> is a stable code (e.g. <c>lead.triage</c>)
/// used for grouping and tests; <paramref name="Title"/> and <paramref name="Detail"/> are already localized.
/// </summary>
public sealed record TodoItem(
    string Kind,
    string Title,
    string? Detail,
    string Href,
    DateTime? DueUtc,
    TodoUrgency Urgency,
    int? ProjectId = null);

/// <summary>
/// A feature's contribution to the to-do list. Each feature registers its own source
/// (<c>services.AddSingleton&lt;ITodoSource, MySource&gt;()</c>); the to-do page asks every source for the items
/// waiting on the signed-in user's unit, reading under the user's scope.
/// </summary>
public interface ITodoSource
{
    Task<IReadOnlyList<TodoItem>> ReadAsync(UserScope scope, CancellationToken cancellationToken);
}
