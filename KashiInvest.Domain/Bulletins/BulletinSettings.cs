namespace KashiInvest.Domain.Bulletins;

/// <summary>
/// The settings of the quarterly bulletin (bound from configuration section <c>Bulletins</c>, validated at start).
/// The supervision rule's figures are choices the documents leave open (Art. 26 names "slow" and "ranks low"
/// without numbers), so they are settings.
/// </summary>
public sealed class BulletinSettings
{
    public const string Section = "Bulletins";
    public const int TextMaxLength = 100;

    /// <summary>The prefix of a bulletin's number: <c>{prefix}〔{year}〕{n}号</c>. Default 喀招通.</summary>
    public string NumberPrefix { get; set; } = "喀招通";

    /// <summary>The issuing office printed on a bulletin.</summary>
    public string IssuingOffice { get; set; } = "喀什地区招商引资工作领导小组办公室";

    /// <summary>Units whose out-of-region funds' year-on-year growth ranks in the bottom N are named for supervision (ties at the Nth place are all named). 0: off.</summary>
    public int SupervisionBottomN { get; set; } = 3;

    /// <summary>Units whose growth ranks in the top M are named for praise (unless named for supervision). 0: none.</summary>
    public int PraiseTopM { get; set; } = 3;

    /// <summary>A unit is slow when at least this share (%) of its projects under way is stalled at drafting. 0: off.</summary>
    public decimal SlowStalledSharePercent { get; set; } = 30m;

    /// <summary>A unit is slow when its projects under way average at least this many days since their last progress. 0: off.</summary>
    public int SlowAverageIdleDays { get; set; } = 45;

    /// <summary>The slowest projects a bulletin lists (stalled longest, overdue milestones), 1–100.</summary>
    public int SlowestProjectsListed { get; set; } = 10;

    /// <summary>A named unit explains and rectifies within this many days of publication (its to-do item's deadline), 1–180.</summary>
    public int RectifyWithinDays { get; set; } = 15;

    /// <summary>
    /// The text of a named unit's action item: {0} the bulletin's title, {1} its number, {2} the deadline (Beijing date,
    /// written 2026年12月31日). An official record, so it is the office's wording (a setting), not the user's language.
    /// </summary>
    public string RectifyActionText { get; set; } = "根据{0}（{1}），你单位列入重点督导名单，请于{2}前向地区招商局书面说明情况并提出整改措施。";

    /// <summary>The settings' errors, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(NumberPrefix) || NumberPrefix.Trim().Length > 20) errors.Add($"{Section}:{nameof(NumberPrefix)} must be 1–20 characters.");
        if (string.IsNullOrWhiteSpace(IssuingOffice) || IssuingOffice.Trim().Length > TextMaxLength) errors.Add($"{Section}:{nameof(IssuingOffice)} must be 1–{TextMaxLength} characters.");
        if (SupervisionBottomN is < 0 or > 100) errors.Add($"{Section}:{nameof(SupervisionBottomN)} must be between 0 and 100 (was {SupervisionBottomN}).");
        if (PraiseTopM is < 0 or > 100) errors.Add($"{Section}:{nameof(PraiseTopM)} must be between 0 and 100 (was {PraiseTopM}).");
        if (SlowStalledSharePercent is < 0m or > 100m) errors.Add($"{Section}:{nameof(SlowStalledSharePercent)} must be between 0 and 100 (was {SlowStalledSharePercent}).");
        if (SlowAverageIdleDays is < 0 or > 3650) errors.Add($"{Section}:{nameof(SlowAverageIdleDays)} must be between 0 and 3650 (was {SlowAverageIdleDays}).");
        if (SlowestProjectsListed is < 1 or > 100) errors.Add($"{Section}:{nameof(SlowestProjectsListed)} must be between 1 and 100 (was {SlowestProjectsListed}).");
        if (RectifyWithinDays is < 1 or > 180) errors.Add($"{Section}:{nameof(RectifyWithinDays)} must be between 1 and 180 (was {RectifyWithinDays}).");
        if (string.IsNullOrWhiteSpace(RectifyActionText) || RectifyActionText.Length > 500 || !RectifyActionText.Contains("{2}", StringComparison.Ordinal))
            errors.Add($"{Section}:{nameof(RectifyActionText)} must be 1–500 characters and contain {{2}} (the deadline).");
        return errors;
    }
}
