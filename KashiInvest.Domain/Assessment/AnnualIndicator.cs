using KashiInvest.Domain.Statistics;
using KashiInvest.Domain.Units;

namespace KashiInvest.Domain.Assessment;

/// <summary>
/// The indicators of the year's targets and of the year-end assessment (Art. 29–31). Money indicators are in 万元,
/// the others count projects. Each is measured by a year-to-date figure of the monthly return.
/// </summary>
public enum AnnualIndicator
{
    /// <summary>区外到位资金 — out-of-region funds in place, the key figure of Art. 26.</summary>
    OutOfRegionFunds,
    /// <summary>到位资金 — all funds in place.</summary>
    FundsInPlace,
    /// <summary>签约投资额 — planned investment of the projects signed this year.</summary>
    SignedInvestment,
    /// <summary>新签约项目 — projects signed this year.</summary>
    SignedProjects,
    /// <summary>新签约亿元以上项目 — projects signed this year at or above the "≥1亿" setting.</summary>
    SignedLarge,
    /// <summary>新签约3亿元以上项目 — projects signed this year at or above the "≥3亿" setting.</summary>
    SignedMajor,
    /// <summary>开工项目 — projects that started construction this year.</summary>
    ProjectsStarted,
    /// <summary>投产项目 — projects that went into production this year.</summary>
    ProjectsInProduction,
    /// <summary>分级投资主体项目 — projects signed this year with a tiered investor (Art. 19).</summary>
    TieredInvestorProjects,
}

/// <summary>The sequences (序列) units are ranked within at year end (Art. 31).</summary>
public enum AssessmentSequence
{
    /// <summary>喀什经济开发区 and the twelve counties and cities.</summary>
    CountiesAndZone,
    /// <summary>驻点招商片区分局 — resident sub-bureaus.</summary>
    SubBureaus,
    /// <summary>重点产业链链主单位 — chain-lead units.</summary>
    ChainLeads,
}

public static class AnnualIndicators
{
    public static readonly AnnualIndicator[] All = Enum.GetValues<AnnualIndicator>();

    /// <summary>The year-to-date figure of the monthly return that measures the indicator.</summary>
    public static FigureCode YtdFigure(this AnnualIndicator indicator) => indicator switch
    {
        AnnualIndicator.OutOfRegionFunds => FigureCode.OutOfRegionFundsYtd,
        AnnualIndicator.FundsInPlace => FigureCode.FundsYtd,
        AnnualIndicator.SignedInvestment => FigureCode.SignedYtdInvestment,
        AnnualIndicator.SignedProjects => FigureCode.SignedYtd,
        AnnualIndicator.SignedLarge => FigureCode.SignedYtdLarge,
        AnnualIndicator.SignedMajor => FigureCode.SignedYtdMajor,
        AnnualIndicator.ProjectsStarted => FigureCode.StartedYtd,
        AnnualIndicator.ProjectsInProduction => FigureCode.ProductionYtd,
        AnnualIndicator.TieredInvestorProjects => FigureCode.SignedYtdTiered,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator)),
    };

    /// <summary>Whether the indicator is money (万元) rather than a number of projects.</summary>
    public static bool IsMoney(this AnnualIndicator indicator) => indicator.YtdFigure().IsMoney();

    /// <summary>The sequence a unit of this type is ranked in, or null for units that are not assessed.</summary>
    public static AssessmentSequence? SequenceOf(UnitType type) => type switch
    {
        UnitType.County or UnitType.DevelopmentZone => AssessmentSequence.CountiesAndZone,
        UnitType.SubBureau => AssessmentSequence.SubBureaus,
        UnitType.ChainLead => AssessmentSequence.ChainLeads,
        _ => null,
    };
}
