using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Evaluations;

/// <summary>
/// Evaluation work waiting on the user's unit: the Bureau's tiered projects in negotiation that need an evaluation
/// meeting; a county's passed projects to sign (soon, then overdue by <see cref="AgreementDeadline"/>).
/// </summary>
public sealed class EvaluationTodoSource(EvaluationQuery query, UiText text, TimeProvider clock, LifecycleSettings settings) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> ReadAsync(UserScope scope, CancellationToken cancellationToken)
    {
        var items = new List<TodoItem>();
        if (scope.Role is ActorRole.Bureau or ActorRole.Administrator)
        {
            foreach (var p in await query.AwaitingEvaluationAsync(scope, cancellationToken))
                items.Add(new TodoItem("evaluation.convene", text["Todo.evaluation.convene", p.Name], p.Code, $"/evaluations/new?project={p.Id}", null, TodoUrgency.Normal, p.Id));
        }
        if (scope.Role is ActorRole.AttractingUnit or ActorRole.Administrator)
        {
            var today = BeijingTime.Today(clock);
            foreach (var p in await query.AwaitingSigningAsync(scope, cancellationToken))
            {
                if (scope.Role == ActorRole.AttractingUnit && p.HostUnitId != scope.UnitId) continue;
                var status = AgreementDeadline.Evaluate(p.PassedOn, null, today, settings);
                var urgency = status.IsOverdue ? TodoUrgency.Overdue : status.DaysLeft <= settings.SignAgreementSoonDays ? TodoUrgency.Soon : TodoUrgency.Normal;
                var detail = status.IsOverdue ? text["Evaluation.SignOverdue", status.OverdueDays] : text["Evaluation.SignDaysLeft", status.DaysLeft];
                items.Add(new TodoItem("evaluation.sign", text["Todo.evaluation.sign", p.Name], $"{p.Code} · {detail}", $"/projects/{p.Id}/signing",
                    BeijingTime.EndOfDayUtc(status.DueOn!.Value), urgency, p.Id));
            }
        }
        return items;
    }
}

/// <summary>A project's evaluation records (kind <c>evaluation</c>) and its signed agreement (kind <c>agreement</c>) for the documents panel.</summary>
public sealed class LifecycleDocumentSource(IDbContextFactory<KashiDbContext> factory, UiText text) : IProjectDocumentSource
{
    public async Task<IReadOnlyList<ProjectDocument>> ReadAsync(UserScope scope, int projectId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var project = await db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)).Where(p => p.Id == projectId)
            .Select(p => new { p.SignedOn, p.AgreementNumber, p.AgreementRecordedAtUtc, p.AgreementRecordedBy, p.PlannedInvestmentWan, p.ExpectedJobs, p.AgreementTermYears })
            .FirstOrDefaultAsync(cancellationToken);
        if (project is null) return [];
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.ProjectId == projectId)
            .Select(e => new { e.Id, e.HeldOn, e.Decision, e.Reasons, e.RecordedAtUtc, e.RecordedBy }).ToListAsync(cancellationToken);
        var docs = evaluations.Select(e => new ProjectDocument("evaluation",
            text["Doc.Evaluation", UiText.Date(e.HeldOn), text.Enum(e.Decision)], e.Reasons, e.RecordedAtUtc, e.RecordedBy, $"/evaluations/{e.Id}")).ToList();
        if (project.SignedOn is { } signed && project.AgreementRecordedAtUtc is { } at)
            docs.Add(new ProjectDocument("agreement", text["Doc.Agreement", UiText.Date(signed)],
                text["Doc.AgreementSummary", project.AgreementNumber ?? "—", text.Money(project.PlannedInvestmentWan), project.ExpectedJobs, project.AgreementTermYears ?? 0],
                at, project.AgreementRecordedBy, $"/projects/{projectId}/signing"));
        return docs;
    }
}
