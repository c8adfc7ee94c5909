using System.Linq.Expressions;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Projects;

/// <summary>Filters of the project register. Null means "any".</summary>
public sealed record RegisterFilter
{
    public int? HostUnitId { get; init; }
    public int? ChainId { get; init; }
    public ProjectStage? Stage { get; init; }
    /// <summary>A single tier flag the investor must have.</summary>
    public InvestorTier? Tier { get; init; }
    /// <summary>True: tiered investors only; false: untiered only.</summary>
    public bool? Tiered { get; init; }
    public WorkGroupLevel? Level { get; init; }
    public decimal? MinWan { get; init; }
    public decimal? MaxWan { get; init; }
    public string? Search { get; init; }
}

public sealed record RegisterRow(
    int Id, string Code, string Name, int HostUnitId, int ChainId, string InvestorName, InvestorTier Tiers,
    ProjectStage Stage, WorkGroupLevel Level, CoordinationLevel Coordination, decimal InvestmentWan, int Jobs, DateTime UpdatedAtUtc);

public sealed record RegisterPage(IReadOnlyList<RegisterRow> Rows, int Total);

/// <summary>The project register: the user's projects, filtered, sorted and paged on the server.</summary>
public sealed class ProjectRegisterQuery(IDbContextFactory<KashiDbContext> factory)
{
    public const int MaxPageSize = 200;

    public async Task<RegisterPage> RunAsync(UserScope scope, RegisterFilter filter, string? sortBy, bool descending,
        int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query =
            from p in db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope))
            join i in db.Investors.AsNoTracking() on p.InvestorId equals i.Id
            select new { p, i };

        if (filter.HostUnitId is { } host) query = query.Where(x => x.p.HostUnitId == host);
        if (filter.ChainId is { } chain) query = query.Where(x => x.p.ChainId == chain);
        if (filter.Stage is { } stage) query = query.Where(x => x.p.Stage == stage);
        if (filter.Level is { } level) query = query.Where(x => x.p.WorkGroupLevel == level);
        if (filter.Tier is { } tier) query = query.Where(x => (x.i.Tiers & tier) == tier);
        if (filter.Tiered == true) query = query.Where(x => x.i.Tiers != InvestorTier.None);
        if (filter.Tiered == false) query = query.Where(x => x.i.Tiers == InvestorTier.None);
        if (filter.MinWan is { } min) query = query.Where(x => x.p.PlannedInvestmentWan >= min);
        if (filter.MaxWan is { } max) query = query.Where(x => x.p.PlannedInvestmentWan <= max);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim();
            query = query.Where(x => x.p.Name.Contains(s) || x.p.Code.Contains(s) || x.i.Name.Contains(s));
        }

        var total = await query.CountAsync(ct);
        var ordered = (sortBy, descending) switch
        {
            (nameof(RegisterRow.Code), false) => query.OrderBy(x => x.p.Code),
            (nameof(RegisterRow.Code), true) => query.OrderByDescending(x => x.p.Code),
            (nameof(RegisterRow.Name), false) => query.OrderBy(x => x.p.Name),
            (nameof(RegisterRow.Name), true) => query.OrderByDescending(x => x.p.Name),
            (nameof(RegisterRow.InvestmentWan), false) => query.OrderBy(x => x.p.PlannedInvestmentWan),
            (nameof(RegisterRow.InvestmentWan), true) => query.OrderByDescending(x => x.p.PlannedInvestmentWan),
            (nameof(RegisterRow.Jobs), false) => query.OrderBy(x => x.p.ExpectedJobs),
            (nameof(RegisterRow.Jobs), true) => query.OrderByDescending(x => x.p.ExpectedJobs),
            (nameof(RegisterRow.Stage), _) => OrderByLifeCycle(query, x => x.p.Stage, descending),
            (nameof(RegisterRow.HostUnitId), false) => query.OrderBy(x => x.p.HostUnitId),
            (nameof(RegisterRow.HostUnitId), true) => query.OrderByDescending(x => x.p.HostUnitId),
            (nameof(RegisterRow.UpdatedAtUtc), false) => query.OrderBy(x => x.p.UpdatedAtUtc),
            _ => query.OrderByDescending(x => x.p.UpdatedAtUtc),
        };
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await ordered.ThenBy(x => x.p.Id)
            .Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(x => new RegisterRow(x.p.Id, x.p.Code, x.p.Name, x.p.HostUnitId, x.p.ChainId, x.i.Name, x.i.Tiers,
                x.p.Stage, x.p.WorkGroupLevel, x.p.CoordinationLevel, x.p.PlannedInvestmentWan, x.p.ExpectedJobs, x.p.UpdatedAtUtc))
            .ToListAsync(ct);
        return new RegisterPage(rows, total);
    }

    /// <summary>Stages are stored as text; sort them in life-cycle order, not alphabetically.</summary>
    private static IOrderedQueryable<T> OrderByLifeCycle<T>(IQueryable<T> query, Expression<Func<T, ProjectStage>> stage, bool descending)
    {
        var stages = Enum.GetValues<ProjectStage>();
        Expression rank = Expression.Constant(stages.Length);
        for (var i = stages.Length - 1; i >= 0; i--)
            rank = Expression.Condition(Expression.Equal(stage.Body, Expression.Constant(stages[i])), Expression.Constant(i), rank);
        var key = Expression.Lambda<Func<T, int>>(rank, stage.Parameters);
        return descending ? query.OrderByDescending(key) : query.OrderBy(key);
    }
}
