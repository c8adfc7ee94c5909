using System.Diagnostics;
using System.Globalization;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Benchmarks;

/// <summary>
/// Server memory per Blazor circuit: real headless-Chromium pages signed in as <c>leader</c>, each on a project
/// page, opened in three batches (N/4, N/2, N); after each batch, once every circuit is up and the pages show their
/// project, full GCs and a memory sample. Per-circuit cost = the growth over the baseline divided by the pages open.
/// The baseline is one signed-in page that has already shown a project page once (first-use costs excluded).
/// </summary>
internal static class CircuitsScenario
{
    private static readonly TimeSpan CircuitTimeout = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(BenchOptions o)
    {
        var errors = new List<string>();
        var counter = new CircuitCounter();
        await using var host = await BenchHost.StartAsync(o.Scale, services => services.AddSingleton<CircuitHandler>(counter));
        List<int> projectIds;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>().CreateDbContextAsync())
        {
            projectIds = await db.Projects.AsNoTracking().Where(p => p.Stage != ProjectStage.Terminated).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        }
        var random = new Random(o.Seed);

        using var playwright = await Playwright.CreateAsync();
        var executable = Environment.GetEnvironmentVariable("KASHI_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "zh-CN" });

        // Sign in through the form; the register it lands on is one circuit, part of the baseline.
        var start = await context.NewPageAsync();
        await start.GotoAsync("/account/login");
        await start.FillAsync("#username", "leader");
        await start.FillAsync("#password", DemoDataOptions.Password);
        await start.ClickAsync("[data-testid=login-submit]");
        await start.WaitForURLAsync("**/projects");
        // Warm-up: this page then shows a project page once, so that first-use costs (JIT, caches) fall in the baseline.
        await start.GotoAsync(PathFor(o, projectIds[random.Next(projectIds.Count)]));
        await start.Locator("[data-testid=project-name]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        // The register's circuit closes when its page unloads; the project page's opens.
        await counter.WaitUntilAsync(open => open == 1, CircuitTimeout);
        var baseline = MemorySample.Take();
        var loadStart = MachineInfo.LoadAverage();
        var baseCircuits = counter.Open;
        Console.Error.WriteLine($"baseline: {baseCircuits} circuit(s), heap {baseline.GcHeapMb:F1} MB, working set {baseline.WorkingSetMb:F1} MB");

        var batches = new List<Batch>();
        var pages = new List<IPage>();
        int[] sizes = [Math.Max(1, o.Pages / 4), Math.Max(2, o.Pages / 2), o.Pages];
        foreach (var size in sizes)
        {
            var watch = Stopwatch.StartNew();
            while (pages.Count < size)
            {
                var page = await context.NewPageAsync();
                var id = projectIds[random.Next(projectIds.Count)];
                try
                {
                    await page.GotoAsync(PathFor(o, id));
                }
                catch (PlaywrightException ex)
                {
                    errors.Add($"page {pages.Count} (project {id}): {ex.Message}");
                }
                pages.Add(page);
            }
            // Interactive: the server has opened a circuit for every page, and every page shows its project.
            await counter.WaitUntilAsync(open => open >= baseCircuits + pages.Count, CircuitTimeout);
            foreach (var page in pages)
            {
                try
                {
                    await page.Locator("[data-testid=project-name]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
                }
                catch (TimeoutException ex)
                {
                    errors.Add($"a page did not show its project: {ex.Message}");
                }
            }
            var sample = MemorySample.Take();
            var batch = new Batch(size, counter.Open, Results.Round(sample.GcHeapMb, 1), Results.Round(sample.WorkingSetMb, 1),
                Results.Round((sample.GcHeapMb - baseline.GcHeapMb) * 1024 / size, 1),
                Results.Round((sample.WorkingSetMb - baseline.WorkingSetMb) * 1024 / size, 1),
                Results.Round(watch.Elapsed.TotalSeconds, 1));
            batches.Add(batch);
            Console.Error.WriteLine($"{batch.Pages} pages, {batch.Circuits} circuits: heap {batch.GcHeapMb} MB, working set {batch.WorkingSetMb} MB; per circuit {batch.GcHeapPerCircuitKb} KB heap, {batch.WorkingSetPerCircuitKb} KB working set");
        }

        double[] x = [0, .. batches.Select(b => (double)b.Pages)];
        double[] heap = [baseline.GcHeapMb, .. batches.Select(b => b.GcHeapMb)];
        double[] ws = [baseline.WorkingSetMb, .. batches.Select(b => b.WorkingSetMb)];
        var result = new CircuitsResult(
            Scenario: "circuits",
            Pages: o.Pages,
            Path: o.PagePath,
            Scale: o.Scale,
            BaselineCircuits: baseCircuits,
            BaselineGcHeapMb: Results.Round(baseline.GcHeapMb, 1),
            BaselineWorkingSetMb: Results.Round(baseline.WorkingSetMb, 1),
            Batches: batches,
            GcHeapPerCircuitKbMedian: Median(batches.Select(b => b.GcHeapPerCircuitKb)),
            WorkingSetPerCircuitKbMedian: Median(batches.Select(b => b.WorkingSetPerCircuitKb)),
            GcHeapPerCircuitKbSlope: Results.Round(Slope(x, heap) * 1024, 1),
            WorkingSetPerCircuitKbSlope: Results.Round(Slope(x, ws) * 1024, 1),
            Note: "Server and the Playwright client library share this process (Chromium and the Playwright driver do not). After full compacting GCs. Per-circuit = growth over the signed-in baseline / pages open; slope = least squares over baseline and the three batches.",
            ErrorCount: errors.Count,
            Errors: [.. errors.Take(20)],
            LoadAverage: [Results.Round(loadStart), Results.Round(MachineInfo.LoadAverage())],
            Machine: MachineInfo.Current,
            Timestamp: DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        await context.CloseAsync();
        await Results.WriteAsync(o.Out, result);
        return 0;
    }

    private static string PathFor(BenchOptions o, int projectId) =>
        o.PagePath.Replace("{id}", projectId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : Results.Round((sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2, 1);
    }

    private static double Slope(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        var sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var sxx = x.Sum(a => (a - mx) * (a - mx));
        return sxx == 0 ? 0 : sxy / sxx;
    }

    private sealed record Batch(int Pages, int Circuits, double GcHeapMb, double WorkingSetMb, double GcHeapPerCircuitKb, double WorkingSetPerCircuitKb, double Seconds);

    private sealed record CircuitsResult(
        string Scenario, int Pages, string Path, int Scale, int BaselineCircuits, double BaselineGcHeapMb, double BaselineWorkingSetMb,
        IReadOnlyList<Batch> Batches, double GcHeapPerCircuitKbMedian, double WorkingSetPerCircuitKbMedian,
        double GcHeapPerCircuitKbSlope, double WorkingSetPerCircuitKbSlope, string Note,
        int ErrorCount, IReadOnlyList<string> Errors, double[] LoadAverage, MachineInfo Machine, string Timestamp);
}

/// <summary>Counts the server's open Blazor circuits.</summary>
internal sealed class CircuitCounter : CircuitHandler
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }

    public async Task WaitUntilAsync(Func<int, bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition(Open))
        {
            if (watch.Elapsed > timeout) throw new TimeoutException($"{Open} circuits open after {timeout.TotalSeconds:F0} s: not the number waited for");
            await Task.Delay(50);
        }
    }
}
