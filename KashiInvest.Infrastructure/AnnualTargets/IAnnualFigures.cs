using KashiInvest.Domain.Assessment;

namespace KashiInvest.Infrastructure.AnnualTargets;

/// <summary>One unit's target and year-to-date result for one indicator.</summary>
/// <param name="Target">The unit's share of the prefecture's target; null when the year has no target for it.</param>
/// <param name="Actual">The platform's year-to-date figure through <see cref="IAnnualFigures.ReadAsync"/>'s date.</param>
public sealed record UnitIndicatorFigure(int UnitId, AnnualIndicator Indicator, decimal? Target, decimal Actual);

/// <summary>
/// The one place that reads the year's targets and the platform's results per unit: the targets screen shows them
/// against the elapsed time and the year-end assessment scores them.
/// </summary>
public interface IAnnualFigures
{
    /// <summary>Every assessed unit's figures for the year, measured through <paramref name="through"/> (a Beijing day in that year).</summary>
    Task<IReadOnlyList<UnitIndicatorFigure>> ReadAsync(int year, DateOnly through, CancellationToken ct);
}
