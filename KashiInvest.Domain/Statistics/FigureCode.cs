namespace KashiInvest.Domain.Statistics;

/// <summary>
/// The figures of a monthly return (统计月报). Counts are numbers of projects; <c>…Investment</c> and <c>…Funds…</c>
/// figures are in 万元. "Month" figures count what happened in the statistics month, "Ytd" ones from January 1st
/// (Beijing) to the month's close. Stored as strings.
/// </summary>
public enum FigureCode
{
    /// <summary>Projects that entered the platform in the month (new leads).</summary>
    NewLeads,
    /// <summary>Projects in negotiation or evaluation at the month's close.</summary>
    InNegotiation,
    SignedMonth,
    SignedMonthInvestment,
    SignedYtd,
    SignedYtdInvestment,
    /// <summary>Projects signed this year whose planned investment is at least the "≥1亿" setting.</summary>
    SignedYtdLarge,
    /// <summary>Projects signed this year whose planned investment is at least the "≥3亿" setting.</summary>
    SignedYtdMajor,
    /// <summary>Projects signed this year whose investor is tiered (Art. 19).</summary>
    SignedYtdTiered,
    /// <summary>Projects that started construction in the month.</summary>
    StartedMonth,
    StartedYtd,
    /// <summary>Projects that went into production in the month.</summary>
    ProductionMonth,
    ProductionYtd,
    /// <summary>Funds actually in place (到位资金) in the month.</summary>
    FundsMonth,
    FundsYtd,
    /// <summary>Out-of-region funds actually in place (区外到位资金) in the month: the key figure of Art. 26.</summary>
    OutOfRegionFundsMonth,
    OutOfRegionFundsYtd,
}

/// <summary>One figure of a return: a code, for the unit as a whole (<see cref="ChainId"/> null) or for one chain.</summary>
public readonly record struct FigureKey(FigureCode Code, int? ChainId = null) : IComparable<FigureKey>
{
    public int CompareTo(FigureKey other)
    {
        var byChain = (ChainId ?? 0).CompareTo(other.ChainId ?? 0);
        return byChain != 0 ? byChain : Code.CompareTo(other.Code);
    }

    public override string ToString() => ChainId is { } chain ? $"{Code}@{chain}" : Code.ToString();
}

public static class FigureCodes
{
    /// <summary>The figures a return carries for the unit as a whole.</summary>
    public static readonly FigureCode[] Totals = Enum.GetValues<FigureCode>();

    /// <summary>The figures a return also carries per industry chain.</summary>
    public static readonly FigureCode[] ByChain =
    [
        FigureCode.SignedMonth, FigureCode.SignedMonthInvestment, FigureCode.FundsMonth, FigureCode.FundsYtd,
        FigureCode.OutOfRegionFundsMonth, FigureCode.OutOfRegionFundsYtd,
    ];

    /// <summary>Whether the figure is money (万元) rather than a number of projects.</summary>
    public static bool IsMoney(this FigureCode code) => code is FigureCode.SignedMonthInvestment or FigureCode.SignedYtdInvestment
        or FigureCode.FundsMonth or FigureCode.FundsYtd or FigureCode.OutOfRegionFundsMonth or FigureCode.OutOfRegionFundsYtd;

    /// <summary>The month figure whose year-to-date sum this figure is, or null.</summary>
    public static FigureCode? MonthlyPartOf(this FigureCode code) => code switch
    {
        FigureCode.SignedYtd => FigureCode.SignedMonth,
        FigureCode.SignedYtdInvestment => FigureCode.SignedMonthInvestment,
        FigureCode.StartedYtd => FigureCode.StartedMonth,
        FigureCode.ProductionYtd => FigureCode.ProductionMonth,
        FigureCode.FundsYtd => FigureCode.FundsMonth,
        FigureCode.OutOfRegionFundsYtd => FigureCode.OutOfRegionFundsMonth,
        _ => null,
    };
}
