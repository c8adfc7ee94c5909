using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Leads;

/// <summary>A registration form was filed and its Lead project created.</summary>
public sealed record LeadFiled(LeadForm Form) : IDomainEvent;

/// <summary>An attracting unit filed or amended its weekly intention report.</summary>
public sealed record WeeklyReportFiled(WeeklyIntentionReport Report) : IDomainEvent;
