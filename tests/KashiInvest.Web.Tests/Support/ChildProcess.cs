using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KashiInvest.Web.Tests.Support;

/// <summary>
/// What a test's own child processes (<see cref="AppProcess"/>, <see cref="LoopbackNginx"/>) share: a free loopback
/// port to start on, and stopping by their own process id (that process only, never by name).
/// </summary>
internal static class ChildProcess
{
    public static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>SIGKILL to this process only (Process.Kill on Linux), then waits for it; nothing when it has exited.</summary>
    public static void Kill(Process process)
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: false);
        process.WaitForExit(30_000);
    }

    /// <summary>Kills it if it still runs (one never started or already gone is no error) and releases it.</summary>
    public static void Stop(Process process)
    {
        try { Kill(process); } catch (InvalidOperationException) { }
        process.Dispose();
    }
}

/// <summary>The last lines a child process wrote (standard output and error), for a failure message.</summary>
internal sealed class RecentLines(int keep)
{
    private readonly Queue<string> _lines = new();

    public void Keep(string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > keep) _lines.Dequeue();
        }
    }

    public override string ToString()
    {
        lock (_lines) return string.Join(Environment.NewLine, _lines);
    }
}
