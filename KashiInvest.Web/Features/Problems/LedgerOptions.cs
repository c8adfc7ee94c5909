using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Problems;

/// <summary>
/// How much of the ledger's board is drawn at once (configuration section <c>Ledger</c>, validated at start). Every
/// drawn card costs server memory for as long as the page is open, so a column draws its first cards and offers
/// "show more"; the counts and the Excel export always cover every entry. The rules leave the figure open: a setting.
/// </summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";
    public const int MaxCardsPerColumn = 1000;

    /// <summary>Cards a column draws at first, and how many more each "show more" adds. Default 10.</summary>
    public int CardsPerColumn { get; set; } = 10;

    /// <summary>The settings' errors, empty when valid.</summary>
    public IReadOnlyList<string> Validate() => CardsPerColumn is < 1 or > MaxCardsPerColumn
        ? [$"{Section}:{nameof(CardsPerColumn)} must be between 1 and {MaxCardsPerColumn} (was {CardsPerColumn})."]
        : [];
}

internal sealed class LedgerOptionsValidator : IValidateOptions<LedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, LedgerOptions options) =>
        options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}
