using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Tests.Security;

/// <summary>The sign-in settings are validated at start: a token longer than two hours or a zero rate limit stops the application.</summary>
public sealed class SignInSettingsTests
{
    [Theory]
    [InlineData("RateLimits:SignIn:PermitsPerAddress", "0", "RateLimits:SignIn:PermitsPerAddress must be between 1 and 10000 (was 0).")]
    [InlineData("RateLimits:SignIn:PermitsPerUserName", "-1", "RateLimits:SignIn:PermitsPerUserName must be between 1 and 1000 (was -1).")]
    [InlineData("RateLimits:SignIn:WindowSeconds", "0", "RateLimits:SignIn:WindowSeconds must be between 1 and 3600 (was 0).")]
    [InlineData("Authentication:BearerTokenMinutes", "720", "Authentication:BearerTokenMinutes must be between 1 and 120 (was 720).")]
    [InlineData("Authentication:RevalidationSeconds", "3600", "Authentication:RevalidationSeconds must be between 1 and 300 (was 3600).")]
    public async Task A_bad_sign_in_setting_stops_the_start_up_with_a_message_naming_it(string key, string value, string message)
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
}
