using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;

namespace KashiInvest.Domain.Leads;

/// <summary>The basic feasibility judgement of the visiting sub-bureau (Art. 18), on a fixed scale.</summary>
public enum Feasibility
{
    /// <summary>可行性高: clear intention, fits the chain, recommend prompt follow-up.</summary>
    High,
    /// <summary>较可行: worth following, some conditions to settle.</summary>
    Fair,
    /// <summary>有待观察: intention unclear, keep in contact.</summary>
    Uncertain,
    /// <summary>可行性低: major obstacles found.</summary>
    Low,
}

/// <summary>What the filing unit enters on the registration form (《重要招商引资信息转办登记表》).</summary>
public sealed record LeadFormInput(
    string EnterpriseName,
    string? CreditCode,
    SourceRegionCode Region,
    InvestorTier Tiers,
    string Background,
    string? Operations,
    string ProjectName,
    int ChainId,
    int? ChainLinkId,
    int HostUnitId,
    decimal? AmountWan,
    int? Jobs,
    string? Demands,
    Feasibility? Feasibility,
    string? FeasibilityNote,
    DateOnly? VisitedOn,
    string? PeopleVisited,
    string? Visitors);

/// <summary>Field rules of the registration form; field names are <see cref="LeadFormInput"/>'s property names.</summary>
public static class LeadFormRules
{
    public const int TextMaxLength = 2000;
    public const int PeopleMaxLength = 200;

    public static IReadOnlyList<FieldViolation> Validate(LeadFormInput f, DateOnly today)
    {
        var errors = new List<FieldViolation>();
        Text(errors, nameof(f.EnterpriseName), f.EnterpriseName, Investor.NameMaxLength, required: true);
        if (!string.IsNullOrWhiteSpace(f.CreditCode) && !CreditCode.TryParse(f.CreditCode, out _, out var violation))
            errors.Add(new(nameof(f.CreditCode), violation!));
        Text(errors, nameof(f.Background), f.Background, TextMaxLength, required: true, multiLine: true);
        Text(errors, nameof(f.Operations), f.Operations, TextMaxLength, required: false, multiLine: true);
        Text(errors, nameof(f.ProjectName), f.ProjectName, ProjectDetailsRules.NameMaxLength, required: true);
        if (f.ChainId <= 0) errors.Add(new(nameof(f.ChainId), "Field.Required"));
        if (f.HostUnitId <= 0) errors.Add(new(nameof(f.HostUnitId), "Field.Required"));
        if (f.AmountWan is null) errors.Add(new(nameof(f.AmountWan), "Field.Required"));
        else if (f.AmountWan <= 0m) errors.Add(new(nameof(f.AmountWan), "Money.MustBePositive"));
        else if (f.AmountWan > ProjectDetailsRules.MaxInvestmentWan) errors.Add(new(nameof(f.AmountWan), "Money.TooLarge", ProjectDetailsRules.MaxInvestmentWan));
        else if (decimal.Round(f.AmountWan.Value, 4) != f.AmountWan) errors.Add(new(nameof(f.AmountWan), "Money.TooPrecise"));
        if (f.Jobs is null) errors.Add(new(nameof(f.Jobs), "Field.Required"));
        else if (f.Jobs < 0) errors.Add(new(nameof(f.Jobs), "Number.MustNotBeNegative"));
        else if (f.Jobs > ProjectDetailsRules.MaxJobs) errors.Add(new(nameof(f.Jobs), "Number.TooLarge", ProjectDetailsRules.MaxJobs));
        Text(errors, nameof(f.Demands), f.Demands, TextMaxLength, required: true, multiLine: true);
        if (f.Feasibility is null) errors.Add(new(nameof(f.Feasibility), "Field.Required"));
        Text(errors, nameof(f.FeasibilityNote), f.FeasibilityNote, TextMaxLength, required: true, multiLine: true);
        if (f.VisitedOn is null) errors.Add(new(nameof(f.VisitedOn), "Field.Required"));
        else if (f.VisitedOn > today) errors.Add(new(nameof(f.VisitedOn), "Date.InFuture"));
        Text(errors, nameof(f.PeopleVisited), f.PeopleVisited, PeopleMaxLength, required: true);
        Text(errors, nameof(f.Visitors), f.Visitors, PeopleMaxLength, required: true);
        return errors;
    }

    private static void Text(List<FieldViolation> errors, string field, string? value, int max, bool required, bool multiLine = false) =>
        TextRules.Field(errors, field, value, max, required, multiLine);
}

/// <summary>
/// A filed 《重要招商引资信息转办登记表》 (Art. 18): what the visiting unit learned, kept as filed next to the Lead
/// project it created. The form is a record: it is never edited after filing.
/// </summary>
public sealed class LeadForm : AggregateRoot, IAudited
{
    private LeadForm()
    {
        EnterpriseName = Background = ProjectName = Demands = FeasibilityNote = PeopleVisited = Visitors = FiledBy = string.Empty;
    }

    public int ProjectId { get; private set; }
    public int InvestorId { get; private set; }
    public int FiledByUnitId { get; private set; }
    public string FiledBy { get; private set; }
    public DateTime FiledAtUtc { get; private set; }

    public string EnterpriseName { get; private set; }
    public string? CreditCode { get; private set; }
    public SourceRegionCode Region { get; private set; }
    public InvestorTier Tiers { get; private set; }
    public string Background { get; private set; }
    public string? Operations { get; private set; }
    public string ProjectName { get; private set; }
    public int ChainId { get; private set; }
    public int? ChainLinkId { get; private set; }
    public int HostUnitId { get; private set; }
    public decimal AmountWan { get; private set; }
    public int Jobs { get; private set; }
    public string Demands { get; private set; }
    public Feasibility Feasibility { get; private set; }
    public string FeasibilityNote { get; private set; }
    public DateOnly VisitedOn { get; private set; }
    public string PeopleVisited { get; private set; }
    public string Visitors { get; private set; }

    /// <summary>Files a form that passed <see cref="LeadFormRules.Validate"/>; raises <see cref="LeadFiled"/>.</summary>
    public static LeadForm File(LeadFormInput f, Project project, int investorId, int filingUnitId, Actor actor, DateTime nowUtc)
    {
        if (LeadFormRules.Validate(f, BeijingTime.DateOf(nowUtc)) is [var first, ..]) throw new DomainRuleException(first.Violation);
        var form = new LeadForm
        {
            InvestorId = investorId,
            FiledByUnitId = filingUnitId,
            FiledBy = actor.UserName,
            FiledAtUtc = nowUtc,
            EnterpriseName = f.EnterpriseName.Trim(),
            CreditCode = string.IsNullOrWhiteSpace(f.CreditCode) ? null : Investors.CreditCode.Parse(f.CreditCode).Value,
            Region = f.Region,
            Tiers = f.Tiers,
            Background = f.Background.Trim(),
            Operations = string.IsNullOrWhiteSpace(f.Operations) ? null : f.Operations.Trim(),
            ProjectName = f.ProjectName.Trim(),
            ChainId = f.ChainId,
            ChainLinkId = f.ChainLinkId,
            HostUnitId = f.HostUnitId,
            AmountWan = f.AmountWan!.Value,
            Jobs = f.Jobs!.Value,
            Demands = f.Demands!.Trim(),
            Feasibility = f.Feasibility!.Value,
            FeasibilityNote = f.FeasibilityNote!.Trim(),
            VisitedOn = f.VisitedOn!.Value,
            PeopleVisited = f.PeopleVisited!.Trim(),
            Visitors = f.Visitors!.Trim(),
        };
        form.Project = project;
        form.Raise(new LeadFiled(form));
        return form;
    }

    /// <summary>The project the form created; set while filing so that the project's id is known after the save.</summary>
    public Project? Project { get; private set; }

    /// <summary>The project facts the form implies: a Lead with the form's name, host, chain, amount and jobs.</summary>
    public static ProjectDetails ProjectDetailsOf(LeadFormInput f, int investorId) => new(
        f.ProjectName.Trim(), f.Background.Trim(), f.HostUnitId, f.ChainId, f.ChainLinkId, investorId,
        f.AmountWan ?? 0m, f.Jobs ?? 0, null, null, null, null, []);
}
