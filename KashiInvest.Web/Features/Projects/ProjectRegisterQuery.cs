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
        var query = Filtered(db, scope, filter);
        var total = await query.CountAsync(ct);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await Rows(Ordered(query, sortBy, descending).Skip(Math.Max(page, 0) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new RegisterPage(rows, total);
    }

    /// <summary>Every row the register shows for these filters and this order, unpaged (the Excel export), up to <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<RegisterRow>> AllAsync(UserScope scope, RegisterFilter filter, string? sortBy, bool descending,
        int limit, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Rows(Ordered(Filtered(db, scope, filter), sortBy, descending).Take(limit)).ToListAsync(ct);
    }

    private static IQueryable<ProjectWithInvestor> Filtered(KashiDbContext db, UserScope scope, RegisterFilter filter)
    {
        var query =
            from p in db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope))
            join i in db.Investors.AsNoTracking() on p.InvestorId equals i.Id
            select new ProjectWithInvestor { Project = p, Investor = i };

        if (filter.HostUnitId is { } host) query = query.Where(x => x.Project.HostUnitId == host);
        if (filter.ChainId is { } chain) query = query.Where(x => x.Project.ChainId == chain);
        if (filter.Stage is { } stage) query = query.Where(x => x.Project.Stage == stage);
        if (filter.Level is { } level) query = query.Where(x => x.Project.WorkGroupLevel == level);
        if (filter.Tier is { } tier) query = query.Where(x => (x.Investor.Tiers & tier) == tier);
        if (filter.Tiered == true) query = query.Where(x => x.Investor.Tiers != InvestorTier.None);
        if (filter.Tiered == false) query = query.Where(x => x.Investor.Tiers == InvestorTier.None);
        if (filter.MinWan is { } min) query = query.Where(x => x.Project.PlannedInvestmentWan >= min);
        if (filter.MaxWan is { } max) query = query.Where(x => x.Project.PlannedInvestmentWan <= max);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim();
            query = query.Where(x => x.Project.Name.Contains(s) || x.Project.Code.Contains(s) || x.Investor.Name.Contains(s));
        }
        return query;
    }

    private static IQueryable<ProjectWithInvestor> Ordered(IQueryable<ProjectWithInvestor> query, string? sortBy, bool descending)
    {
        var ordered = (sortBy, descending) switch
        {
            (nameof(RegisterRow.Code), false) => query.OrderBy(x => x.Project.Code),
            (nameof(RegisterRow.Code), true) => query.OrderByDescending(x => x.Project.Code),
            (nameof(RegisterRow.Name), false) => query.OrderBy(x => x.Project.Name),
            (nameof(RegisterRow.Name), true) => query.OrderByDescending(x => x.Project.Name),
            (nameof(RegisterRow.InvestmentWan), false) => query.OrderBy(x => x.Project.PlannedInvestmentWan),
            (nameof(RegisterRow.InvestmentWan), true) => query.OrderByDescending(x => x.Project.PlannedInvestmentWan),
            (nameof(RegisterRow.Jobs), false) => query.OrderBy(x => x.Project.ExpectedJobs),
            (nameof(RegisterRow.Jobs), true) => query.OrderByDescending(x => x.Project.ExpectedJobs),
            (nameof(RegisterRow.Stage), _) => OrderByLifeCycle(query, x => x.Project.Stage, descending),
            (nameof(RegisterRow.HostUnitId), false) => query.OrderBy(x => x.Project.HostUnitId),
            (nameof(RegisterRow.HostUnitId), true) => query.OrderByDescending(x => x.Project.HostUnitId),
            (nameof(RegisterRow.UpdatedAtUtc), false) => query.OrderBy(x => x.Project.UpdatedAtUtc),
            _ => query.OrderByDescending(x => x.Project.UpdatedAtUtc),
        };
        return ordered.ThenBy(x => x.Project.Id);
    }

    private static IQueryable<RegisterRow> Rows(IQueryable<ProjectWithInvestor> query) =>
        query.Select(x => new RegisterRow(x.Project.Id, x.Project.Code, x.Project.Name, x.Project.HostUnitId, x.Project.ChainId, x.Investor.Name, x.Investor.Tiers,
            x.Project.Stage, x.Project.WorkGroupLevel, x.Project.CoordinationLevel, x.Project.PlannedInvestmentWan, x.Project.ExpectedJobs, x.Project.UpdatedAtUtc));

    /// <summary>A project and its investor, as the register's filters and orders read them.</summary>
    private sealed class ProjectWithInvestor
    {
        public Project Project { get; init; } = default!;
        public Investor Investor { get; init; } = default!;
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
