using System.Globalization;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Shared;

public sealed record UnitInfo(int Id, string Code, string Name, string NameEn, UnitType Type, int? ParentUnitId)
{
    public string Display => Localized.Pick(Name, NameEn);
}

public sealed record ChainLinkInfo(int Id, int ChainId, string Name, string NameEn)
{
    public string Display => Localized.Pick(Name, NameEn);
}

public sealed record ChainInfo(int Id, string Code, string Name, string NameEn, int LeadUnitId, IReadOnlyList<ChainLinkInfo> Links)
{
    public string Display => Localized.Pick(Name, NameEn);
}

/// <summary>Units and chains change rarely; they are read once and kept, so pages need no joins to name them.</summary>
public sealed class ReferenceCache(IDbContextFactory<KashiDbContext> factory)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;

    public async Task<Snapshot> GetAsync(CancellationToken ct = default)
    {
        if (_snapshot is { } s) return s;
        await _gate.WaitAsync(ct);
        try
        {
            if (_snapshot is not null) return _snapshot;
            await using var db = await factory.CreateDbContextAsync(ct);
            var units = await db.Units.AsNoTracking().OrderBy(u => u.Id)
                .Select(u => new UnitInfo(u.Id, u.Code, u.Name, u.NameEn, u.Type, u.ParentUnitId)).ToListAsync(ct);
            var links = await db.ChainLinks.AsNoTracking().OrderBy(l => l.Id)
                .Select(l => new ChainLinkInfo(l.Id, l.ChainId, l.Name, l.NameEn)).ToListAsync(ct);
            var chains = await db.Chains.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
            units = Distinguish(units, chains.Select(c => (c.LeadUnitId, c.Name)).ToList());
            _snapshot = new Snapshot(units,
                chains.Select(c => new ChainInfo(c.Id, c.Code, c.Name, c.NameEn, c.LeadUnitId, links.Where(l => l.ChainId == c.Id).ToList())).ToList());
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A bureau that leads a chain is a unit of its own next to the same bureau as a department, under the same
    /// Chinese name; in pickers, lists and minutes the two would look alike. Wherever the app names a unit, the
    /// chain-lead one is named with its chain:
    /// 喀什地区工业和信息化局（纺织服装链主）. (The English names already say so.)
    /// </summary>
    public static List<UnitInfo> Distinguish(List<UnitInfo> units, IReadOnlyList<(int LeadUnitId, string ChainName)> chains)
    {
        var shared = units.GroupBy(u => u.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return units.Select(u =>
        {
            if (u.Type != UnitType.ChainLead || !shared.Contains(u.Name)) return u;
            var led = chains.Where(c => c.LeadUnitId == u.Id).Select(c => c.ChainName).ToList();
            return led.Count == 0 ? u : u with { Name = $"{u.Name}（{string.Join("、", led)}链主）" };
        }).ToList();
    }

    /// <summary>Forget the cached copy (after an administrator changes units or chains).</summary>
    public void Invalidate() => _snapshot = null;

    public sealed class Snapshot(IReadOnlyList<UnitInfo> units, IReadOnlyList<ChainInfo> chains)
    {
        private readonly Dictionary<int, UnitInfo> _units = units.ToDictionary(u => u.Id);
        private readonly Dictionary<int, ChainInfo> _chains = chains.ToDictionary(c => c.Id);

        public IReadOnlyList<UnitInfo> Units { get; } = units;
        public IReadOnlyList<ChainInfo> Chains { get; } = chains;

        /// <summary>KEDZ first, then the counties in their official order.</summary>
        public IEnumerable<UnitInfo> HostUnits => Units.Where(u => u.Type is UnitType.DevelopmentZone or UnitType.County)
            .OrderBy(u => u.Type == UnitType.DevelopmentZone ? 0 : 1).ThenBy(u => u.Id);

        public UnitInfo? Unit(int? id) => id is { } i && _units.TryGetValue(i, out var u) ? u : null;
        public ChainInfo? Chain(int? id) => id is { } i && _chains.TryGetValue(i, out var c) ? c : null;
        public ChainLinkInfo? Link(int? id) => id is null ? null : Chains.SelectMany(c => c.Links).FirstOrDefault(l => l.Id == id);
        public string UnitName(int? id) => Unit(id)?.Display ?? "—";
        public string ChainName(int? id) => Chain(id)?.Display ?? "—";
    }
}

public static class Localized
{
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static string Pick(string chinese, string english) => IsChinese || string.IsNullOrWhiteSpace(english) ? chinese : english;
}
