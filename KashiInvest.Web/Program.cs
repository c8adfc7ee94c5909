using KashiInvest.Web;

var app = KashiApp.CreateBuilder(args).Build();

if (await app.RunCommandAsync(args)) return;

await app.PrepareAsync();
app.Run();

/// <summary>Exposed for the functional tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
