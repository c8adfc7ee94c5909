using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;

namespace KashiInvest.Web.Features.Projects;

/// <summary>The create/edit form's model. Field names match <see cref="ProjectDetails"/> so rule violations land on their fields.</summary>
public sealed class ProjectForm
{
    public int? Id { get; set; }

    /// <summary>The version the user started editing from; a save from an older version is refused.</summary>
    public int Version { get; set; }

    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public int? HostUnitId { get; set; }
    public int? ChainId { get; set; }
    public int? ChainLinkId { get; set; }

    public InvestorView? Investor { get; set; }
    public bool CreateInvestor { get; set; }
    public string NewInvestorName { get; set; } = string.Empty;
    public string NewInvestorCreditCode { get; set; } = string.Empty;
    public IReadOnlyCollection<InvestorTier> NewInvestorTiers { get; set; } = [];
    public SourceRegionCode NewInvestorRegion { get; set; } = SourceRegionCode.PearlRiverDelta;

    /// <summary>
    /// The credit code by which the user agreed to link the project to the investor already on file with it (whose
    /// name differs from the one typed). Until they agree, a save with such a code stops and asks.
    /// </summary>
    public string? LinkByCreditCode { get; set; }

    /// <summary>Set by the save when it stops to ask: the name of the investor on file with the typed credit code.</summary>
    public string? CreditCodeOwner { get; set; }

    public decimal? PlannedInvestmentWan { get; set; }
    public int? ExpectedJobs { get; set; }
    public DateTime? PlannedStartOn { get; set; }
    public DateTime? PlannedCompletionOn { get; set; }
    public string? ResponsibleLeader { get; set; }
    public string? LeaderInCharge { get; set; }
    public List<MilestoneRow> Milestones { get; set; } = [];

    public static ProjectForm From(ProjectView v) => new()
    {
        Id = v.Id,
        Version = v.Version,
        Name = v.Name,
        Description = v.Description,
        HostUnitId = v.HostUnitId,
        ChainId = v.ChainId,
        ChainLinkId = v.ChainLinkId,
        Investor = v.Investor,
        PlannedInvestmentWan = v.PlannedInvestmentWan,
        ExpectedJobs = v.ExpectedJobs,
        PlannedStartOn = ToDateTime(v.PlannedStartOn),
        PlannedCompletionOn = ToDateTime(v.PlannedCompletionOn),
        ResponsibleLeader = v.ResponsibleLeader,
        LeaderInCharge = v.LeaderInCharge,
        Milestones = v.Milestones.Select(m => new MilestoneRow { Id = m.Id, Name = m.Name, PlannedOn = ToDateTime(m.PlannedOn), ReachedOn = ToDateTime(m.ReachedOn) }).ToList(),
    };

    public static DateTime? ToDateTime(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? ToDateOnly(DateTime? d) => d is { } v ? DateOnly.FromDateTime(v) : null;

    public sealed class MilestoneRow
    {
        public int? Id { get; set; }
        public string Name { get; set; } = string.Empty;
        public DateTime? PlannedOn { get; set; }
        public DateTime? ReachedOn { get; set; }
    }
}
