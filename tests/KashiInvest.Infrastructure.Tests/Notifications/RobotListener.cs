using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KashiInvest.Infrastructure.Tests.Notifications;

/// <summary>
/// A stand-in robot: real Kestrel on 127.0.0.1 and a free port, answering each POST with the next scripted reply
/// (the last one repeats) and keeping what it received.
/// </summary>
public sealed class RobotListener : IAsyncDisposable
{
    public static readonly Reply Ok = new(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _script = new();
    private Reply _last = Ok;
    private TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RobotListener(WebApplication app) => _app = app;

    public sealed record Reply(int Status, string Body, string? Location = null);

    public sealed record Received(string PathAndQuery, string ContentType, string Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Completes when the first request has been answered.</summary>
    public Task FirstRequest => _firstRequest.Task;

    public static async Task<RobotListener> StartAsync(params Reply[] script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var listener = new RobotListener(app);
        foreach (var r in script) listener._script.Enqueue(r);
        app.MapPost("/{**path}", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            listener.Requests.Enqueue(new Received(ctx.Request.Path + ctx.Request.QueryString, ctx.Request.ContentType ?? string.Empty, body));
            var reply = listener._script.TryDequeue(out var next) ? listener._last = next : listener._last;
            ctx.Response.StatusCode = reply.Status;
            if (reply.Location is { } location) ctx.Response.Headers.Location = location;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(reply.Body);
            await ctx.Response.CompleteAsync();
            listener._firstRequest.TrySetResult();
        });
        await app.StartAsync();
        listener.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
