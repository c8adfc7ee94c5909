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
        foreach (var screen in screens)
        {
            var times = new List<double>();
            var commands = new List<long>();
            for (var i = -1; i < o.Samples; i++)
            {
                var path = screen.PathFor(ids, random);
                var page = await browser.Context.NewPageAsync();
                try
                {
                    var before = CommandCounter.Instance.Count;
                    var watch = Stopwatch.StartNew();
                    await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
                    await page.Locator(screen.Ready).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
                    var ms = watch.Elapsed.TotalMilliseconds;
                    var count = CommandCounter.Instance.Count - before;
                    if (i >= 0)
                    {
                        times.Add(ms);
                        commands.Add(count);
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
                commands.Count == 0 ? 0 : commands[commands.Count / 2], commands.Count == 0 ? 0 : commands[0], commands.Count == 0 ? 0 : commands[^1]);
            results.Add(result);
            Console.Error.WriteLine($"{screen.Name}: median {result.MedianMs} ms, p95 {result.P95Ms} ms, SQL commands {result.SqlCommandsMedian} (min {result.SqlCommandsMin}, max {result.SqlCommandsMax})");
        }
        load.Add(MachineInfo.LoadAverage());
        await Results.WriteAsync(o.Out, new RenderResult(
            Scenario: "render",
            Scale: o.Scale,
            Projects: projects,
            Account: o.Account,
            SamplesPerScreen: o.Samples,
            Screens: results,
            Note: "Request (navigation start in a new tab) to the interactive circuit's first complete render of the screen's data (its ready selector): prerender, circuit start and the page's reads. One tab at a time. SQL commands: every command the app's contexts ran meanwhile (median, min, max over the samples); background jobs may add a few to a sample.",
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
        long SqlCommandsMedian, long SqlCommandsMin, long SqlCommandsMax);

    private sealed record RenderResult(string Scenario, int Scale, int Projects, string Account, int SamplesPerScreen, IReadOnlyList<ScreenResult> Screens,
        string Note, int ErrorCount, IReadOnlyList<string> Errors, double[] LoadAverage, MachineInfo Machine, string Timestamp);
}
