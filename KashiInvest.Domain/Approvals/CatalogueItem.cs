using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Approvals;

/// <summary>Which level of government decides the item.</summary>
public enum ApprovalLevel { County, Prefecture, Region }

/// <summary>How a time limit is counted: working days (the Administrative Licensing Law's default) or natural days.</summary>
public enum LimitUnit { WorkingDays, NaturalDays }

/// <summary>The stages of a project's approvals, in order.</summary>
public enum ApprovalStage
{
    /// <summary>立项用地规划许可.</summary>
    ProjectApprovalAndLandUsePlanning,
    /// <summary>工程建设许可 / 施工许可.</summary>
    ConstructionPermit,
    /// <summary>竣工验收.</summary>
    CompletionAcceptance,
}

/// <summary>The facts of a catalogue item, as entered or imported by the Bureau.</summary>
public sealed record CatalogueItemInput(
    string Code,
    string Name,
    string NameEn,
    int DepartmentUnitId,
    ApprovalLevel Level,
    int StatutoryLimit,
    LimitUnit Unit,
    string LegalSource,
    ApprovalStage Stage,
    IReadOnlyList<string> Prerequisites,
    bool MayRunInParallel,
    int? GreenChannelLimit = null,
    int? DepartmentCommitment = null);

/// <summary>
/// An item of the approval catalogue (审批事项目录), kept by the Bureau as data: who decides it, its statutory limit
/// (法定时限) and the limit the department commits to (承诺时限) — at most half the statutory one (Art. 23), rounded
/// down, at least one day; a department may commit to less, never more. Key projects use the item's green-channel
/// limit (绿色通道) when it has one.
/// </summary>
public sealed class CatalogueItem : AggregateRoot, IAudited
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int SourceMaxLength = 500;
    public const int MaxLimitDays = 366;

    private CatalogueItem() { Code = Name = NameEn = LegalSource = PrerequisiteCodes = string.Empty; }

    public CatalogueItem(CatalogueItemInput input)
    {
        Code = Name = NameEn = LegalSource = PrerequisiteCodes = string.Empty;
        Update(input);
        IsActive = true;
    }

    /// <summary>A short stable code; other items name their prerequisites by it.</summary>
    public string Code { get; private set; }
    public string Name { get; private set; }
    public string NameEn { get; private set; }
    public int DepartmentUnitId { get; private set; }
    public ApprovalLevel Level { get; private set; }
    public int StatutoryLimit { get; private set; }
    public LimitUnit Unit { get; private set; }
    public string LegalSource { get; private set; }
    public ApprovalStage Stage { get; private set; }
    public bool MayRunInParallel { get; private set; }

    /// <summary>A shorter limit for key projects (绿色通道); none: key projects use the committed limit.</summary>
    public int? GreenChannelLimit { get; private set; }

    /// <summary>A limit the department committed to below half the statutory one; none: half the statutory limit.</summary>
    public int? DepartmentCommitment { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Codes of the items this one waits on, separated by ';' (stored as one column).</summary>
    public string PrerequisiteCodes { get; private set; }

    public IReadOnlyList<string> Prerequisites => PrerequisiteCodes.Length == 0 ? [] : PrerequisiteCodes.Split(';');

    /// <summary>Half the statutory limit, rounded down, at least 1 (Art. 23).</summary>
    public static int Halve(int statutoryLimit) => Math.Max(1, statutoryLimit / 2);

    /// <summary>The committed limit (承诺时限): the department's own commitment, or half the statutory limit.</summary>
    public int CommittedLimit => DepartmentCommitment ?? Halve(StatutoryLimit);

    /// <summary>The limit an item of a project gets: the green-channel limit for a key project when there is one.</summary>
    public int LimitFor(bool greenChannel) =>
        greenChannel && GreenChannelLimit is { } green ? Math.Min(green, CommittedLimit) : CommittedLimit;

    public void Update(CatalogueItemInput input)
    {
        var violations = Validate(input);
        if (violations.Count > 0) throw new DomainRuleException(violations[0].Violation);
        Code = input.Code.Trim();
        Name = input.Name.Trim();
        NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? Name : input.NameEn.Trim();
        DepartmentUnitId = input.DepartmentUnitId;
        Level = input.Level;
        StatutoryLimit = input.StatutoryLimit;
        Unit = input.Unit;
        LegalSource = input.LegalSource.Trim();
        Stage = input.Stage;
        PrerequisiteCodes = string.Join(';', input.Prerequisites.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct());
        MayRunInParallel = input.MayRunInParallel;
        GreenChannelLimit = input.GreenChannelLimit;
        DepartmentCommitment = input.DepartmentCommitment;
    }

    /// <summary>The department commits to a limit below half the statutory one; null goes back to half.</summary>
    public void CommitTo(int? days)
    {
        CheckCommitment(days, StatutoryLimit);
        DepartmentCommitment = days;
    }

    public void SetGreenChannel(int? days)
    {
        if (days is { } d && (d < 1 || d > CommittedLimit)) throw new DomainRuleException("Catalogue.GreenChannelAboveCommitted", CommittedLimit);
        GreenChannelLimit = days;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public static IReadOnlyList<FieldViolation> Validate(CatalogueItemInput input)
    {
        var errors = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(input.Code)) errors.Add(new(nameof(input.Code), "Catalogue.CodeRequired"));
        else if (!TextRules.Add(errors, nameof(input.Code), input.Code, CodeMaxLength) && input.Code.Contains(';')) errors.Add(new(nameof(input.Code), "Catalogue.CodeInvalid"));
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add(new(nameof(input.Name), "Catalogue.NameRequired"));
        else TextRules.Add(errors, nameof(input.Name), input.Name, NameMaxLength);
        TextRules.Add(errors, nameof(input.NameEn), input.NameEn, NameMaxLength);
        if (string.IsNullOrWhiteSpace(input.LegalSource)) errors.Add(new(nameof(input.LegalSource), "Catalogue.LegalSourceRequired"));
        else TextRules.Add(errors, nameof(input.LegalSource), input.LegalSource, SourceMaxLength, multiLine: true);
        if (input.StatutoryLimit is < 1 or > MaxLimitDays) errors.Add(new(nameof(input.StatutoryLimit), "Catalogue.StatutoryLimitOutOfRange", 1, MaxLimitDays));
        else
        {
            var committed = input.DepartmentCommitment ?? Halve(input.StatutoryLimit);
            if (input.DepartmentCommitment is { } c && (c < 1 || c > Halve(input.StatutoryLimit)))
                errors.Add(new(nameof(input.DepartmentCommitment), "Catalogue.CommitmentAboveHalf", Halve(input.StatutoryLimit)));
            else if (input.GreenChannelLimit is { } g && (g < 1 || g > committed))
                errors.Add(new(nameof(input.GreenChannelLimit), "Catalogue.GreenChannelAboveCommitted", committed));
        }
        if (input.Prerequisites.Any(p => string.Equals(p.Trim(), input.Code?.Trim(), StringComparison.Ordinal)))
            errors.Add(new(nameof(input.Prerequisites), "Catalogue.WaitsOnItself"));
        return errors;
    }

    private static void CheckCommitment(int? days, int statutoryLimit)
    {
        if (days is { } d && (d < 1 || d > Halve(statutoryLimit))) throw new DomainRuleException("Catalogue.CommitmentAboveHalf", Halve(statutoryLimit));
    }
}
