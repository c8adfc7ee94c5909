using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace KashiInvest.Web.Tests.Support;

/// <summary>
/// Debian's nginx in front of application instances on loopback, configured from the shipped example
/// (<c>deploy/nginx/kashiinvest.conf</c>: affinity cookie, WebSockets, next instance on failure): only the listen
/// address and the upstream servers are replaced, and one response header is added so a test can tell which
/// instance answered (<c>X-Kashi-Upstream</c>). It runs in the foreground as one process (<c>master_process off</c>)
/// as the current user, with its pid file, logs and temp folders under its own temp folder, and is stopped by its
/// process id.
/// </summary>
public sealed partial class LoopbackNginx : IAsyncDisposable
{
    public const string UpstreamHeader = "X-Kashi-Upstream";

    private readonly Process _process;
    private readonly string _folder;
    private readonly RecentLines _output = new(50);

    private LoopbackNginx(Process process, string folder, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    /// <summary>The last lines nginx wrote (its error log and its own output), for a failure message.</summary>
    public string RecentOutput
    {
        get
        {
            var log = Path.Combine(_folder, "error.log");
            var tail = File.Exists(log) ? string.Join(Environment.NewLine, File.ReadLines(log).TakeLast(40)) : string.Empty;
            return _output + Environment.NewLine + tail;
        }
    }

    /// <summary>The example configuration with this machine's port and instances: what the test runs.</summary>
    public static string Configure(string example, int port, IReadOnlyList<Uri> instances)
    {
        var servers = ServerLine().Matches(example);
        if (servers.Count != instances.Count) throw new InvalidOperationException($"the example names {servers.Count} instances, the test runs {instances.Count}");
        var index = 0;
        var config = ServerLine().Replace(example, m => $"server 127.0.0.1:{instances[index++].Port} ");
        config = Replace(config, ListenLine(), $"listen 127.0.0.1:{port};");
        // Which instance answered: for the test only (affinity cookies are chosen by it).
        config = Replace(config, ProxyPassLine(), $"proxy_pass http://kashiinvest;\n        add_header {UpstreamHeader} $upstream_addr always;");
        return config;
    }

    public static async Task<LoopbackNginx> StartAsync(IReadOnlyList<Uri> instances, TimeSpan startTimeout)
    {
        var executable = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var folder = Path.Combine(Path.GetTempPath(), "kashi-nginx", Guid.NewGuid().ToString("N"));
        foreach (var sub in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" }) Directory.CreateDirectory(Path.Combine(folder, sub));
        var port = ChildProcess.FreeLoopbackPort();
        var example = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "deploy", "nginx", "kashiinvest.conf"));
        await File.WriteAllTextAsync(Path.Combine(folder, "kashiinvest.conf"), Configure(example, port, instances));
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/kashiinvest.conf;
            }
            """);
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // nginx keeps the machine's clock (its logs and timeouts), whatever clock the test runs on.
        info.Environment.Remove("LD_PRELOAD");
        info.Environment.Remove("FAKETIME");
        foreach (var arg in new[] { "-p", folder + "/", "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log") })
            info.ArgumentList.Add(arg);
        var process = new Process { StartInfo = info };
        var nginx = new LoopbackNginx(process, folder, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => nginx._output.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => nginx._output.Keep(e.Data);
        if (!process.Start()) throw new InvalidOperationException("nginx did not start (apt-get install -y nginx).");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                process.WaitForExit();
                var exited = new InvalidOperationException($"nginx exited with {process.ExitCode}:{Environment.NewLine}{nginx.RecentOutput}");
                await nginx.DisposeAsync();
                throw exited;
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return nginx;
            }
            catch (SocketException)
            {
                if (watch.Elapsed > startTimeout)
                {
                    await nginx.DisposeAsync();
                    throw new TimeoutException("nginx did not accept connections.");
                }
                await Task.Delay(50);
            }
        }
    }

    /// <summary>
    /// An affinity cookie value (<c>kashi_node</c>) that nginx sends to <paramref name="instance"/>: values are tried
    /// until one is answered by it (nginx hashes the cookie onto the instances; about one in two fits).
    /// </summary>
    public async Task<string> AffinityCookieForAsync(Uri instance)
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var want = $"127.0.0.1:{instance.Port}";
        for (var i = 0; i < 200; i++)
        {
            var value = $"loopback{i:D3}";
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
            request.Headers.Add("Cookie", $"kashi_node={value}");
            using var response = await http.SendAsync(request);
            if (response.Headers.TryGetValues(UpstreamHeader, out var upstream) && upstream.Single() == want) return value;
        }
        throw new InvalidOperationException($"no affinity cookie led to {want}:{Environment.NewLine}{RecentOutput}");
    }

    private static string Replace(string text, Regex pattern, string replacement)
    {
        if (!pattern.IsMatch(text)) throw new InvalidOperationException($"the nginx example has no line matching {pattern}");
        return pattern.Replace(text, replacement, 1);
    }

    [GeneratedRegex(@"server 127\.0\.0\.1:\d+ ")]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"listen \d+;")]
    private static partial Regex ListenLine();

    [GeneratedRegex(@"proxy_pass http://kashiinvest;")]
    private static partial Regex ProxyPassLine();

    /// <summary>Stops nginx by its process id (one process: no workers are left behind) and removes its folder.</summary>
    public ValueTask DisposeAsync()
    {
        ChildProcess.Stop(_process);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
