using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;

namespace KashiInvest.Domain.Leads;

/// <summary>How far the contact with an intending investor has gone.</summary>
public enum ContactStage { FirstContact, Talks, SiteVisit, IntentAgreed }

/// <summary>One new investment intention as the unit enters it.</summary>
public sealed record IntentionInput(
    string InvestorName,
    string? CreditCode,
    int ChainId,
    string ProjectName,
    decimal? AmountWan,
    int? Jobs,
    ContactStage Stage,
    string? Notes);

/// <summary>
/// An attracting unit's weekly report of new investment intentions (Art. 19): a list of intentions or an explicit
/// "nothing new this week"; both count as reported. One per unit and week; filing again amends it (a new
/// <see cref="Revision"/>; the edit is audited and guarded by <see cref="AggregateRoot.Version"/>).
/// </summary>
public sealed class WeeklyIntentionReport : AggregateRoot, IAudited
{
    public const int TextMaxLength = 1000;
    public const int MaxEntries = 50;

    private readonly List<IntentionEntry> _entries = [];

    private WeeklyIntentionReport() { FiledBy = string.Empty; }

    public WeeklyIntentionReport(int unitId, ReportWeek week, Actor actor, DateTime nowUtc)
    {
        UnitId = unitId;
        WeekMonday = week.Monday;
        FiledBy = actor.UserName;
        FirstFiledAtUtc = FiledAtUtc = nowUtc;
    }

    public int UnitId { get; private set; }

    /// <summary>The Monday (Beijing) of the ISO week reported on.</summary>
    public DateOnly WeekMonday { get; private set; }

    public ReportWeek Week => new(WeekMonday);

    public bool NothingNew { get; private set; }

    public int Revision { get; private set; }

    public string FiledBy { get; private set; }

    /// <summary>Fixes the report's timeliness: amendments do not make a report late.</summary>
    public DateTime FirstFiledAtUtc { get; private set; }

    public DateTime FiledAtUtc { get; private set; }

    public IReadOnlyList<IntentionEntry> Entries => _entries;

    public static IReadOnlyList<FieldViolation> Validate(ReportWeek week, bool nothingNew, IReadOnlyList<IntentionInput> entries, DateOnly today)
    {
        var errors = new List<FieldViolation>();
        if (week.Monday > today) errors.Add(new("Week", "Weekly.FutureWeek"));
        if (nothingNew && entries.Count > 0) errors.Add(new("NothingNew", "Weekly.NothingNewWithEntries"));
        if (!nothingNew && entries.Count == 0) errors.Add(new("Entries", "Weekly.EmptyReport"));
        if (entries.Count > MaxEntries) errors.Add(new("Entries", "Weekly.TooManyEntries", MaxEntries));
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var f = $"Entries[{i}]";
            if (string.IsNullOrWhiteSpace(e.InvestorName)) errors.Add(new($"{f}.InvestorName", "Field.Required"));
            else TextRules.Add(errors, $"{f}.InvestorName", e.InvestorName, Investor.NameMaxLength);
            if (!string.IsNullOrWhiteSpace(e.CreditCode) && !CreditCode.TryParse(e.CreditCode, out _, out var v)) errors.Add(new($"{f}.CreditCode", v!));
            if (e.ChainId <= 0) errors.Add(new($"{f}.ChainId", "Field.Required"));
            if (string.IsNullOrWhiteSpace(e.ProjectName)) errors.Add(new($"{f}.ProjectName", "Field.Required"));
            else TextRules.Add(errors, $"{f}.ProjectName", e.ProjectName, Projects.ProjectDetailsRules.NameMaxLength);
            if (e.AmountWan is < 0m) errors.Add(new($"{f}.AmountWan", "Money.MustNotBeNegative"));
            else if (e.AmountWan > Projects.ProjectDetailsRules.MaxInvestmentWan) errors.Add(new($"{f}.AmountWan", "Money.TooLarge", Projects.ProjectDetailsRules.MaxInvestmentWan));
            if (e.Jobs is < 0) errors.Add(new($"{f}.Jobs", "Number.MustNotBeNegative"));
            Choices.Add(errors, $"{f}.Stage", (ContactStage?)e.Stage);
            TextRules.Add(errors, $"{f}.Notes", e.Notes, TextMaxLength, multiLine: true);
        }
        return errors;
    }

    /// <summary>
    /// Files (first time) or amends the report. <paramref name="investorIds"/> gives, for each entry, the matched or
    /// created investor (same order). Each call is one revision.
    /// </summary>
    public void File(bool nothingNew, IReadOnlyList<IntentionInput> entries, IReadOnlyList<int> investorIds, Actor actor, DateTime nowUtc)
    {
        if (Validate(Week, nothingNew, entries, BeijingTime.DateOf(nowUtc)) is [var first, ..]) throw new DomainRuleException(first.Violation);
        if (investorIds.Count != entries.Count) throw new ArgumentException("One investor per entry.", nameof(investorIds));
        NothingNew = nothingNew;
        _entries.Clear();
        for (var i = 0; i < entries.Count; i++) _entries.Add(new IntentionEntry(entries[i], investorIds[i], i));
        Revision++;
        FiledBy = actor.UserName;
        FiledAtUtc = nowUtc;
        Raise(new WeeklyReportFiled(this));
    }
}

/// <summary>One intention in a weekly report, linked to the investor library.</summary>
public sealed class IntentionEntry : Entity, IAudited
{
    private IntentionEntry() { InvestorName = ProjectName = string.Empty; }

    internal IntentionEntry(IntentionInput input, int investorId, int order)
    {
        InvestorId = investorId;
        InvestorName = input.InvestorName.Trim();
        CreditCode = string.IsNullOrWhiteSpace(input.CreditCode) ? null : Investors.CreditCode.Parse(input.CreditCode).Value;
        ChainId = input.ChainId;
        ProjectName = input.ProjectName.Trim();
        AmountWan = input.AmountWan;
        Jobs = input.Jobs;
        Stage = input.Stage;
        Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        Order = order;
    }

    public int ReportId { get; private set; }
    public int InvestorId { get; private set; }
    public string InvestorName { get; private set; }
    public string? CreditCode { get; private set; }
    public int ChainId { get; private set; }
    public string ProjectName { get; private set; }
    public decimal? AmountWan { get; private set; }
    public int? Jobs { get; private set; }
    public ContactStage Stage { get; private set; }
    public string? Notes { get; private set; }
    public int Order { get; private set; }
}
