using KashiInvest.Web.Features.Investors;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Features.Targets;
using KashiInvest.Web.Features.Todo;

namespace KashiInvest.Web.Features.Leads;

/// <summary>Target library (/targets), registration forms, weekly intention reports and the investor library (/leads): Art. 16–19.</summary>
public static class LeadsFeature
{
    public static IServiceCollection AddLeadsFeature(this IServiceCollection services)
    {
        services.AddSingleton<TargetLibraryQuery>();
        services.AddSingleton<InvestorLibraryQuery>();
        services.AddSingleton<WeeklyStatusQuery>();
        services.AddSingleton<LeadQuery>();
        services.AddSingleton<FileLeadCommand>();
        services.AddSingleton<WeeklyCommands>();
        services.AddSingleton<TargetCommands>();
        services.AddSingleton<IProjectDocumentSource, LeadFormDocumentSource>();
        services.AddSingleton<ITodoSource, TargetTodoSource>();
        services.AddSingleton<ITodoSource, WeeklyTodoSource>();
        return services;
    }
}
