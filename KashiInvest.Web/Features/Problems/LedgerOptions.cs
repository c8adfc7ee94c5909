using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Problems;

/// <summary>
/// How much of the ledger's board is drawn at once (configuration section <c>Ledger</c>, validated at start). Every
/// drawn card costs server memory for as long as the page is open, so a column draws its first cards and offers
/// "show more"; the counts and the Excel export always cover every entry. The rules leave the figure open: a setting.
/// </summary>
public sealed class LedgerOptions : ICheckedOptions
{
    public const string Section = "Ledger";
    public const int MaxCardsPerColumn = 1000;

    /// <summary>Cards a column draws at first, and how many more each "show more" adds. Default 10.</summary>
    public int CardsPerColumn { get; set; } = 10;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        errors.CheckRange(Section, nameof(CardsPerColumn), CardsPerColumn, 1, MaxCardsPerColumn);
        return errors;
    }
}
