namespace KashiInvest.Web.Features.Reports;

public static class ReportsFeature
{
    /// <summary>Fortnightly progress (Art. 22): the inbox of owed reports, the report form and its write path.</summary>
    public static IServiceCollection AddReportsFeature(this IServiceCollection services)
    {
        services.AddSingleton<ReportInboxQuery>();
        services.AddSingleton<ReportFormReader>();
        services.AddSingleton<SubmitReportCommand>();
        services.AddSingleton<Projects.IProjectDocumentSource, ProgressReportDocumentSource>();
        services.AddSingleton<Todo.ITodoSource, ReportsOwedTodoSource>();
        return services;
    }
}
