using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Playwright;

namespace KashiInvest.Benchmarks;

/// <summary>
/// Server memory per Blazor circuit: real headless-Chromium pages signed in as <c>leader</c>, each on one screen
/// (<see cref="Screen"/>: a project, its battle map, the wall, the kiosk wall, the ledger, a meeting's follower screen…),
/// opened in three batches (N/4, N/2, N); after each batch, once every circuit is up and every page shows its data,
/// live, full GCs and a memory sample. Per-circuit cost = the growth over the baseline divided by the pages open.
/// The baseline is one signed-in page that has already shown the screen once (first-use costs excluded).
/// </summary>
internal static class CircuitsScenario
{
    private static readonly TimeSpan CircuitTimeout = TimeSpan.FromSeconds(300);

    public static async Task<int> RunAsync(BenchOptions o)
    {
        var errors = new List<string>();
        var counter = new CircuitCounter();
        await using var host = await BenchHost.StartAsync(o.Scale, services => services.AddSingleton<CircuitHandler>(counter), o.Data);
        var screen = Screen.For(o.PagePath, o.Ready);
        var ids = await Screen.Ids.LoadAsync(host);
        var random = new Random(o.Seed);

        var (browser, start) = await BenchBrowser.SignInAsync(host, o.Account);
        await using var _ = browser;
        var context = browser.Context;
        // Warm-up: the signed-in page then shows the screen once, so that first-use costs (JIT, caches) fall in the baseline.
        await start.GotoAsync(screen.PathFor(ids, random));
        await start.Locator(screen.Ready).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 180_000 });
        // The register's circuit closes when its page unloads; the screen's opens.
        await counter.WaitUntilAsync(open => open == 1, CircuitTimeout);
        var dumps = new GcDumps(o.GcDump, screen.Name);
        await SettleAsync(o.Settle);
        await dumps.TakeAsync("baseline");
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
                var path = screen.PathFor(ids, random);
                try
                {
                    await page.GotoAsync(path);
                }
                catch (PlaywrightException ex)
                {
                    errors.Add($"page {pages.Count} ({path}): {ex.Message}");
                }
                pages.Add(page);
            }
            // Interactive: the server has opened a circuit for every page, and every page shows its data, live.
            await counter.WaitUntilAsync(open => open >= baseCircuits + pages.Count, CircuitTimeout);
            foreach (var page in pages)
            {
                try
                {
                    await page.Locator(screen.Ready).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 180_000 });
                }
                catch (TimeoutException ex)
                {
                    errors.Add($"a page did not show {screen.Ready}: {ex.Message}");
                }
            }
            await SettleAsync(o.Settle);
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
            Screen: screen.Name,
            Path: screen.Path,
            Scale: o.Scale,
            SettleSeconds: o.Settle,
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
        await dumps.TakeAsync($"pages-{pages.Count}");
        await Results.WriteAsync(o.Out, result);
        return 0;
    }

    /// <summary>
    /// Pages left open for a while: what the loads borrowed from the runtime's shared pools (the render batches, the
    /// socket buffers) has gone back to them, and the pools trim what stays unused for about a minute. Gen 2
    /// collections drive the trimming. With --settle 0 the sample also holds what the pools kept from the loads.
    /// </summary>
    private static async Task SettleAsync(int seconds)
    {
        for (var idle = Stopwatch.StartNew(); idle.Elapsed.TotalSeconds < seconds;)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
    }

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
        string Scenario, int Pages, string Screen, string Path, int Scale, int SettleSeconds, int BaselineCircuits, double BaselineGcHeapMb, double BaselineWorkingSetMb,
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
