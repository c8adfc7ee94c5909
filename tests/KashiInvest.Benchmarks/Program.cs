using KashiInvest.Benchmarks;

// dotnet run -c Release --project tests/KashiInvest.Benchmarks -- live --subscribers N --seconds S --out FILE [--rate R] [--scale 10]
// dotnet run -c Release --project tests/KashiInvest.Benchmarks -- circuits --pages N --out FILE [--path /projects/{id}] [--scale 10]
// dotnet run -c Release --project tests/KashiInvest.Benchmarks -- render --out FILE [--scale 1] [--samples 30] [--path SCREEN]
// dotnet run -c Release --project tests/KashiInvest.Benchmarks -- coldstart --out FILE [--scale 1] [--samples 5]
// dotnet run -c Release --project tests/KashiInvest.Benchmarks -- import --out FILE [--rows 5000] [--samples 3] [--scale 1]
// See benchmarks/README.md.
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
return options.Scenario switch
{
    "live" => await LiveScenario.RunAsync(options),
    "circuits" => await CircuitsScenario.RunAsync(options),
    "render" => await RenderScenario.RunAsync(options),
    "coldstart" => await ColdStartScenario.RunAsync(options),
    "import" => await ImportScenario.RunAsync(options),
    _ => 2,
};
