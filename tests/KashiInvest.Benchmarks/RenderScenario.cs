using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace KashiInvest.Benchmarks;

/// <summary>
/// Render time per screen: a real headless-Chromium tab signed in (as <c>bureau</c>, who sees everything and may act)
/// asks for the screen; the time runs from the request until the interactive circuit's first complete render (the
/// screen's "loaded and live" selector, <see cref="Screen.Ready"/>): the prerendered answer, the circuit's start and the
/// page's own reads, as a user waits for them. One tab at a time, closed after each load. The SQL commands the app's
/// contexts run in that span are counted (<see cref="CommandCounter"/>): a count that grows with the data is an N+1.
/// Each screen is loaded once, unmeasured, before its samples (JIT, caches).
/// <para>
/// The server's share of each load is read from the app's own metrics (<see cref="ServerRenderMetrics"/>): the
/// prerender (ASP.NET Core's request duration of the page's route) and the circuit's first complete render (the app's
/// <c>kashi.screen.first_render</c>: circuit start → the browser has applied the render that shows the data).
/// </para>
/// </summary>
internal static class RenderScenario
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        var errors = new List<string>();
        await using var host = await BenchHost.StartAsync(o.Scale, dataDir: o.Data);
        var ids = await Screen.Ids.LoadAsync(host);
        var projects = await CountProjectsAsync(host);
        var screens = o.PagePath is { Length: > 0 } only ? [Screen.For(only, o.Ready)] : Screen.All;
        var random = new Random(o.Seed);
        var (browser, start) = await BenchBrowser.SignInAsync(host, o.Account);
        await using var _ = browser;
        await start.CloseAsync();
        var load = new List<double> { MachineInfo.LoadAverage() };
        var results = new List<ScreenResult>();
        using var server = new ServerRenderMetrics();
        foreach (var screen in screens)
        {
            var times = new List<double>();
            var commands = new List<long>();
            var prerender = new List<double>();
            var circuit = new List<double>();
            var circuitServer = new List<double>();
            var serverTotal = new List<double>();
            for (var i = -1; i < o.Samples; i++)
            {
                var path = screen.PathFor(ids, random);
                var page = await browser.Context.NewPageAsync();
                try
                {
                    server.Clear();
                    var before = CommandCounter.Instance.Count;
                    var watch = Stopwatch.StartNew();
                    await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
                    await page.Locator(screen.Ready).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
                    var ms = watch.Elapsed.TotalMilliseconds;
                    var count = CommandCounter.Instance.Count - before;
                    var (pre, first, firstServer) = await server.WaitForAsync(screen);
                    if (i >= 0)
                    {
                        times.Add(ms);
                        commands.Add(count);
                        if (pre is { } p) prerender.Add(p);
                        if (first is { } f) circuit.Add(f);
                        if (firstServer is { } fs) circuitServer.Add(fs);
                        if (pre is { } p2 && firstServer is { } f2) serverTotal.Add(p2 + f2);
                        if (pre is null || first is null) errors.Add($"{screen.Name} {path}: no server figure ({(pre is null ? "prerender" : "first render")})");
                    }
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                    errors.Add($"{screen.Name} {path}: {ex.Message.Split('\n')[0]}");
                }
                finally
                {
                    await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = false });
                }
            }
            times.Sort();
            commands.Sort();
            var result = new ScreenResult(screen.Name, screen.Path, times.Count,
                Results.Round(Results.Percentile(times, 50), 1), Results.Round(Results.Percentile(times, 95), 1),
                Results.Round(times.Count == 0 ? 0 : times[0], 1), Results.Round(times.Count == 0 ? 0 : times[^1], 1),
                commands.Count == 0 ? 0 : commands[commands.Count / 2], commands.Count == 0 ? 0 : commands[0], commands.Count == 0 ? 0 : commands[^1],
                Spread.Of(prerender), Spread.Of(circuitServer), Spread.Of(circuit), Spread.Of(serverTotal));
            results.Add(result);
            Console.Error.WriteLine($"{screen.Name}: median {result.MedianMs} ms, p95 {result.P95Ms} ms; server: prerender {result.ServerPrerender.MedianMs}/{result.ServerPrerender.P95Ms}, " +
                $"circuit rendered {result.ServerFirstRender.MedianMs}/{result.ServerFirstRender.P95Ms}, applied {result.FirstRenderApplied.MedianMs}/{result.FirstRenderApplied.P95Ms}, " +
                $"server total {result.ServerTotal.MedianMs}/{result.ServerTotal.P95Ms} ms (median/p95); " +
                $"SQL commands {result.SqlCommandsMedian} (min {result.SqlCommandsMin}, max {result.SqlCommandsMax})");
        }
        load.Add(MachineInfo.LoadAverage());
        await Results.WriteAsync(o.Out, new RenderResult(
            Scenario: "render",
            Scale: o.Scale,
            Projects: projects,
            Account: o.Account,
            SamplesPerScreen: o.Samples,
            Screens: results,
            Note: "median_ms/p95_ms: request (navigation start in a new tab) to the interactive circuit's first complete render of the screen's data (its ready selector): prerender, script download, circuit start and the page's reads, as the user waits. server_prerender: the server's handling of the page request (ASP.NET Core's http.server.request.duration for the page's route). server_first_render: the circuit's start to the server having rendered the screen's data (the app's kashi.screen.first_render.server; the batch is then serialized and sent). first_render_applied: the circuit's start to the browser's acknowledgement of that render (kashi.screen.first_render: adds the loopback trip and the browser's applying it). server_total: server_prerender + server_first_render per load, the server's part of the wait. One tab at a time. SQL commands: every command the app's contexts ran meanwhile (median, min, max over the samples); background jobs may add a few to a sample.",
            ErrorCount: errors.Count,
            Errors: [.. errors.Take(20)],
            LoadAverage: [.. load.Select(l => Results.Round(l))],
            Machine: MachineInfo.Current,
            Timestamp: DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
        return 0;
    }

    private static async Task<int> CountProjectsAsync(BenchHost host)
    {
        await using var db = await host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<KashiInvest.Infrastructure.Persistence.KashiDbContext>>().CreateDbContextAsync();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Projects);
    }

    private sealed record ScreenResult(string Screen, string Path, int Samples, double MedianMs, double P95Ms, double MinMs, double MaxMs,
        long SqlCommandsMedian, long SqlCommandsMin, long SqlCommandsMax, Spread ServerPrerender, Spread ServerFirstRender, Spread FirstRenderApplied, Spread ServerTotal);

    internal sealed record Spread(int Samples, double MedianMs, double P95Ms, double MaxMs)
    {
        public static Spread Of(List<double> values)
        {
            values.Sort();
            return new Spread(values.Count, Results.Round(Results.Percentile(values, 50), 1), Results.Round(Results.Percentile(values, 95), 1),
                Results.Round(values.Count == 0 ? 0 : values[^1], 1));
        }
    }

    private sealed record RenderResult(string Scenario, int Scale, int Projects, string Account, int SamplesPerScreen, IReadOnlyList<ScreenResult> Screens,
        string Note, int ErrorCount, IReadOnlyList<string> Errors, double[] LoadAverage, MachineInfo Machine, string Timestamp);
}

/// <summary>
/// Reads the server's part of a screen's load from the app's metrics: ASP.NET Core's <c>http.server.request.duration</c>
/// (seconds, tagged with the endpoint's <c>http.route</c>) for the prerender, and the app's
/// <c>kashi.screen.first_render</c> (ms, tagged <c>kashi.screen</c>) for the circuit's first complete render.
/// </summary>
internal sealed class ServerRenderMetrics : IDisposable
{
    private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Kind, string Key, double Ms)> _values = new();

    public ServerRenderMetrics()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if ((instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration")
                || instrument.Meter.Name == KashiInvest.Web.Shared.ScreenMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var request = instrument.Name == "http.server.request.duration";
            foreach (var tag in tags)
            {
                if (request && tag.Key == "http.route" && tag.Value is string route) _values.Enqueue(("route", route, value * 1000));
                else if (!request && tag.Key == KashiInvest.Web.Shared.ScreenMetrics.ScreenTag && tag.Value is string screen) _values.Enqueue((instrument.Name, screen, value));
            }
        });
        _listener.Start();
    }

    public void Clear() => _values.Clear();

    /// <summary>The load's prerender and first-render figures (null when one did not come within 10 s of the page being ready).</summary>
    public async Task<(double? Prerender, double? FirstRenderApplied, double? FirstRenderServer)> WaitForAsync(Screen screen)
    {
        for (var i = 0; i < 200; i++)
        {
            if (Read() is ({ }, { }, { }) all) return all;
            await Task.Delay(50);
        }
        return Read();

        (double?, double?, double?) Read() => (Find("route", screen.Route), Find(KashiInvest.Web.Shared.ScreenMetrics.FirstRender, screen.Name),
            Find(KashiInvest.Web.Shared.ScreenMetrics.FirstRenderServer, screen.Name));
    }

    private double? Find(string kind, string? key)
    {
        foreach (var (k, name, ms) in _values)
        {
            if (k == kind && name == key) return ms;
        }
        return null;
    }

    public void Dispose() => _listener.Dispose();
}
