using System.Globalization;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Bulletins;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Demo quarterly bulletins (季度通报): the quarter before the latest closed one drafted, approved by the leader and
/// published some days after its close (its figures taken then), and the latest closed quarter drafted by the Bureau.
/// Always relative to the clock; run after the monthly returns.
/// </summary>
public static class BulletinsDemoData
{
    internal static async Task SeedAsync(KashiDbContext db, TimeProvider clock, BulletinSettings settings, CancellationToken ct)
    {
        if (await db.Bulletins.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = StatQuarter.LatestClosed(now);
        var earlier = latest.Previous();
        var bureauId = await db.Units.BureauIdAsync(ct);
        var leadersId = await db.Units.Where(u => u.Code == ReferenceData.LeadersCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        var bureau = new UserScope(ReferenceData.BureauCode, ReferenceData.BureauCode, ActorRole.Bureau, bureauId, [], []);
        var leader = new UserScope("leader", "leader", ActorRole.Leader, leadersId, [], []);
        var health = new HealthSettings();

        // The earlier quarter: drafted ten days after its close, published five days later.
        var drafted = earlier.CloseUtc.AddDays(10);
        var snapshot = await BulletinSnapshotQuery.BuildAsync(db, earlier, settings, health, new FixedClock(drafted), ct);
        var published = Bulletin.Draft(bureau, earlier, await BulletinNumbers.NextSequenceAsync(db, BeijingTime.DateOf(drafted).Year, ct), settings, snapshot,
            TitleOf(earlier), drafted);
        published.EditNarrative(bureau, TitleOf(earlier), Overview(snapshot), Highlights(snapshot), Problems(snapshot), NextSteps, drafted.AddHours(3));
        published.Submit(bureau, drafted.AddDays(1));
        published.Approve(leader, drafted.AddDays(3));
        published.Publish(bureau, drafted.AddDays(5));
        db.Bulletins.Add(published);
        await db.SaveChangesAsync(ct);

        // The latest closed quarter: a draft with its figures and a first paragraph.
        var draftedAt = Min(latest.CloseUtc.AddDays(5), now);
        var current = await BulletinSnapshotQuery.BuildAsync(db, latest, settings, health, new FixedClock(draftedAt), ct);
        var draft = Bulletin.Draft(bureau, latest, await BulletinNumbers.NextSequenceAsync(db, BeijingTime.DateOf(draftedAt).Year, ct), settings, current,
            TitleOf(latest), draftedAt);
        draft.EditNarrative(bureau, TitleOf(latest), Overview(current), null, null, null, draftedAt.AddHours(2));
        db.Bulletins.Add(draft);
        await db.SaveChangesAsync(ct);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static string TitleOf(StatQuarter q) => string.Create(CultureInfo.InvariantCulture,
        $"关于{q.Year}年第{"一二三四"[q.Quarter - 1]}季度全地区招商引资工作情况的通报");

    private static string Overview(BulletinSnapshot s)
    {
        var h = s.Headline;
        var growth = h.OutOfRegionFundsYtdGrowth.Kind == GrowthKind.Percent
            ? string.Create(CultureInfo.InvariantCulture, $"，同比{(h.OutOfRegionFundsYtdGrowth.Percent >= 0 ? "增长" : "下降")}{Math.Abs(h.OutOfRegionFundsYtdGrowth.Percent!.Value):0.0}%")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"截至本季度末，全地区累计实现区外到位资金{DemoTexts.Amount(h.OutOfRegionFundsYtd)}{growth}；本季度实现区外到位资金{DemoTexts.Amount(h.OutOfRegionFundsQuarter)}，新签约项目{h.SignedQuarter}个、协议投资{DemoTexts.Amount(h.SignedInvestmentQuarter)}，新开工项目{h.StartedQuarter}个，新投产项目{h.ProductionQuarter}个。");
    }

    private static string Highlights(BulletinSnapshot s) => s.Praise.Count == 0
        ? "各县市、喀什经济开发区认真落实“月统计、季通报”制度，项目推进总体平稳。"
        : $"{string.Join("、", s.Praise.Select(p => p.Name))}区外到位资金增速位居全地区前列，予以通报表扬。";

    private static string Problems(BulletinSnapshot s) => s.Supervision.Count == 0
        ? "部分项目推进较慢，要素保障仍需加强。"
        : $"{string.Join("、", s.Supervision.Select(p => p.Name))}区外到位资金增速靠后或项目推进缓慢，列为重点督导对象。";

    private const string NextSteps = "被列入重点督导的县市要在规定时限内向地区招商局书面说明情况并提出整改措施；各单位要对照项目作战图，逐项解决难点堵点，确保全年目标任务完成。";

    /// <summary>A clock that stands still at one instant: the figures as they were taken on a given day.</summary>
    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
