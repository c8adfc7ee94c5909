using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KashiInvest.Benchmarks;

/// <summary>
/// Cold start: the app's Release build (<c>KashiInvest.Web/bin/Release</c>, built by <c>benchmarks/run.sh</c>) started as
/// its own process, as in production (<c>Production</c> environment, no demo data) on an existing SQLite database
/// (filled once beforehand with demo data at <c>--scale</c>, migrations already applied); the time from the process
/// start until <c>GET /account/login</c> answers 200. Each sample is a new process, stopped after it answered.
/// </summary>
internal static class ColdStartScenario
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(BenchOptions o)
    {
        var web = FindWebBuild();
        var dataDir = o.Data ?? Path.Combine(Path.GetTempPath(), "kashi-bench", "cold-" + Guid.NewGuid().ToString("N"));
        // Creates the database (migrations, demo data) once, or finds it there; kept for the starts that follow.
        await (await BenchHost.StartAsync(o.Scale, dataDir: dataDir)).DisposeAsync();
        var errors = new List<string>();
        var times = new List<double>();
        var load = new List<double> { MachineInfo.LoadAverage() };
        try
        {
            for (var i = 0; i < o.Samples; i++)
            {
                try
                {
                    var ms = await StartOnceAsync(web, dataDir);
                    times.Add(ms);
                    Console.Error.WriteLine($"cold start {i + 1}: {ms:F0} ms to the sign-in page");
                }
                catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException)
                {
                    errors.Add(ex.Message);
                }
            }
        }
        finally
        {
            if (o.Data is null)
            {
                try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
        load.Add(MachineInfo.LoadAverage());
        times.Sort();
        await Results.WriteAsync(o.Out, new ColdStartResult(
            Scenario: "coldstart",
            Scale: o.Scale,
            Samples: times.Count,
            MedianMs: Results.Round(Results.Percentile(times, 50), 0),
            MinMs: Results.Round(times.Count == 0 ? 0 : times[0], 0),
            MaxMs: Results.Round(times.Count == 0 ? 0 : times[^1], 0),
            TimesMs: [.. times.Select(t => Results.Round(t, 0))],
            App: web,
            Note: "Process start (dotnet KashiInvest.Web.dll, Release, Production environment, demo off) to GET /account/login answering 200, on an existing SQLite database with demo data at the given scale.",
            ErrorCount: errors.Count,
            Errors: [.. errors.Take(20)],
            LoadAverage: [.. load.Select(l => Results.Round(l))],
            Machine: MachineInfo.Current,
            Timestamp: DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
        return 0;
    }

    private static async Task<double> StartOnceAsync(string web, string dataDir)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { web, $"--urls=http://127.0.0.1:{port}", $"--Database:DataDir={dataDir}", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning" })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("the app did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"the app exited with {process.ExitCode}: {(await stderr).Trim()} {(await output).Trim()}");
                if (watch.Elapsed > Limit) throw new TimeoutException($"the sign-in page did not answer within {Limit.TotalSeconds:F0} s");
                try
                {
                    using var response = await http.GetAsync("/account/login");
                    if (response.StatusCode == HttpStatusCode.OK) return watch.Elapsed.TotalMilliseconds;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(20);
            }
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The Release build of the app in the repository this program was built from.</summary>
    private static string FindWebBuild()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "KashiInvest.sln"))) continue;
            var dll = Path.Combine(dir.FullName, "KashiInvest.Web", "bin", "Release", "net10.0", "KashiInvest.Web.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the app in Release first: {dll}");
        }
        throw new DirectoryNotFoundException("KashiInvest.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed record ColdStartResult(string Scenario, int Scale, int Samples, double MedianMs, double MinMs, double MaxMs, double[] TimesMs, string App,
        string Note, int ErrorCount, IReadOnlyList<string> Errors, double[] LoadAverage, MachineInfo Machine, string Timestamp);
}
