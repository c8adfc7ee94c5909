using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Tests;

/// <summary>Settings are bound once and validated at start: a wrong value stops the application and names the setting.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider 'Oracle' is unknown: use Sqlite or SqlServer.")]
    [InlineData("Database:Provider", "SqlServer", "Database:ConnectionString is required when Database:Provider is SqlServer.")]
    [InlineData("Health:ReportDeadlineDays", "-1", "Health:ReportDeadlineDays must be between 0 and 15 (was -1).")]
    [InlineData("Health:MilestoneStalledAfterDays", "0", "Health:MilestoneStalledAfterDays must be between 1 and 365 (was 0).")]
    [InlineData("Lifecycle:SignAgreementWithinDays", "-30", "Invalid Lifecycle settings (SignAgreementWithinDays")]
    [InlineData("Demo:Scale", "0", "Demo:Scale must be between 1 and 1000.")]
    [InlineData("Approvals:WarningPercent", "0", "Approvals:WarningPercent must be between 1 and 99.")]
    [InlineData("Limits:HubTopicsPerConnection", "0", "Limits:HubTopicsPerConnection must be between 1 and 10000 (was 0).")]
    [InlineData("Limits:ProblemsPerReport", "100000", "Limits:ProblemsPerReport must be between 1 and 10000 (was 100000).")]
    [InlineData("Limits:CircuitMessageKilobytes", "8", "Limits:CircuitMessageKilobytes must be between 32 and 16384 (was 8).")]
    [InlineData("Chains:PanelItemsShown", "0", "Chains:PanelItemsShown must be between 1 and 1000 (was 0).")]
    [InlineData("Ledger:CardsPerColumn", "0", "Ledger:CardsPerColumn must be between 1 and 1000 (was 0).")]
    [InlineData("Pipeline:CardsPerColumn", "1001", "Pipeline:CardsPerColumn must be between 1 and 1000 (was 1001).")]
    public async Task A_bad_setting_stops_the_start_up_with_a_message_naming_it(string key, string value, string message)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "kashi-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
            {
                var builder = KashiApp.CreateBuilder(new WebApplicationOptions
                {
                    EnvironmentName = "Development",
                    Args = [$"--Database:DataDir={dataDir}", "--urls=http://127.0.0.1:0", $"--{key}={value}"],
                });
                await using var app = builder.Build();
                await app.StartAsync();
                await app.StopAsync();
            });
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task Good_settings_start_the_application()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "kashi-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var builder = KashiApp.CreateBuilder(new WebApplicationOptions
            {
                EnvironmentName = "Development",
                ApplicationName = typeof(KashiApp).Assembly.GetName().Name, // its static assets manifest, as in Program.cs
                Args = [$"--Database:DataDir={dataDir}", "--urls=http://127.0.0.1:0", "--Health:ReportDeadlineDays=5", "--Alerts:ScanOnStart=false"],
            });
            builder.Services.AddSingleton<TimeProvider>(KashiInvest.Web.Tests.Support.TestClock.Default);
            await using var app = builder.Build();
            await app.PrepareAsync();
            await app.StartAsync();
            await app.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
