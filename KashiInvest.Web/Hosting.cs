using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Components;
using KashiInvest.Web.Features.Bulletins;
using KashiInvest.Web.Features.Meetings.Minutes;
using KashiInvest.Web.Features.Statistics;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web;

/// <summary>Start-up steps and the request pipeline, so that Program.cs reads like a table of contents.</summary>
public static class Hosting
{
    /// <summary>
    /// Runs a one-off command instead of the server when one is given: <c>create-admin &lt;user&gt;</c> creates the
    /// first administrator (outside demo mode there is none), its password read from standard input.
    /// </summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != AdminCommand.Name) return false;
        Environment.ExitCode = await AdminCommand.RunAsync(app.Services, args, Console.In, interactive: !Console.IsInputRedirected,
            Console.Out, Console.Error);
        return true;
    }

    /// <summary>Migrates the database, inserts reference data, and with demo data on fills it and prints the accounts.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await app.Services.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        var accounts = await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync();
        if (accounts.Count == 0) return;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            Console.WriteLine();
            Console.WriteLine($"KashiInvest is running with demo data at {urls}");
            Console.WriteLine($"Demo accounts (password {DemoDataOptions.Password}):");
            foreach (var a in accounts) Console.WriteLine($"  {a.UserName,-18} {a.Role,-15} {a.UnitName}");
            Console.WriteLine();
        });
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseHttpHardening();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        KashiInvest.Web.Features.Complaints.ComplaintsFeature.UseComplaintWindowLimits(app);
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseStatusCodePagesWithReExecute("/not-found");
        // Machine clients (API, hubs) get bare status codes or problem JSON, never the HTML "not found" page.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
                context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapAccountEndpoints();
        app.MapTokenEndpoint();
        app.MapLiveHub();
        app.MapMeetingMinutes();
        app.MapStatisticsTableExport();
        app.MapBulletinDocx();
        KashiInvest.Web.Features.Projects.ProjectRegisterExcel.MapProjectRegisterExport(app);
        KashiInvest.Web.Features.Import.ImportFeature.MapImportTemplates(app);
        KashiInvest.Web.Features.Assessment.AssessmentFeature.MapAssessmentDocx(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
