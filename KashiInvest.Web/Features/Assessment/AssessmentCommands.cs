using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.AnnualTargets;
using KashiInvest.Infrastructure.Assessment;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Assessment;

/// <summary>A year on the overview: whether it has a scheme, a round and in which state.</summary>
public sealed record AssessmentYearRow(int Year, bool HasScheme, bool SchemeFrozen, RoundStatus? Status, DateTime? FinalAtUtc);

/// <summary>A unit's name in both languages and its sequence.</summary>
public sealed record AssessedUnit(int Id, string Name, string NameEn);

/// <summary>A year as one user may see it, with what the user may do now.</summary>
public sealed record AssessmentView(int Year, AssessmentScheme? Scheme, AssessmentRound? Round, IReadOnlyDictionary<int, AssessedUnit> Units,
    bool CanManage, bool CanReview, bool CanSeeResults, int? OwnUnitId = null)
{
    /// <summary>Whether the manual checks' evidence on <paramref name="unitId"/> may be shown (<see cref="AssessmentAccess.CanSeeEvidence"/>).</summary>
    public bool CanSeeEvidence(int unitId) => CanManage || CanReview || OwnUnitId == unitId;

    public bool CanCompute => CanManage && Scheme is not null && Round?.Status is null or RoundStatus.Draft;
    public bool CanSubmit => CanManage && Round is { Status: RoundStatus.Draft, ComputedAtUtc: not null };
    public bool CanDecide => CanReview && Round?.Status == RoundStatus.UnderReview;
    public bool CanEditScheme => CanManage && Scheme is { IsFrozen: false } && Round?.Status is null or RoundStatus.Draft;
}

/// <summary>
/// The use cases of the year-end assessment (Art. 29–31): the years, one year's scheme and round, the Bureau computes the
/// draft (from <see cref="IAnnualFigures"/> and the platform's records), enters the manual checks and sends it to the
/// leader in charge, who sends it back with a comment or approves it (final: locked, the scheme frozen). Each write runs
/// through <see cref="SafeWrite"/> on a short-lived context, audited by the unit of work; a stale version is a conflict.
/// </summary>
public sealed class AssessmentCommands(IDbContextFactory<KashiDbContext> factory, IAnnualFigures figures, TimeProvider clock,
    ILogger<AssessmentCommands> logger, Microsoft.Extensions.Options.IOptions<AssessmentSettings> settings)
{
    /// <summary>The years that have a scheme or a round, newest first; the current year always (its scheme is made on first use).</summary>
    public async Task<IReadOnlyList<AssessmentYearRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var schemes = await db.Set<AssessmentScheme>().AsNoTracking().Select(s => new { s.Year, s.FrozenAtUtc }).ToListAsync(ct);
        var rounds = await db.Set<AssessmentRound>().AsNoTracking().Select(r => new { r.Year, r.Status, r.FinalAtUtc }).ToListAsync(ct);
        var years = schemes.Select(s => s.Year).Concat(rounds.Select(r => r.Year)).Append(BeijingTime.Today(clock).Year).Distinct().OrderDescending();
        return years.Select(y =>
        {
            var s = schemes.FirstOrDefault(x => x.Year == y);
            var r = rounds.FirstOrDefault(x => x.Year == y);
            return new AssessmentYearRow(y, s is not null, s?.FrozenAtUtc is not null, r?.Status, r?.FinalAtUtc);
        }).ToList();
    }

    public async Task<AssessmentView?> ReadAsync(UserScope scope, int year, CancellationToken ct = default)
    {
        if (year is < 2000 or > 2100) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var scheme = await db.Set<AssessmentScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Year == year, ct);
        var round = await db.Set<AssessmentRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct);
        var units = await db.Units.AsNoTracking().Select(u => new AssessedUnit(u.Id, u.Name, u.NameEn)).ToDictionaryAsync(u => u.Id, ct);
        var canSee = round is not null && AssessmentAccess.CanRead(scope, round.Status);
        return new AssessmentView(year, scheme, round, units, AssessmentAccess.CanManage(scope), AssessmentAccess.CanReview(scope), canSee, scope.UnitId);
    }

    /// <summary>The Bureau makes the year's scheme from the documented defaults (or last year's, when it has one).</summary>
    public Task<WriteResult> CreateSchemeAsync(UserScope scope, int year, CancellationToken ct = default) => SafeWrite.RunAsync(logger, async () =>
    {
        if (!AssessmentAccess.CanManage(scope)) return WriteResult.NotAllowed;
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = scope.Actor;
        if (await db.Set<AssessmentScheme>().AnyAsync(s => s.Year == year, ct)) return WriteResult.Conflict;
        var previous = await db.Set<AssessmentScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Year == year - 1, ct);
        var scheme = AssessmentScheme.Create(year, previous?.Content ?? AssessmentDefaults.Scheme(), scope.Actor, clock.GetUtcNow().UtcDateTime);
        db.Add(scheme);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (SafeWrite.IsUniqueViolation(ex))
        {
            return WriteResult.Conflict;
        }
        return WriteResult.Saved(scheme.Id);
    });

    /// <summary>The Bureau edits the scheme while it is not frozen.</summary>
    public Task<WriteResult> EditSchemeAsync(UserScope scope, int year, int version, SchemeContent content, CancellationToken ct = default) =>
        SafeWrite.RunAsync(logger, async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = scope.Actor;
            var scheme = await db.Set<AssessmentScheme>().FirstOrDefaultAsync(s => s.Year == year, ct);
            if (scheme is null) return WriteResult.NotFound;
            if (scheme.CheckEdit(scope) is { } refused) return AssessmentAccess.CanManage(scope) ? WriteResult.Invalid(string.Empty, refused) : WriteResult.NotAllowed;
            var round = await db.Set<AssessmentRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct);
            if (round is { Status: not RoundStatus.Draft }) return WriteResult.Invalid(string.Empty, new RuleViolation("Assessment.UnderReview"));
            if (content.Validate(settings.Value.MaxCheckPoints) is { Count: > 0 } errors) return WriteResult.Invalid(errors);
            if (scheme.Version != version) return WriteResult.Conflict;
            db.Entry(scheme).Property(x => x.Version).OriginalValue = version;
            scheme.Edit(scope, content, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Assessment scheme {Year} edited by {User}", year, scope.UserName);
            return WriteResult.Saved(scheme.Id);
        });

    /// <summary>
    /// The Bureau computes (or recomputes) the draft: each assessed unit's target and actual through today (a past year:
    /// through 31 December), last year's for growth, and the platform's records. The figures come from
    /// <see cref="IAnnualFigures"/>.
    /// </summary>
    public Task<WriteResult> ComputeAsync(UserScope scope, int year, int? version, CancellationToken ct = default) =>
        ChangeRoundAsync(scope, year, version, create: true, async (db, round, scheme, now) =>
        {
            if (round.CheckCompute(scope, scheme) is { } refused) return WriteResult.Invalid(string.Empty, refused);
            var through = AnnualProgress.MeasuredThrough(year, now);
            var inputs = await AssessmentInputsQuery.ReadAsync(db, figures, year, through, ct);
            round.Compute(scope, scheme, inputs, through, now);
            return null;
        }, ct);

    public Task<WriteResult> EnterCheckAsync(UserScope scope, int year, int version, int unitId, CheckItemKind kind, decimal points, string? evidence, CancellationToken ct = default) =>
        ChangeRoundAsync(scope, year, version, create: false, (_, round, scheme, now) =>
        {
            if (round.CheckEnterCheck(scope, scheme, unitId, kind, points, evidence) is { } refused)
                return Task.FromResult<WriteResult?>(WriteResult.Invalid(refused.Code is "Assessment.CheckRange" ? "Points" : refused.Code.StartsWith("Text.", StringComparison.Ordinal) || refused.Code == "Assessment.EvidenceRequired" ? "Evidence" : string.Empty, refused));
            round.EnterCheck(scope, scheme, unitId, kind, points, evidence!, now);
            return Task.FromResult<WriteResult?>(null);
        }, ct);

    public Task<WriteResult> SubmitAsync(UserScope scope, int year, int version, CancellationToken ct = default) =>
        ChangeRoundAsync(scope, year, version, create: false, (_, round, scheme, now) =>
        {
            if (round.CheckSubmit(scope, scheme) is { } refused) return Task.FromResult<WriteResult?>(WriteResult.Invalid(string.Empty, refused));
            round.Submit(scope, scheme, now);
            return Task.FromResult<WriteResult?>(null);
        }, ct);

    public Task<WriteResult> SendBackAsync(UserScope scope, int year, int version, string? comment, CancellationToken ct = default) =>
        ChangeRoundAsync(scope, year, version, create: false, (_, round, _, now) =>
        {
            if (round.CheckSendBack(scope, comment) is { } refused)
                return Task.FromResult<WriteResult?>(WriteResult.Invalid(refused.Code is "Assessment.CommentRequired" || refused.Code.StartsWith("Text.", StringComparison.Ordinal) ? "Comment" : string.Empty, refused));
            round.SendBack(scope, comment!, now);
            return Task.FromResult<WriteResult?>(null);
        }, ct);

    public Task<WriteResult> ApproveAsync(UserScope scope, int year, int version, string? comment, CancellationToken ct = default) =>
        ChangeRoundAsync(scope, year, version, create: false, (_, round, scheme, now) =>
        {
            if (round.CheckApprove(scope, comment) is { } refused)
                return Task.FromResult<WriteResult?>(WriteResult.Invalid(refused.Code.StartsWith("Text.", StringComparison.Ordinal) ? "Comment" : string.Empty, refused));
            round.Approve(scope, scheme, comment, now);
            return Task.FromResult<WriteResult?>(null);
        }, ct);

    /// <summary>
    /// Loads the year's round (or opens it, for the first computation) and scheme, refuses a stale version, applies the
    /// change and saves both (approval freezes the scheme) with their audit rows; the change returns a result only to refuse.
    /// </summary>
    private Task<WriteResult> ChangeRoundAsync(UserScope scope, int year, int? version, bool create,
        Func<KashiDbContext, AssessmentRound, AssessmentScheme, DateTime, Task<WriteResult?>> change, CancellationToken ct) =>
        SafeWrite.RunAsync(logger, async () =>
        {
            if (!AssessmentAccess.CanManage(scope) && !AssessmentAccess.CanReview(scope)) return WriteResult.NotAllowed;
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = scope.Actor;
            var scheme = await db.Set<AssessmentScheme>().FirstOrDefaultAsync(s => s.Year == year, ct);
            if (scheme is null) return WriteResult.NotFound;
            var round = await db.Set<AssessmentRound>().FirstOrDefaultAsync(r => r.Year == year, ct);
            if (round is null)
            {
                if (!create) return WriteResult.NotFound;
                round = AssessmentRound.Open(year);
                db.Add(round);
            }
            else
            {
                if (version is not { } v || round.Version != v) return WriteResult.Conflict;
                db.Entry(round).Property(x => x.Version).OriginalValue = v;
            }
            if (await change(db, round, scheme, clock.GetUtcNow().UtcDateTime) is { } refused) return refused;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (SafeWrite.IsUniqueViolation(ex))
            {
                return WriteResult.Conflict; // another draft of this year was opened a moment ago
            }
            logger.LogInformation("Assessment {Year} is {Status}, by {User}", year, round.Status, scope.UserName);
            return WriteResult.Saved(round.Id);
        });
}
