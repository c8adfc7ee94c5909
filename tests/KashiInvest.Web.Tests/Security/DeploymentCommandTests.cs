using KashiInvest.Infrastructure.Identity;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Tests.Security;

/// <summary>The published demo password never reaches a production database, and no password goes on a command line.</summary>
public sealed class DeploymentCommandTests(KashiAppFactory app) : IClassFixture<KashiAppFactory>
{
    [Fact]
    public async Task Demo_mode_outside_development_stops_the_start_up_before_any_demo_account_exists()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "kashi-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var builder = KashiApp.CreateBuilder(new WebApplicationOptions
            {
                EnvironmentName = "Production",
                Args = [$"--Database:DataDir={dataDir}", "--urls=http://127.0.0.1:0", "--Demo:Enabled=true", "--Alerts:ScanOnStart=false"],
            });
            await using var host = builder.Build();

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.PrepareAsync());

            Assert.Contains("Demo:Enabled=true is refused outside Development", error.Message, StringComparison.Ordinal);
            await using var scope = host.Services.CreateAsyncScope();
            Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("bureau"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task Create_admin_reads_the_password_from_standard_input()
    {
        var error = new StringWriter();
        var code = await AdminCommand.RunAsync(app.Services, ["create-admin", "ops-stdin"], new StringReader("Ops#Stdin-2026\n"), interactive: false,
            TextWriter.Null, error);

        Assert.Equal(0, code);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync("ops-stdin");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, "Ops#Stdin-2026"));
        Assert.True(await users.IsInRoleAsync(user, "Administrator"));
    }

    [Fact]
    public async Task Create_admin_refuses_a_password_on_the_command_line_and_creates_nothing()
    {
        var error = new StringWriter();
        var code = await AdminCommand.RunAsync(app.Services, ["create-admin", "ops-argv", "Ops#Argv-2026"], new StringReader("Ops#Argv-2026\n"),
            interactive: false, TextWriter.Null, error);

        Assert.Equal(2, code);
        Assert.Contains("usage: create-admin <user-name>", error.ToString(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("ops-argv"));
    }

    [Fact]
    public async Task Create_admin_without_a_password_on_standard_input_creates_nothing()
    {
        var error = new StringWriter();
        var code = await AdminCommand.RunAsync(app.Services, ["create-admin", "ops-empty", "--Database:MigrateOnStartup=true"], new StringReader(""),
            interactive: false, TextWriter.Null, error);

        Assert.Equal(2, code);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("ops-empty"));
    }
}
