using System.Globalization;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Domain.Statistics;
using KashiInvest.Web.Features.Meetings.Minutes;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Bulletins;

/// <summary>The sentences of a bulletin that the printable page and the .docx share, in the current UI culture.</summary>
public sealed class BulletinWords(UiText t)
{
    public UiText T => t;

    public string Quarter(StatQuarter q) => t["Bulletins.Quarter", q.Year, q.Quarter];

    public string Growth(Growth g) => g.Kind switch
    {
        GrowthKind.Percent => string.Format(CultureInfo.CurrentCulture, "{0:+0.0;-0.0;0.0}%", g.Percent),
        GrowthKind.New => t["Statistics.Growth.New"],
        _ => "—",
    };

    public string Rank(int? rank) => rank is { } r ? r.ToString(CultureInfo.CurrentCulture) : "—";

    public string Name(string name, string nameEn) => Localized.Pick(name, nameEn);

    /// <summary>Why a unit is named, with the figures that put it there.</summary>
    public string Ground(SupervisionGround g) => g.Kind switch
    {
        SupervisionGroundKind.LowGrowth => t["Bulletins.Ground.LowGrowth", Growth(g.Growth), Rank(g.GrowthRank), g.RankedUnits, (int)g.Threshold],
        SupervisionGroundKind.StalledShare => t["Bulletins.Ground.StalledShare", g.StalledProjects, g.ActiveProjects,
            (g.StalledSharePercent ?? 0m).ToString("0.0", CultureInfo.CurrentCulture), g.Threshold.ToString("0.#", CultureInfo.CurrentCulture)],
        _ => t["Bulletins.Ground.Idle", g.AverageIdleDays ?? 0, g.ActiveProjects, (int)g.Threshold],
    };

    public string Grounds(SupervisionEntry e) => string.Join(t["Bulletins.Ground.Separator"], e.Grounds.Select(Ground));

    public string Slow(SlowProject p) => p.Kind switch
    {
        SlowProjectKind.Stalled => t["Bulletins.Slow.Stalled", p.Days],
        SlowProjectKind.ApprovalOverdue => t["Bulletins.Slow.Approval", p.Subject ?? "", p.Days],
        SlowProjectKind.CommitmentOverdue => t["Bulletins.Slow.Commitment", p.Subject ?? "", p.Days],
        _ => t["Bulletins.Slow.Milestone", p.Subject ?? "", p.Days],
    };

    public string Headline(BulletinHeadline h) => t["Bulletins.Headline", t.Money(h.OutOfRegionFundsYtd), Growth(h.OutOfRegionFundsYtdGrowth),
        t.Money(h.OutOfRegionFundsQuarter), h.SignedQuarter, t.Money(h.SignedInvestmentQuarter), h.StartedQuarter, h.ProductionQuarter];

    public IReadOnlyList<string> TableColumns() =>
    [
        t["Bulletins.Table.Unit"], t["Bulletins.Table.FundsQuarter"], t["Bulletins.Table.FundsYtd"], t["Bulletins.Table.FundsRank"],
        t["Bulletins.Table.Growth"], t["Bulletins.Table.GrowthRank"], t["Bulletins.Table.Signed"], t["Bulletins.Table.Stalled"],
    ];

    public IReadOnlyList<string> TableCells(BulletinUnitRow r) =>
    [
        Name(r.Name, r.NameEn) + (r.Complete ? "" : t["Bulletins.Table.Incomplete"]), t.Money(r.OutOfRegionFundsQuarter), t.Money(r.OutOfRegionFundsYtd),
        Rank(r.FundsRank), Growth(r.OutOfRegionFundsYtdGrowth), Rank(r.GrowthRank),
        t["Bulletins.Table.SignedCell", r.SignedQuarter, t.Money(r.SignedInvestmentQuarter)], t["Bulletins.Table.StalledCell", r.StalledProjects, r.ActiveProjects],
    ];

    public IReadOnlyList<string> SlowColumns() =>
        [t["Bulletins.SlowTable.Project"], t["Bulletins.SlowTable.Unit"], t["Bulletins.SlowTable.Why"]];

    public IReadOnlyList<string> SlowCells(SlowProject p) => [$"{p.Name}（{p.Code}）", Name(p.UnitName, p.UnitNameEn), Slow(p)];

    /// <summary>The narrative sections in their order: key of the heading, text.</summary>
    public static IReadOnlyList<(string Key, string? Text)> Sections(Bulletin b) =>
    [
        ("Bulletins.Section.Overview", b.Overview), ("Bulletins.Section.Highlights", b.Highlights),
        ("Bulletins.Section.Problems", b.Problems), ("Bulletins.Section.NextSteps", b.NextSteps),
    ];

    /// <summary>一、二、… (Chinese) or 1. 2. … (English) for a first-level heading.</summary>
    public static string Number(int n) => Localized.IsChinese ? MinutesText.ChineseNumeral(n) + "、" : $"{n}. ";
}
