using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Chains;

/// <summary>
/// How long the lists on the chain screens may grow (configuration section <c>Chains</c>, validated at start): the rules
/// leave these open, so they are settings. A longer list shows its first entries and says how many are not shown.
/// </summary>
public sealed class ChainMapOptions : ICheckedOptions
{
    public const string Section = "Chains";
    public const int MaxShown = 1000;

    /// <summary>Comments on the whole map listed under it, newest first. Default 20.</summary>
    public int CommentsShown { get; set; } = 20;

    /// <summary>Comments on one link listed in its panel, newest first. Default 10.</summary>
    public int LinkCommentsShown { get; set; } = 10;

    /// <summary>Targets and projects listed per link in its panel (each list). Default 30.</summary>
    public int PanelItemsShown { get; set; } = 30;

    /// <summary>Gaps with nobody working on them listed on the overview, the most serious first. Default 50.</summary>
    public int UnattendedShown { get; set; } = 50;

    /// <summary>
    /// Links one column holds on the projector (<c>?kiosk=1</c>); a segment with more takes several columns, so a long
    /// chain stays one screen high. Default 10 (40 links fit a 1920×1080 projector at full type size).
    /// </summary>
    public int KioskRowsPerColumn { get; set; } = 10;

    /// <summary>The settings' errors, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, nameof(CommentsShown), CommentsShown);
        Check(errors, nameof(LinkCommentsShown), LinkCommentsShown);
        Check(errors, nameof(PanelItemsShown), PanelItemsShown);
        Check(errors, nameof(UnattendedShown), UnattendedShown);
        if (KioskRowsPerColumn is < 3 or > 50) errors.Add($"{Section}:{nameof(KioskRowsPerColumn)} must be between 3 and 50 (was {KioskRowsPerColumn}).");
        return errors;
    }

    private static void Check(List<string> errors, string name, int value)
    {
        if (value is < 1 or > MaxShown) errors.Add($"{Section}:{name} must be between 1 and {MaxShown} (was {value}).");
    }
}
