using System.Diagnostics;
using System.Globalization;
using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Benchmarks;

/// <summary>
/// The register import at size: a county's workbook of <c>--rows</c> new projects (the template's Chinese headings,
/// every column filled as a county fills it), previewed and then imported through the app's own
/// <see cref="ProjectRegisterImport"/> on the demo database, <c>--samples</c> times (each run a fresh file of new
/// projects, so each import writes every row). Reported: the median and worst preview and import times, and the
/// process's memory high-water mark during each (working set and GC heap, sampled every 20 ms).
/// Targets (issue 19): preview under 5 s, import under 15 s for 5,000 rows.
/// </summary>
internal static class ImportScenario
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        await using var host = await BenchHost.StartAsync(o.Scale, dataDir: o.Data);
        var import = host.Services.GetRequiredService<ProjectRegisterImport>();
        var reference = await host.Services.GetRequiredService<ReferenceCache>().GetAsync();
        var factory = host.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>();
        UserScope scope;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var unit = await db.Units.SingleAsync(u => u.Code == "shache");
            scope = new UserScope("shache", unit.Name, ActorRole.AttractingUnit, unit.Id, [], []);
        }
        var sheet = await import.SheetAsync();
        var columns = sheet.ImportColumns;
        var headings = host.Services.GetRequiredService<ExcelImporter>().Headings(columns);
        var load = new List<double> { MachineInfo.LoadAverage() };
        var errors = new List<string>();
        var runs = new List<Run>();
        var baseline = MemorySample.Take();
        for (var run = 0; run < o.Samples; run++)
        {
            var bytes = XlsxWriter.Write("台账", "基准", headings, [.. columns.Select(c => c.Kind)], Rows(run, o.Rows, reference));
            using var previewPeak = new Peak();
            var watch = Stopwatch.StartNew();
            var preview = await import.PreviewAsync(scope, $"bench-{run}.xlsx", bytes);
            var previewMs = watch.Elapsed.TotalMilliseconds;
            var previewMemory = previewPeak.Stop();
            if (preview.Refusal is not null || preview.ErrorRows > 0)
            {
                errors.Add($"run {run}: preview {preview.Refusal?.Code ?? $"{preview.ErrorRows} rows with errors"} {string.Join(' ', preview.Rows.Where(r => r.HasErrors).Take(3).SelectMany(r => r.Cells.Where(c => c?.Error is not null).Select(c => c!.Error!.Code)))}");
                continue;
            }
            using var importPeak = new Peak();
            watch.Restart();
            var result = await import.ImportAsync(scope, preview);
            var importMs = watch.Elapsed.TotalMilliseconds;
            var importMemory = importPeak.Stop();
            if (result.Status != WriteStatus.Saved) errors.Add($"run {run}: import {result.Status}");
            runs.Add(new Run(run, bytes.Length, preview.Rows.Count, preview.Count(ImportOutcome.New), Results.Round(previewMs, 1), Results.Round(importMs, 1),
                previewMemory.WorkingSetMb, previewMemory.GcHeapMb, importMemory.WorkingSetMb, importMemory.GcHeapMb));
            Console.Error.WriteLine($"run {run}: {o.Rows} rows ({bytes.Length / 1024} KB), preview {previewMs:F0} ms (peak {previewMemory.WorkingSetMb:F0} MB), import {importMs:F0} ms (peak {importMemory.WorkingSetMb:F0} MB), load {MachineInfo.LoadAverage():F1}");
            load.Add(MachineInfo.LoadAverage());
        }
        var previews = runs.Select(r => r.PreviewMs).Order().ToList();
        var imports = runs.Select(r => r.ImportMs).Order().ToList();
        await Results.WriteAsync(o.Out, new ImportResult(
            Scenario: "import",
            Scale: o.Scale,
            Rows: o.Rows,
            Samples: o.Samples,
            PreviewMedianMs: Results.Round(Results.Percentile(previews, 50), 1),
            PreviewMaxMs: previews.Count == 0 ? 0 : previews[^1],
            ImportMedianMs: Results.Round(Results.Percentile(imports, 50), 1),
            ImportMaxMs: imports.Count == 0 ? 0 : imports[^1],
            PreviewTargetMs: 5_000,
            ImportTargetMs: 15_000,
            BaselineWorkingSetMb: Results.Round(baseline.WorkingSetMb, 1),
            BaselineGcHeapMb: Results.Round(baseline.GcHeapMb, 1),
            Runs: runs,
            Note: "A county's register workbook of new projects (all columns filled), previewed then imported in-process through ProjectRegisterImport on the demo SQLite database; each run a new file, so every row is written. Memory: the process's high-water working set and GC heap during the step (sampled every 20 ms), beside the baseline after a full collection.",
            ErrorCount: errors.Count,
            Errors: [.. errors.Take(20)],
            LoadAverage: [.. load.Select(l => Results.Round(l))],
            Machine: MachineInfo.Current,
            Timestamp: DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
        return errors.Count == 0 ? 0 : 1;
    }

    /// <summary>Rows in the template's column order: code, name, host, chain, investor, credit code, region, stage, investment, jobs, start, completion, leaders.</summary>
    private static IEnumerable<object?[]> Rows(int run, int count, ReferenceCache.Snapshot reference)
    {
        var chains = reference.Chains;
        for (var i = 0; i < count; i++)
        {
            yield return [null, $"基准导入{run}-{i:D5}号项目", null, chains[i % chains.Count].Name, $"基准导入{run}-{i:D5}号企业有限公司", null, "珠三角", "线索",
                1000m + i, 10 + i % 500, new DateOnly(2027, 1 + i % 12, 1), new DateOnly(2028, 1 + i % 12, 28), "王某", "李某"];
        }
    }

    /// <summary>The process's highest working set and GC heap while a step runs.</summary>
    private sealed class Peak : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampler;
        private long _workingSet;
        private long _heap;

        public Peak() => _sampler = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                _workingSet = Math.Max(_workingSet, process.WorkingSet64);
                _heap = Math.Max(_heap, GC.GetTotalMemory(false));
                try { await Task.Delay(20, _stop.Token); } catch (OperationCanceledException) { }
            }
        });

        public MemorySample Stop()
        {
            _stop.Cancel();
            _sampler.Wait();
            return new MemorySample(Results.Round(_workingSet / 1048576.0, 1), Results.Round(_heap / 1048576.0, 1));
        }

        public void Dispose() => _stop.Dispose();
    }

    private sealed record Run(int Index, int FileBytes, int Rows, int New, double PreviewMs, double ImportMs,
        double PreviewPeakWorkingSetMb, double PreviewPeakGcHeapMb, double ImportPeakWorkingSetMb, double ImportPeakGcHeapMb);

    private sealed record ImportResult(string Scenario, int Scale, int Rows, int Samples, double PreviewMedianMs, double PreviewMaxMs,
        double ImportMedianMs, double ImportMaxMs, int PreviewTargetMs, int ImportTargetMs, double BaselineWorkingSetMb, double BaselineGcHeapMb,
        IReadOnlyList<Run> Runs, string Note, int ErrorCount, IReadOnlyList<string> Errors, double[] LoadAverage, MachineInfo Machine, string Timestamp);
}
