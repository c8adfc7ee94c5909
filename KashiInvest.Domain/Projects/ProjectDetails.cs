using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Projects;

/// <summary>The facts of a project that a user enters on the create/edit form.</summary>
public sealed record ProjectDetails(
    string Name,
    string? Description,
    int HostUnitId,
    int ChainId,
    int? ChainLinkId,
    int InvestorId,
    decimal PlannedInvestmentWan,
    int ExpectedJobs,
    DateOnly? PlannedStartOn,
    DateOnly? PlannedCompletionOn,
    string? ResponsibleLeader,
    string? LeaderInCharge,
    IReadOnlyList<MilestoneInput> Milestones);

/// <summary>Field-level rules for <see cref="ProjectDetails"/>; field names are the record's property names.</summary>
public static class ProjectDetailsRules
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 2000;
    public const int PersonMaxLength = 50;
    /// <summary>1,000亿: beyond any single project in the prefecture; a larger figure is a typing error.</summary>
    public const decimal MaxInvestmentWan = 10_000_000m;
    public const int MaxJobs = 1_000_000;

    public static IReadOnlyList<FieldViolation> Validate(ProjectDetails d, DateOnly today, ListLimits? limits = null)
    {
        var errors = new List<FieldViolation>();
        Text(errors, nameof(d.Name), d.Name, NameMaxLength, required: true);
        Text(errors, nameof(d.Description), d.Description, DescriptionMaxLength, required: false, multiLine: true);
        Text(errors, nameof(d.ResponsibleLeader), d.ResponsibleLeader, PersonMaxLength, required: false);
        Text(errors, nameof(d.LeaderInCharge), d.LeaderInCharge, PersonMaxLength, required: false);
        if (d.HostUnitId <= 0) errors.Add(new(nameof(d.HostUnitId), "Field.Required"));
        if (d.ChainId <= 0) errors.Add(new(nameof(d.ChainId), "Field.Required"));
        if (d.InvestorId <= 0) errors.Add(new(nameof(d.InvestorId), "Field.Required"));
        if (d.PlannedInvestmentWan <= 0m) errors.Add(new(nameof(d.PlannedInvestmentWan), "Money.MustBePositive"));
        else if (d.PlannedInvestmentWan > MaxInvestmentWan) errors.Add(new(nameof(d.PlannedInvestmentWan), "Money.TooLarge", MaxInvestmentWan));
        else if (decimal.Round(d.PlannedInvestmentWan, 4) != d.PlannedInvestmentWan) errors.Add(new(nameof(d.PlannedInvestmentWan), "Money.TooPrecise"));
        if (d.ExpectedJobs < 0) errors.Add(new(nameof(d.ExpectedJobs), "Number.MustNotBeNegative"));
        else if (d.ExpectedJobs > MaxJobs) errors.Add(new(nameof(d.ExpectedJobs), "Number.TooLarge", MaxJobs));
        if (d.PlannedStartOn is { } start && d.PlannedCompletionOn is { } end && end < start)
            errors.Add(new(nameof(d.PlannedCompletionOn), "Date.EndBeforeStart"));

        if (ListLimits.Check(d.Milestones.Count, (limits ?? ListLimits.Default).MilestonesPerProject) is { } tooMany)
        {
            errors.Add(new(nameof(d.Milestones), tooMany));
            return errors;
        }
        for (var i = 0; i < d.Milestones.Count; i++)
        {
            var m = d.Milestones[i];
            var field = $"{nameof(d.Milestones)}[{i}]";
            if (string.IsNullOrWhiteSpace(m.Name)) errors.Add(new($"{field}.Name", "Field.Required"));
            else if (!TextRules.Add(errors, $"{field}.Name", m.Name, Milestone.NameMaxLength)
                     && d.Milestones.Take(i).Any(o => string.Equals(o.Name?.Trim(), m.Name.Trim(), StringComparison.Ordinal)))
                errors.Add(new($"{field}.Name", "Milestone.DuplicateName", m.Name.Trim()));
            if (m.PlannedOn is null) errors.Add(new($"{field}.PlannedOn", "Field.Required"));
            if (m.ReachedOn is { } reached && reached > today) errors.Add(new($"{field}.ReachedOn", "Date.InFuture"));
        }
        return errors;
    }

    /// <summary>
    /// The rules the aggregate guards itself on every create and update, whoever calls it: the number of milestones
    /// and every text's length and characters. (The form's other rules are <see cref="Validate"/>'s.)
    /// </summary>
    public static void Guard(ProjectDetails d, ListLimits? limits = null)
    {
        ListLimits.Ensure(d.Milestones.Count, (limits ?? ListLimits.Default).MilestonesPerProject);
        TextRules.Ensure(d.Name, NameMaxLength);
        TextRules.Ensure(d.Description, DescriptionMaxLength, multiLine: true);
        TextRules.Ensure(d.ResponsibleLeader, PersonMaxLength);
        TextRules.Ensure(d.LeaderInCharge, PersonMaxLength);
        foreach (var m in d.Milestones) TextRules.Ensure(m.Name, Milestone.NameMaxLength);
    }

    private static void Text(List<FieldViolation> errors, string field, string? value, int max, bool required, bool multiLine = false) =>
        TextRules.Field(errors, field, value, max, required, multiLine);
}
