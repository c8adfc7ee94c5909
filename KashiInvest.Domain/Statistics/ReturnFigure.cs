using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Statistics;

/// <summary>
/// One figure of a monthly return: the value computed from the platform, and beside it the unit's correction with
/// its reason. The approved value is what the prefecture's tables count; it stays while a revision is open.
/// </summary>
public sealed class ReturnFigure : Entity, IAudited
{
    private ReturnFigure() { }

    internal ReturnFigure(FigureKey key, decimal computed)
    {
        Code = key.Code;
        ChainId = key.ChainId;
        ComputedValue = computed;
    }

    public int MonthlyReturnId { get; private set; }

    public FigureCode Code { get; private set; }

    /// <summary>Null for the unit's total; otherwise the industry chain this figure is for.</summary>
    public int? ChainId { get; private set; }

    public decimal ComputedValue { get; internal set; }

    public decimal? CorrectedValue { get; private set; }

    public string? CorrectionReason { get; private set; }

    public string? CorrectedBy { get; private set; }

    public DateTime? CorrectedAtUtc { get; private set; }

    /// <summary>The value at the last approval; null until the return is first approved.</summary>
    public decimal? ApprovedValue { get; private set; }

    public FigureKey Key => new(Code, ChainId);

    /// <summary>The figure the unit stands by: its correction, or else the computed value.</summary>
    public decimal Value => CorrectedValue ?? ComputedValue;

    public bool IsCorrected => CorrectedValue is not null;

    internal void Correct(decimal value, string reason, Actor actor, DateTime nowUtc)
    {
        CorrectedValue = value;
        CorrectionReason = reason;
        CorrectedBy = actor.UserName;
        CorrectedAtUtc = nowUtc;
    }

    internal void Approve() => ApprovedValue = Value;
}
