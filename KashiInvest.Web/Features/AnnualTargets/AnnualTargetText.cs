using KashiInvest.Domain.Assessment;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.AnnualTargets;

internal static class AnnualTargetText
{
    /// <summary>A figure of the indicator as the targets screens show it: money in 万元 (亿元 where large), or a number of projects.</summary>
    public static string Figure(this UiText t, AnnualIndicator indicator, decimal value) =>
        indicator.IsMoney() ? t.Money(value) : t.Number((int)value);
}
