using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Pipeline;

/// <summary>
/// How much of the pipeline board is drawn at once (configuration section <c>Pipeline</c>, validated at start). A card
/// is several components (the card, its drag item, its move menu) held for as long as the board is open: a column
/// draws its first cards and offers "show more"; the column counts, amounts and the Excel export cover every project.
/// </summary>
public sealed class PipelineOptions : ICheckedOptions
{
    public const string Section = "Pipeline";
    public const int MaxCardsPerColumn = 1000;

    /// <summary>Cards a column draws at first, and how many more each "show more" adds. Default 20.</summary>
    public int CardsPerColumn { get; set; } = 20;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        errors.CheckRange(Section, nameof(CardsPerColumn), CardsPerColumn, 1, MaxCardsPerColumn);
        return errors;
    }
}
