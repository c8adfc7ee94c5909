using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Reports;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Reports;

/// <summary>
/// A progress report as submitted from the form. <see cref="ExpectedRevision"/> is the revision the user saw
/// (0 for a first report): if someone filed or amended meanwhile, the submission is refused as a conflict instead
/// of silently making a second report or overwriting theirs.
/// </summary>
public sealed record SubmitReport(
    int ProjectId,
    int PeriodIndex,
    ReportKind Kind,
    int ExpectedRevision,
    ReportInput Input,
    IReadOnlyList<NewProblem> Problems);

/// <summary>
/// Files a fortnightly report or a progress update (Art. 22) with the problems it raises, in one transaction:
/// the report (a new revision when amending), the project's cumulative funds and milestones, and the new ledger
/// entries. Their change notices go out after the commit.
/// </summary>
public sealed class SubmitReportCommand(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, IOptions<HealthSettings> settings,
    IOptions<KashiInvest.Web.Shared.LimitsOptions> limits, ILogger<SubmitReportCommand> logger)
{
    public Task<WriteResult> ExecuteAsync(UserScope scope, SubmitReport command, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BeijingTime.DateOf(now);
        var errors = Validate(command, today, limits.Value.Lists);
        if (errors.Count > 0) return WriteResult.Invalid(errors);

        // A concurrent write to the same project (another unit's problem, an edit) can bump its version between
        // our read and our save; that is not a conflict with this report, so it is retried on fresh data.
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = scope.Actor;
            var project = await db.Projects.Include(p => p.Milestones).Where(ProjectAccess.VisibleTo(scope))
                .FirstOrDefaultAsync(p => p.Id == command.ProjectId, ct);
            if (project is null) return WriteResult.NotFound;
            if (!ReportAccess.CanFile(scope, project.Key, command.Kind)) return WriteResult.NotAllowed;
            if (command.Problems.Count > 0 && !ProblemAccess.CanRaise(scope, project.Key)) return WriteResult.NotAllowed;
            // An owner unit that does not exist is bad input, not a lost race: without this check the foreign key
            // fails on save and the user is told someone else filed meanwhile.
            if (await UnknownOwnersAsync(db, command.Problems, ct) is { Count: > 0 } unknownOwners) return WriteResult.Invalid(unknownOwners);

            var current = await db.ProgressReports
                .FirstOrDefaultAsync(r => r.ProjectId == project.Id && r.PeriodIndex == command.PeriodIndex && r.Kind == command.Kind && r.IsCurrent, ct);
            if ((current?.Revision ?? 0) != command.ExpectedRevision) return WriteResult.Conflict;

            ProgressReport report;
            try
            {
                report = ProgressReporting.Submit(project, HalfMonthPeriod.FromIndex(command.PeriodIndex), command.Kind, current,
                    command.Input, scope.Actor, now, settings.Value.ReportDeadlineDays);
            }
            catch (DomainRuleException ex)
            {
                return WriteResult.Invalid(FieldOf(ex.Violation.Code), ex.Violation);
            }
            db.ProgressReports.Add(report);
            foreach (var p in command.Problems)
            {
                db.Problems.Add(new Problem(project.Id, p.Category, p.Factor, p.Description, p.Severity, p.OwnerUnitId!.Value, p.DueOn!.Value, scope.Actor, now));
            }

            try
            {
                // One SaveChanges is one transaction: report, project, milestones, problems and audit rows together.
                await db.SaveChangesAsync(ct);
                return WriteResult.Saved(report.Id);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 2)
            {
            }
            catch (DbUpdateConcurrencyException)
            {
                return WriteResult.Conflict;
            }
            catch (DbUpdateException ex) when (SafeWrite.IsUniqueViolation(ex))
            {
                // The unique (project, period, kind, revision) key: someone filed the same revision a moment ago.
                // (Any other database failure is "could not save, try again", see SafeWrite.)
                return WriteResult.Conflict;
            }
        }
    });

    private static List<FieldViolation> Validate(SubmitReport c, DateOnly today, ListLimits lists)
    {
        var errors = new List<FieldViolation>();
        var input = c.Input;
        if (string.IsNullOrWhiteSpace(input.Narrative)) errors.Add(new(nameof(ReportInput.Narrative), "Report.NarrativeRequired"));
        else TextRules.Add(errors, nameof(ReportInput.Narrative), input.Narrative, ProgressReport.TextMaxLength, multiLine: true);
        TextRules.Add(errors, nameof(ReportInput.NextSteps), input.NextSteps, ProgressReport.TextMaxLength, multiLine: true);
        CheckMoney(errors, nameof(ReportInput.FundsInPlaceThisPeriodWan), input.FundsInPlaceThisPeriodWan);
        CheckMoney(errors, nameof(ReportInput.OutOfRegionFundsThisPeriodWan), input.OutOfRegionFundsThisPeriodWan);
        if (input.OutOfRegionFundsThisPeriodWan > input.FundsInPlaceThisPeriodWan)
            errors.Add(new(nameof(ReportInput.OutOfRegionFundsThisPeriodWan), "Funds.OutOfRegionExceedsTotal"));
        for (var i = 0; i < input.MilestonesReached.Count; i++)
        {
            if (input.MilestonesReached[i].ReachedOn > today) errors.Add(new($"Milestones[{i}]", "Milestone.ReachedInFuture", string.Empty));
        }
        // Over the cap nothing of the report is written; the rows are not checked one by one.
        if (ListLimits.Check(c.Problems.Count, lists.ProblemsPerReport) is { } tooMany) errors.Add(new("Problems", tooMany));
        else for (var i = 0; i < c.Problems.Count; i++) errors.AddRange(ProblemCommands.Validate(c.Problems[i], today, $"Problems[{i}]."));
        Choices.Add(errors, nameof(SubmitReport.Kind), (ReportKind?)c.Kind);
        // A period index from a script: one after the current period, or before the calendar begins, names no period.
        if (c.PeriodIndex > HalfMonthPeriod.Containing(today).Index) errors.Add(new(nameof(SubmitReport.PeriodIndex), "Report.FuturePeriod"));
        else if (c.PeriodIndex < 24) errors.Add(new(nameof(SubmitReport.PeriodIndex), "Report.BeforeSigning"));
        return errors;
    }

    private static async Task<List<FieldViolation>> UnknownOwnersAsync(KashiDbContext db, IReadOnlyList<NewProblem> problems, CancellationToken ct)
    {
        if (problems.Count == 0) return [];
        var owners = problems.Select(p => p.OwnerUnitId!.Value).Distinct().ToList();
        var known = await db.Units.AsNoTracking().Where(u => owners.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        return problems.Select((p, i) => (p, i)).Where(x => !known.Contains(x.p.OwnerUnitId!.Value))
            .Select(x => new FieldViolation($"Problems[{x.i}].{nameof(NewProblem.OwnerUnitId)}", "Field.Required")).ToList();
    }

    private const decimal MaxWan = 100_000_000m;

    private static void CheckMoney(List<FieldViolation> errors, string field, decimal value)
    {
        if (value < 0m) errors.Add(new(field, "Money.MustNotBeNegative"));
        else if (value > MaxWan) errors.Add(new(field, "Money.TooLarge", MaxWan));
        else if (decimal.Round(value, 4) != value) errors.Add(new(field, "Money.TooPrecise"));
    }

    private static string FieldOf(string code) => code switch
    {
        "Funds.CannotDecrease" or "Funds.OutOfRegionExceedsTotal" => nameof(ReportInput.FundsInPlaceThisPeriodWan),
        "Report.NarrativeRequired" => nameof(ReportInput.Narrative),
        _ when code.StartsWith("Milestone.", StringComparison.Ordinal) => "Milestones",
        _ => string.Empty,
    };
}
