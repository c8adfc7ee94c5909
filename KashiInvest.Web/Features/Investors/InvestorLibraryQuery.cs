using KashiInvest.Domain.Access;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Investors;

/// <summary>The investor information library's search (客商信息库, Art. 19).</summary>
public sealed record InvestorFilter(string? Text = null, int? ChainId = null, SourceRegionCode? Region = null, int? UnitId = null, ReportWeek? Week = null);

public sealed record InvestorLead(int FormId, int ProjectId, string ProjectCode, string ProjectName, ProjectStage Stage, int FiledByUnitId, int HostUnitId,
    int ChainId, decimal AmountWan, DateTime FiledAtUtc);

public sealed record InvestorIntention(int ReportId, int UnitId, DateOnly WeekMonday, string ProjectName, int ChainId, decimal? AmountWan, int? Jobs,
    ContactStage Stage, string? Notes);

public sealed record InvestorCard(int Id, string Name, string? CreditCode, InvestorTier Tiers, SourceRegionCode Region,
    IReadOnlyList<InvestorLead> Leads, IReadOnlyList<InvestorIntention> Intentions)
{
    public DateTime? LatestUtc => Leads.Select(l => (DateTime?)l.FiledAtUtc)
        .Concat(Intentions.Select(i => (DateTime?)Domain.Common.BeijingTime.StartOfDayUtc(i.WeekMonday))).Max();
}

/// <summary>
/// The investor library: every investor named on a registration form or a weekly intention, with its leads and
/// intentions. Forms count when their project is visible to the reader; intentions when the reader sees all,
/// filed them, or leads their chain.
/// </summary>
public sealed class InvestorLibraryQuery(IDbContextFactory<KashiDbContext> factory)
{
    public const int MaxInvestors = 200;

    public async Task<IReadOnlyList<InvestorCard>> SearchAsync(UserScope scope, InvestorFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var text = TargetLibraryQuery.TextKey(filter.Text);

        var forms = from f in db.LeadForms.AsNoTracking()
                    join p in db.Projects.AsNoTracking().Where(ProjectAccess.VisibleTo(scope)) on f.ProjectId equals p.Id
                    join i in db.Investors.AsNoTracking() on f.InvestorId equals i.Id
                    select new { f, p, i };
        if (filter.ChainId is { } chain) forms = forms.Where(x => x.f.ChainId == chain);
        if (filter.Region is { } region) forms = forms.Where(x => x.i.Region == region);
        if (filter.UnitId is { } unit) forms = forms.Where(x => x.f.FiledByUnitId == unit || x.p.HostUnitId == unit);
        if (filter.Week is { } week)
        {
            var (from, to) = (Domain.Common.BeijingTime.StartOfDayUtc(week.Monday), Domain.Common.BeijingTime.EndOfDayUtc(week.Sunday));
            forms = forms.Where(x => x.f.FiledAtUtc >= from && x.f.FiledAtUtc < to);
        }
        if (text is not null) forms = forms.Where(x => x.i.NameKey.Contains(text) || (x.i.CreditCode != null && x.i.CreditCode.Contains(text)));
        var leads = await forms.OrderByDescending(x => x.f.FiledAtUtc).Take(MaxInvestors * 5)
            .Select(x => new { x.f.InvestorId, Lead = new InvestorLead(x.f.Id, x.p.Id, x.p.Code, x.p.Name, x.p.Stage, x.f.FiledByUnitId, x.p.HostUnitId, x.f.ChainId, x.f.AmountWan, x.f.FiledAtUtc) })
            .ToListAsync(ct);

        var entries = from e in db.IntentionEntries.AsNoTracking()
                      join r in db.WeeklyReports.AsNoTracking() on e.ReportId equals r.Id
                      join i in db.Investors.AsNoTracking() on e.InvestorId equals i.Id
                      select new { e, r, i };
        if (!scope.SeesAll)
        {
            var own = scope.UnitId ?? -1;
            var chains = scope.ChainIds.ToArray();
            entries = scope.Role == ActorRole.ChainLead
                ? entries.Where(x => chains.Contains(x.e.ChainId))
                : entries.Where(x => x.r.UnitId == own);
        }
        if (filter.ChainId is { } c2) entries = entries.Where(x => x.e.ChainId == c2);
        if (filter.Region is { } r2) entries = entries.Where(x => x.i.Region == r2);
        if (filter.UnitId is { } u2) entries = entries.Where(x => x.r.UnitId == u2);
        if (filter.Week is { } w2) entries = entries.Where(x => x.r.WeekMonday == w2.Monday);
        if (text is not null) entries = entries.Where(x => x.i.NameKey.Contains(text) || (x.i.CreditCode != null && x.i.CreditCode.Contains(text)));
        var intentions = await entries.OrderByDescending(x => x.r.WeekMonday).Take(MaxInvestors * 5)
            .Select(x => new { x.e.InvestorId, Item = new InvestorIntention(x.r.Id, x.r.UnitId, x.r.WeekMonday, x.e.ProjectName, x.e.ChainId, x.e.AmountWan, x.e.Jobs, x.e.Stage, x.e.Notes) })
            .ToListAsync(ct);

        var ids = leads.Select(l => l.InvestorId).Concat(intentions.Select(i => i.InvestorId)).Distinct().ToList();
        var investors = await db.Investors.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var leadsBy = leads.ToLookup(l => l.InvestorId, l => l.Lead);
        var intentionsBy = intentions.ToLookup(i => i.InvestorId, i => i.Item);
        return investors
            .Select(i => new InvestorCard(i.Id, i.Name, i.CreditCode, i.Tiers, i.Region, [.. leadsBy[i.Id]], [.. intentionsBy[i.Id]]))
            .OrderByDescending(c => c.LatestUtc).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(MaxInvestors).ToList();
    }
}
