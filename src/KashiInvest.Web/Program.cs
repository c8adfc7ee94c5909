using KashiInvest.Infrastructure;
using KashiInvest.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddKashiLogging();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddWeb(builder.Configuration);

var app = builder.Build();

if (await app.RunCommandAsync(args)) return;

await app.PrepareDatabaseAsync();
app.UseWeb();
app.Run();

/// <summary>Exposed for the functional tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
