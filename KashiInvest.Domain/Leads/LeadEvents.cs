using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Leads;

/// <summary>A registration form was filed and its Lead project created.</summary>
public sealed record LeadFiled(LeadForm Form) : IDomainEvent;

/// <summary>A target enterprise was pushed to a unit.</summary>
public sealed record TargetPushed(TargetPush Push) : IDomainEvent;

/// <summary>A receiving unit recorded a contact, a visit or a note, or the target became a lead.</summary>
public sealed record TargetFollowUpRecorded(TargetPush Push) : IDomainEvent;

/// <summary>An attracting unit filed or amended its weekly intention report.</summary>
public sealed record WeeklyReportFiled(WeeklyIntentionReport Report) : IDomainEvent;
