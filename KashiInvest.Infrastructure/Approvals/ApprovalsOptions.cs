namespace KashiInvest.Infrastructure.Approvals;

/// <summary>Settings of assist-and-proxy approvals (configuration section <c>Approvals</c>), validated at start.</summary>
public sealed class ApprovalsOptions
{
    public const string Section = "Approvals";

    /// <summary>An item's clock is in warning when less than this share (in %) of its committed time is left. Default 20.</summary>
    public int WarningPercent { get; set; } = Domain.Approvals.ApprovalClock.DefaultWarningPercent;

    public IReadOnlyList<string> Validate() =>
        WarningPercent is >= 1 and <= 99 ? [] : [$"{Section}:{nameof(WarningPercent)} must be between 1 and 99 (was {WarningPercent})."];
}
