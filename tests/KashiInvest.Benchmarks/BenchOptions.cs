using System.Globalization;

namespace KashiInvest.Benchmarks;

/// <summary>The command line of the benchmark program.</summary>
internal sealed record BenchOptions(string Scenario, string Out, int Subscribers, int Seconds, double Rate, int Scale, int Pages, string PagePath, int Seed, int Warmup, string? Ready, string Account, string? GcDump, int Samples, string? Data, int Instances, int Rows, int Settle)
{
    public const string Usage = """
        usage:
          live     --subscribers N --seconds S --out FILE [--rate R (writes per second, default 10)] [--warmup 2 (seconds, not measured)] [--scale 10] [--seed 42]
                   [--instances 2: one instance first, then two on one SQLite file with the Redis bus (redis-server on a free port)]
          circuits --pages N --out FILE [--path /projects/{id} | a screen name] [--ready CSS] [--account leader] [--gcdump DIR] [--scale 10] [--seed 42]
                   [--settle 0 (seconds the open pages stay idle before each sample, with a full GC every 5 s: the
                    runtime's shared buffer pools give back, after about a minute unused, what the page loads borrowed)]
          render   --out FILE [--samples 30 (loads per screen)] [--path a screen name or path (default: every screen)] [--account bureau] [--scale 1]
          coldstart --out FILE [--samples 5] [--scale 1]
          import   --out FILE [--rows 5000] [--samples 3 (preview + import runs)] [--scale 1]
        --data DIR (circuits, render): keep the SQLite folder there and use it again next time (demo data is only seeded
          into an empty database, so keep one folder per --scale); default: a fresh folder, deleted afterwards
        (screens: register, project, battlemap, wall, kiosk, pipeline, ledger, alerts, meeting-screen, statistics)
        """;

    public static BenchOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("live" or "circuits" or "render" or "coldstart" or "import")) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) return null;
            values[args[i][2..]] = args[++i];
        }
        if (!values.TryGetValue("out", out var output)) return null;
        // `dotnet run` starts the program in the project's folder (Web SDK): relative paths are the caller's, from $PWD.
        static string Full(string path) => Path.GetFullPath(path, Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd ? pwd : Environment.CurrentDirectory);
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var options = new BenchOptions(
            args[0],
            Full(output),
            Int("subscribers", 100),
            Int("seconds", 20),
            values.TryGetValue("rate", out var rate) ? double.Parse(rate, CultureInfo.InvariantCulture) : 10,
            Int("scale", args[0] is "render" or "coldstart" or "import" ? 1 : 10),
            Int("pages", 40),
            values.GetValueOrDefault("path", args[0] == "render" ? "" : "/projects/{id}"),
            Int("seed", 42),
            Int("warmup", 2),
            values.GetValueOrDefault("ready"),
            values.GetValueOrDefault("account", args[0] == "render" ? "bureau" : "leader"),
            values.TryGetValue("gcdump", out var dumps) ? Full(dumps) : null,
            Int("samples", args[0] switch { "coldstart" => 5, "import" => 3, _ => 30 }),
            values.TryGetValue("data", out var data) ? Full(data) : null,
            Int("instances", 1),
            Int("rows", 5000),
            Int("settle", 0));
        return (options.Instances is 1 || (options.Instances is 2 && options.Scenario == "live")) && options.Subscribers > 0 && options.Seconds > 0 && options.Rate > 0 && options.Pages >= 4 && options.Warmup >= 0 && options.Samples > 0 && options.Rows > 0 && options.Settle >= 0 ? options : null;
    }
}
