using KashiInvest.Domain.Statistics;

namespace KashiInvest.Domain.Bulletins;

/// <summary>The facts of one attracting unit that the supervision rule weighs.</summary>
public sealed record UnitPerformance(
    int UnitId,
    string Name,
    string NameEn,
    Growth OutOfRegionFundsYtdGrowth,
    int ActiveProjects,
    int StalledProjects,
    int? AverageIdleDays);

public sealed record SupervisionResult(IReadOnlyList<SupervisionEntry> Supervision, IReadOnlyList<PraiseEntry> Praise);

/// <summary>
/// The supervision rule of the quarterly bulletin (Art. 26: "counties whose projects move slowly or whose
/// funds-in-place growth ranks low are named for key supervision"):
/// <list type="bullet">
/// <item>Growth is ranked with ties ("1224"), highest first; "new" (from zero) ranks above every percentage; a unit
/// with nothing to compare (no approved return, or a month of last year missing) is not ranked and never named for
/// growth.</item>
/// <item>Low growth: ranked in the bottom <see cref="BulletinSettings.SupervisionBottomN"/> counting from the worst;
/// every unit tied at the Nth place is named, so the list may be longer than N; with N at or above the number of
/// ranked units every ranked unit is named.</item>
/// <item>Slow: at least <see cref="BulletinSettings.SlowStalledSharePercent"/> % of the projects under way stalled, or
/// their average days since the last progress at least <see cref="BulletinSettings.SlowAverageIdleDays"/>; a unit
/// without projects under way is never slow; 0 turns a test off.</item>
/// <item>Praise: ranked in the top <see cref="BulletinSettings.PraiseTopM"/> (ties included) and not named for
/// supervision.</item>
/// </list>
/// </summary>
public static class SupervisionRule
{
    public static SupervisionResult Apply(IReadOnlyList<UnitPerformance> units, BulletinSettings settings)
    {
        static decimal? RankValue(Growth g) => g.Kind switch
        {
            GrowthKind.New => decimal.MaxValue,
            GrowthKind.Percent => g.Percent,
            _ => null,
        };

        var best = Ranking.Competition(units, u => RankValue(u.OutOfRegionFundsYtdGrowth)).Where(r => r.Rank is not null).ToList();
        var worst = Ranking.Competition(units, u => RankValue(u.OutOfRegionFundsYtdGrowth), ascending: true)
            .Where(r => r.Rank is not null).ToDictionary(r => r.Item.UnitId, r => r.Rank!.Value);
        var rankOf = best.ToDictionary(r => r.Item.UnitId, r => r.Rank!.Value);
        var ranked = best.Count;

        var supervision = new List<SupervisionEntry>();
        foreach (var u in units)
        {
            var grounds = new List<SupervisionGround>();
            var rank = rankOf.TryGetValue(u.UnitId, out var r) ? r : (int?)null;
            decimal? share = u.ActiveProjects > 0 ? StalledShare(u.StalledProjects, u.ActiveProjects) : null;
            SupervisionGround Ground(SupervisionGroundKind kind, decimal threshold) =>
                new(kind, u.OutOfRegionFundsYtdGrowth, rank, ranked, u.StalledProjects, u.ActiveProjects, share, u.AverageIdleDays, threshold);

            if (settings.SupervisionBottomN > 0 && worst.TryGetValue(u.UnitId, out var fromWorst) && fromWorst <= settings.SupervisionBottomN)
                grounds.Add(Ground(SupervisionGroundKind.LowGrowth, settings.SupervisionBottomN));
            if (settings.SlowStalledSharePercent > 0m && share is { } s && s >= settings.SlowStalledSharePercent)
                grounds.Add(Ground(SupervisionGroundKind.StalledShare, settings.SlowStalledSharePercent));
            if (settings.SlowAverageIdleDays > 0 && u.ActiveProjects > 0 && u.AverageIdleDays is { } idle && idle >= settings.SlowAverageIdleDays)
                grounds.Add(Ground(SupervisionGroundKind.Idle, settings.SlowAverageIdleDays));
            if (grounds.Count > 0) supervision.Add(new SupervisionEntry(u.UnitId, u.Name, u.NameEn, grounds));
        }

        var named = supervision.Select(s => s.UnitId).ToHashSet();
        var praise = settings.PraiseTopM <= 0 ? [] : best
            .Where(x => x.Rank <= settings.PraiseTopM && !named.Contains(x.Item.UnitId))
            .Select(x => new PraiseEntry(x.Item.UnitId, x.Item.Name, x.Item.NameEn, x.Item.OutOfRegionFundsYtdGrowth, x.Rank!.Value))
            .ToList();
        return new SupervisionResult(supervision, praise);
    }

    /// <summary>Stalled projects as a share (%) of those under way, rounded to 0.1.</summary>
    public static decimal StalledShare(int stalled, int active) =>
        active <= 0 ? 0m : decimal.Round(stalled * 100m / active, 1, MidpointRounding.AwayFromZero);
}

/// <summary>What publishing a bulletin asks of each unit it names: explain and rectify by a deadline.</summary>
public sealed record RectifyTask(int UnitId, DateOnly DueOn, string Text);

public static class BulletinFollowUp
{
    /// <summary>
    /// One task per unit on the bulletin's supervision list, due <see cref="BulletinSettings.RectifyWithinDays"/> days
    /// after the day of publication (Beijing), worded by <see cref="BulletinSettings.RectifyActionText"/>.
    /// </summary>
    public static IReadOnlyList<RectifyTask> TasksOf(Bulletin bulletin, BulletinSettings settings)
    {
        if (bulletin.PublishedOn is not { } published) throw new InvalidOperationException("Only a published bulletin assigns tasks.");
        var due = published.AddDays(settings.RectifyWithinDays);
        var date = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{due.Year}年{due.Month}月{due.Day}日");
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, settings.RectifyActionText, bulletin.Title, bulletin.Number, date);
        return bulletin.Snapshot.Supervision.Select(s => s.UnitId).Distinct().Select(u => new RectifyTask(u, due, text)).ToList();
    }
}
