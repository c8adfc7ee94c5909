using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KashiInvest.Benchmarks;

/// <summary>
/// The application, built exactly as <c>Program.cs</c> builds it (<see cref="KashiApp"/>), in this process on
/// 127.0.0.1 with a fresh SQLite folder and demo data — plus only what the measurement needs (a commit clock).
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(WebApplication app, Uri baseAddress, string dataDir)
    {
        App = app;
        BaseAddress = baseAddress;
        DataDir = dataDir;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public string DataDir { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Whether disposing deletes the data folder (not when the cold-start scenario re-opens it).</summary>
    public bool KeepData { get; set; }

    /// <summary>
    /// Starts the app on <paramref name="dataDir"/> (kept afterwards) or on a fresh folder (deleted afterwards);
    /// <paramref name="settings"/> are further <c>--Key=value</c> settings (e.g. the live bus of several instances).
    /// </summary>
    public static async Task<BenchHost> StartAsync(int scale, Action<IServiceCollection>? configure = null, string? dataDir = null, IEnumerable<string>? settings = null)
    {
        var keep = dataDir is not null;
        dataDir ??= Path.Combine(Path.GetTempPath(), "kashi-bench", Guid.NewGuid().ToString("N"));
        string[] args =
        [
            $"--Database:DataDir={dataDir}",
            "--Demo:Enabled=true",
            $"--Demo:Scale={scale}",
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            // Every demo account asks for a token from 127.0.0.1 at once: lift the sign-in rate limit.
            "--RateLimits:SignIn:PermitsPerAddress=10000",
            .. settings ?? [],
        ];
        var builder = KashiApp.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(KashiApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            // Demo data (which the measurement needs) is refused outside Development: its accounts share a published password.
            EnvironmentName = Environments.Development,
        });
        // The app's CSS and scripts (and MudBlazor's) from the build output, as `dotnet run` serves them.
        builder.WebHost.UseStaticWebAssets();
        // Timestamps each commit as it happens, before the notices of the write are published; counts SQL commands.
        builder.Services.ConfigureDbContext<SqliteKashiDbContext>(o => o.AddInterceptors(CommitClock.Instance, CommandCounter.Instance), ServiceLifetime.Singleton);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        var watch = Stopwatch.StartNew();
        await app.PrepareAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.Error.WriteLine($"app ready at {address} (scale {scale}) in {watch.Elapsed.TotalSeconds:F1} s");
        return new BenchHost(app, new Uri(address), dataDir) { KeepData = keep };
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepData) return;
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// Records when the transaction of a write commits, for the writer that asked (<see cref="Start"/>). Registered
/// before the app's own interceptor, so the time is taken before the write's notices are published.
/// </summary>
internal sealed class CommitClock : DbTransactionInterceptor
{
    public static readonly CommitClock Instance = new();
    private static readonly AsyncLocal<StrongBox<long>?> Current = new();

    /// <summary>Starts timing the writes of the calling flow; the box holds the last commit's Stopwatch timestamp.</summary>
    public static StrongBox<long> Start() => Current.Value = new StrongBox<long>(0);

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stamp();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Stamp();

    private static void Stamp()
    {
        if (Current.Value is { } box) box.Value = Stopwatch.GetTimestamp();
    }
}

/// <summary>Counts the SQL commands the app's contexts run (every query, insert, update…), process-wide.</summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    public static readonly CommandCounter Instance = new();
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override InterceptionResult<System.Data.Common.DbDataReader> ReaderExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result) =>
        Count1(result);

    public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData,
        InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Count1(result));

    public override InterceptionResult<int> NonQueryExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Count1(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Count1(result));

    public override InterceptionResult<object> ScalarExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Count1(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Count1(result));

    private T Count1<T>(T result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }
}

/// <summary>Process memory after a full, compacting collection.</summary>
internal sealed record MemorySample(double WorkingSetMb, double GcHeapMb)
{
    public static MemorySample Take()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new MemorySample(process.WorkingSet64 / 1048576.0, heap / 1048576.0);
    }
}

internal sealed record MachineInfo(int Cores, string Os, string Dotnet, double MemoryGb, string GcMode)
{
    public static MachineInfo Current => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0, 1),
        System.Runtime.GCSettings.IsServerGC ? "server" : "workstation");

    /// <summary>The one-minute load average (Linux): other work on the machine competes for its cores.</summary>
    public static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : -1;
}

/// <summary>Collects the live relay's histograms (meter <c>KashiInvest.Live</c>) while the benchmark runs.</summary>
internal sealed class RelayMetrics : IDisposable
{
    private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
    private readonly List<double> _lag = [];
    private readonly List<double> _send = [];

    public RelayMetrics()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KashiInvest.Web.Live.LiveHubRelayMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            var list = instrument.Name.EndsWith(".lag", StringComparison.Ordinal) ? _lag : _send;
            lock (list) list.Add(value);
        });
        _listener.Start();
    }

    public double LagP99 => P(_lag, 99);
    public double SendP50 => P(_send, 50);
    public double SendP99 => P(_send, 99);

    public void Clear()
    {
        lock (_lag) _lag.Clear();
        lock (_send) _send.Clear();
    }

    private static double P(List<double> values, double p)
    {
        lock (values) return Results.Percentile([.. values.Order()], p);
    }

    public void Dispose() => _listener.Dispose();
}

internal static class Results
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static async Task WriteAsync<T>(string path, T result)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, Json) + Environment.NewLine);
        Console.WriteLine(JsonSerializer.Serialize(result, Json));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static double Round(double value, int digits = 2) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}
