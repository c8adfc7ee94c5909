using System.Diagnostics;

namespace KashiInvest.Benchmarks;

/// <summary>
/// Heap snapshots of this process with <c>dotnet-gcdump</c> (the tool from NuGet: <c>dotnet tool install
/// dotnet-gcdump</c>; found on PATH or at <c>KASHI_GCDUMP</c>), each with its type histogram
/// (<c>dotnet-gcdump report</c>) beside it, so two snapshots show by type what the pages opened between them hold.
/// Off unless <c>--gcdump DIR</c> is given.
/// </summary>
internal sealed class GcDumps(string? folder, string name)
{
    public async Task TakeAsync(string label)
    {
        if (folder is null) return;
        Directory.CreateDirectory(folder);
        var tool = Environment.GetEnvironmentVariable("KASHI_GCDUMP") is { Length: > 0 } t ? t : "dotnet-gcdump";
        var file = Path.Combine(folder, $"{name}-{label}.gcdump");
        await RunAsync(tool, $"collect -p {Environment.ProcessId} -o \"{file}\"", null);
        await RunAsync(tool, $"report \"{file}\"", file + ".txt");
    }

    private static async Task RunAsync(string tool, string arguments, string? output)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (output is not null) await File.WriteAllTextAsync(output, await stdout);
        if (process.ExitCode != 0) Console.Error.WriteLine($"{tool} {arguments}: exit {process.ExitCode}: {await stderr}");
    }
}
