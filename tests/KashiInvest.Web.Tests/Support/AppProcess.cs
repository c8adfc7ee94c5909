using System.Diagnostics;
using System.Net;

namespace KashiInvest.Web.Tests.Support;

/// <summary>
/// The application as its own operating-system process (<c>dotnet KashiInvest.Web.dll</c> from the Web project's build
/// output, content root the Web project's folder), on 127.0.0.1 and a free port, Development with demo data, on a data
/// folder the test chooses: something a test can kill with SIGKILL and start again on the same data.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly RecentLines _output = new(200);

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote (standard output and error), for a failure message.</summary>
    public string RecentOutput
    {
        get => _output.ToString();
    }

    /// <summary>The Web project's own build output of the configuration the tests were built in.</summary>
    public static string WebAssembly
    {
        get
        {
            // tests/KashiInvest.Web.Tests/bin/<Configuration>/<framework>/
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            return Path.Combine(Repo.Root, "KashiInvest.Web", "bin", configuration, framework.Name, "KashiInvest.Web.dll");
        }
    }

    /// <summary>
    /// The app process runs on the suite's clock too, as every app under test does: libfaketime (Debian's
    /// <c>faketime</c>, which scripts/test.sh installs) starts its wall clock at <see cref="TestClock.Start"/> and lets it
    /// run on, so its demo data and deadlines are those of every other test on any day. Monotonic clocks (timers,
    /// stopwatches) stay real.
    /// </summary>
    private static void RunOnTheSuiteClock(ProcessStartInfo info)
    {
        const string library = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";
        if (!File.Exists(library)) throw new InvalidOperationException($"{library} is missing: apt-get install faketime (scripts/test.sh does).");
        info.Environment["LD_PRELOAD"] = library;
        info.Environment["FAKETIME"] = "@" + TestClock.Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["FAKETIME_DONT_FAKE_MONOTONIC"] = "1";
        info.Environment["FAKETIME_DONT_RESET"] = "1";
        info.Environment["TZ"] = "UTC";
    }

    /// <summary>Starts the application and waits (bounded) until its sign-in page answers 200.</summary>
    public static async Task<AppProcess> StartAsync(string dataDir, IReadOnlyDictionary<string, string> settings, TimeSpan startTimeout)
    {
        var dll = WebAssembly;
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build the solution first.");
        var port = ChildProcess.FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(Repo.Root, "KashiInvest.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        RunOnTheSuiteClock(info);
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--contentRoot");
        info.ArgumentList.Add(Path.Combine(Repo.Root, "KashiInvest.Web"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        info.ArgumentList.Add($"--Database:DataDir={dataDir}");
        info.ArgumentList.Add("--Demo:Enabled=true");
        info.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        foreach (var (key, value) in settings) info.ArgumentList.Add($"--{key}={value}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment.Remove("KASHI_DATA_DIR");
        info.Environment.Remove("ASPNETCORE_URLS");

        var process = new Process { StartInfo = info };
        var app = new AppProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => app._output.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app._output.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilServingAsync(startTimeout);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finally blocks in the application (Process.Kill on Linux).</summary>
    public void KillHard() => ChildProcess.Kill(_process);

    /// <summary>Polls the sign-in page until it answers 200 (a short poll for a process start, bounded).</summary>
    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The application exited with {_process.ExitCode}:{Environment.NewLine}{RecentOutput}");
            try
            {
                using var response = await http.GetAsync("/account/login");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (watch.Elapsed > timeout) throw new TimeoutException($"The application did not serve within {timeout}:{Environment.NewLine}{RecentOutput}");
            await Task.Delay(200);
        }
    }

    /// <summary>Stops the process by its id if it still runs.</summary>
    public ValueTask DisposeAsync()
    {
        ChildProcess.Stop(_process);
        return ValueTask.CompletedTask;
    }
}
