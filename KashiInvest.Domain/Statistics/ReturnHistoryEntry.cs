using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Statistics;

/// <summary>What happened to a monthly return. Stored as strings.</summary>
public enum ReturnAction { Computed, Refreshed, Corrected, Submitted, Resubmitted, Returned, Approved, RevisionOpened }

/// <summary>One step of a return's history: who computed, corrected, submitted, returned or approved it, and when. Never edited.</summary>
public sealed class ReturnHistoryEntry : Entity
{
    public const int TextMaxLength = 2000;

    private ReturnHistoryEntry() { By = string.Empty; }

    internal ReturnHistoryEntry(ReturnAction action, int revision, Actor actor, DateTime atUtc, string? text = null,
        FigureKey? figure = null, decimal? oldValue = null, decimal? newValue = null)
    {
        Action = action;
        Revision = revision;
        By = actor.UserName;
        ByUnitId = actor.UnitId;
        AtUtc = atUtc;
        Text = text;
        FigureCode = figure?.Code;
        ChainId = figure?.ChainId;
        OldValue = oldValue;
        NewValue = newValue;
    }

    public int MonthlyReturnId { get; private set; }
    public ReturnAction Action { get; private set; }
    public int Revision { get; private set; }
    public string By { get; private set; }
    public int? ByUnitId { get; private set; }
    public DateTime AtUtc { get; private set; }

    /// <summary>The correction's reason, the Bureau's comment, or the revision's reason.</summary>
    public string? Text { get; private set; }

    public FigureCode? FigureCode { get; private set; }
    public int? ChainId { get; private set; }
    public decimal? OldValue { get; private set; }
    public decimal? NewValue { get; private set; }
}
