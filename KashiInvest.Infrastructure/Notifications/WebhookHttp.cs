using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace KashiInvest.Infrastructure.Notifications;

/// <summary>
/// The HTTP handler robot webhooks are posted through: no redirects (a 3xx is a failed delivery), no cookies, no
/// system proxy, and a connect callback that resolves the host itself and connects only to an address
/// <see cref="WebhookAddressRules"/> allows — so a name that resolves (or is rebound) to an internal address gets no
/// connection at all.
/// </summary>
public static class WebhookHttp
{
    /// <param name="allowLoopback">Test only: also connect to loopback addresses (a stand-in robot on this machine).</param>
    public static SocketsHttpHandler CreateHandler(bool allowLoopback) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, allowLoopback, ct),
    };

    /// <summary>Whether a connection to <paramref name="address"/> is allowed.</summary>
    public static bool MayConnect(IPAddress address, bool allowLoopback) =>
        !WebhookAddressRules.IsForbidden(address) || (allowLoopback && IPAddress.IsLoopback(address));

    /// <summary>Resolves <paramref name="endPoint"/>'s host, drops every refused address and connects to the first allowed one that answers.</summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowLoopback, CancellationToken ct)
    {
        var host = endPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => MayConnect(a, allowLoopback)).ToArray();
        if (allowed.Length == 0) throw new WebhookAddressRefusedException(host);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A webhook's host resolved only to addresses it may not connect to.</summary>
public sealed class WebhookAddressRefusedException(string host)
    : IOException($"Webhook host '{host}' resolves only to addresses a webhook may not connect to.")
{
    public string Host { get; } = host;
}
