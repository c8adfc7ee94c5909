using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Investors;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Leads;

public sealed class IntentionModel
{
    public string? InvestorName { get; set; }
    public string? CreditCode { get; set; }
    public int? ChainId { get; set; }
    public string? ProjectName { get; set; }
    public decimal? AmountWan { get; set; }
    public int? Jobs { get; set; }
    public ContactStage Stage { get; set; }
    public string? Notes { get; set; }

    public IntentionInput ToInput() => new(InvestorName ?? string.Empty, CreditCode, ChainId ?? 0, ProjectName ?? string.Empty, AmountWan, Jobs, Stage, Notes);
}

/// <summary>One unit's report for one week as the editor binds it. <see cref="Version"/> is null for a first filing.</summary>
public sealed class WeeklyFormModel
{
    public ReportWeek Week { get; set; }
    public bool NothingNew { get; set; }
    public List<IntentionModel> Entries { get; set; } = [];
    public int? Version { get; set; }
    public int Revision { get; set; }
}

/// <summary>Reads and files an attracting unit's weekly intention report (Art. 19).</summary>
public sealed class WeeklyCommands(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, ILogger<WeeklyCommands> logger)
{
    /// <summary>The report of the user's unit for the week, or an empty form; null when the user files no weekly report.</summary>
    public async Task<WeeklyFormModel?> ReadAsync(UserScope scope, ReportWeek week, CancellationToken ct = default)
    {
        if (scope.UnitId is not { } unit || !LeadAccess.CanFileWeekly(scope, unit)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var report = await db.WeeklyReports.AsNoTracking().Include(r => r.Entries).FirstOrDefaultAsync(r => r.UnitId == unit && r.WeekMonday == week.Monday, ct);
        if (report is null) return new WeeklyFormModel { Week = week };
        return new WeeklyFormModel
        {
            Week = week,
            NothingNew = report.NothingNew,
            Version = report.Version,
            Revision = report.Revision,
            Entries = report.Entries.OrderBy(e => e.Order).Select(e => new IntentionModel
            {
                InvestorName = e.InvestorName, CreditCode = e.CreditCode, ChainId = e.ChainId, ProjectName = e.ProjectName,
                AmountWan = e.AmountWan, Jobs = e.Jobs, Stage = e.Stage, Notes = e.Notes,
            }).ToList(),
        };
    }

    /// <summary>A unit's filed report for any week, for reading (the unit itself or the prefecture).</summary>
    public async Task<WeeklyIntentionReport?> ReadReportAsync(UserScope scope, int reportId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var report = await db.WeeklyReports.AsNoTracking().Include(r => r.Entries).FirstOrDefaultAsync(r => r.Id == reportId, ct);
        return report is not null && (LeadAccess.SeesAllWeekly(scope) || report.UnitId == scope.UnitId) ? report : null;
    }

    public Task<WriteResult> FileAsync(UserScope scope, WeeklyFormModel model, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        return await SafeWrite.InStrategyAsync(factory, () => FileOnceAsync(scope, model, ct), ct);
    });

    private async Task<WriteResult> FileOnceAsync(UserScope scope, WeeklyFormModel model, CancellationToken ct)
    {
        if (scope.UnitId is not { } unit || !LeadAccess.CanFileWeekly(scope, unit)) return WriteResult.NotAllowed;
        var now = clock.GetUtcNow().UtcDateTime;
        var inputs = model.NothingNew ? [] : model.Entries.Select(e => e.ToInput()).ToList();
        var errors = WeeklyIntentionReport.Validate(model.Week, model.NothingNew, inputs, BeijingTime.DateOf(now));
        if (errors.Count > 0) return WriteResult.Invalid(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        var chainIds = inputs.Select(i => i.ChainId).Distinct().ToList();
        var known = await db.Chains.Where(c => chainIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var chainErrors = inputs.Select((e, i) => (e, i)).Where(x => !known.Contains(x.e.ChainId))
            .Select(x => new FieldViolation($"Entries[{x.i}].ChainId", "Field.Required")).ToList();
        if (chainErrors.Count > 0) return WriteResult.Invalid(chainErrors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var report = await db.WeeklyReports.Include(r => r.Entries).FirstOrDefaultAsync(r => r.UnitId == unit && r.WeekMonday == model.Week.Monday, ct);
            if (report is null)
            {
                if (model.Version is not null) return WriteResult.Conflict;
                report = new WeeklyIntentionReport(unit, model.Week, scope.Actor, now);
                db.WeeklyReports.Add(report);
            }
            else
            {
                // Someone of the unit amended it since this form was read: say so rather than overwrite.
                if (report.Version != model.Version) return WriteResult.Conflict;
                db.Entry(report).Property(r => r.Version).OriginalValue = model.Version.Value;
            }
            var investors = new List<Investor>();
            foreach (var input in inputs)
            {
                CreditCode? code = string.IsNullOrWhiteSpace(input.CreditCode) ? null : CreditCode.Parse(input.CreditCode);
                investors.Add(await InvestorDirectory.FindOrAddAsync(db, input.InvestorName, code, InvestorTier.None, SourceRegionCode.OtherDomestic, ct));
            }
            if (investors.Any(i => i.Id == 0)) await db.SaveChangesAsync(ct);
            report.File(model.NothingNew, inputs, investors.Select(i => i.Id).ToList(), scope.Actor, now);
            // An amendment changes the children only: mark the report itself changed so that its version moves.
            if (db.Entry(report).State == EntityState.Unchanged) db.Entry(report).State = EntityState.Modified;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Weekly report {Week} of unit {Unit} filed by {User} (revision {Revision})", model.Week, unit, scope.UserName, report.Revision);
            return WriteResult.Saved(report.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Conflict;
        }
        catch (DbUpdateException ex) when (model.Version is null && SafeWrite.IsUniqueViolation(ex))
        {
            // Another filing of the same unit and week landed first (unique index).
            return WriteResult.Conflict;
        }
    }
}
