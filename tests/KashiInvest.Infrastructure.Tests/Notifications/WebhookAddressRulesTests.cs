using System.Net;
using System.Net.Sockets;
using KashiInvest.Infrastructure.Notifications;

namespace KashiInvest.Infrastructure.Tests.Notifications;

/// <summary>
/// Which addresses a robot webhook may connect to (after DNS resolution), and the connect callback that enforces it:
/// a listener on this machine gets no connection unless the test-only loopback setting is on.
/// </summary>
public sealed class WebhookAddressRulesTests
{
    [Theory]
    // IPv4: "this network", loopback, private, CGNAT, link-local, multicast, reserved, broadcast — with their edges.
    [InlineData("0.0.0.0")]
    [InlineData("0.255.255.255")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("10.0.0.0")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.0")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("192.168.255.255")]
    [InlineData("100.64.0.0")]
    [InlineData("100.127.255.255")]
    [InlineData("169.254.0.0")]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.255")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    // IPv6: unspecified, loopback, link-local, site-local, unique-local, multicast.
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("febf:ffff::1")]
    [InlineData("fec0::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("ff02::1")]
    [InlineData("ff0e::1")]
    // IPv4 inside IPv6: mapped, compatible, NAT64, 6to4.
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:192.168.1.1")]
    [InlineData("::ffff:0.0.0.0")]
    [InlineData("::127.0.0.1")]
    [InlineData("::10.0.0.1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("2002:c0a8:101::1")]
    public void Internal_addresses_are_refused(string address) =>
        Assert.True(WebhookAddressRules.IsForbidden(IPAddress.Parse(address)), address);

    [Theory]
    // Just outside each refused IPv4 range.
    [InlineData("1.0.0.1")]
    [InlineData("9.255.255.255")]
    [InlineData("11.0.0.0")]
    [InlineData("126.255.255.255")]
    [InlineData("128.0.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("192.167.255.255")]
    [InlineData("192.169.0.0")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("169.253.255.255")]
    [InlineData("169.255.0.0")]
    [InlineData("223.255.255.255")]
    [InlineData("203.119.129.1")]   // a public robot address
    // Public IPv6 and public IPv4 in its IPv6 forms.
    [InlineData("2408:4000::1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("fbff:ffff::1")]
    [InlineData("fe00::1")]
    [InlineData("::ffff:203.119.129.1")]
    [InlineData("64:ff9b::cb77:8101")]
    [InlineData("2002:cb77:8101::1")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.False(WebhookAddressRules.IsForbidden(IPAddress.Parse(address)), address);

    [Fact]
    public void Only_the_test_setting_admits_loopback_and_never_a_private_address()
    {
        Assert.False(WebhookHttp.MayConnect(IPAddress.Loopback, allowLoopback: false));
        Assert.False(WebhookHttp.MayConnect(IPAddress.IPv6Loopback, allowLoopback: false));
        Assert.True(WebhookHttp.MayConnect(IPAddress.Loopback, allowLoopback: true));
        Assert.True(WebhookHttp.MayConnect(IPAddress.Parse("::ffff:127.0.0.1"), allowLoopback: true));
        Assert.False(WebhookHttp.MayConnect(IPAddress.Parse("10.0.0.1"), allowLoopback: true));
        Assert.False(WebhookHttp.MayConnect(IPAddress.Parse("169.254.169.254"), allowLoopback: true));
        Assert.True(WebhookHttp.MayConnect(IPAddress.Parse("203.119.129.1"), allowLoopback: false));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]   // resolved by DNS first, then refused
    public async Task A_listener_on_loopback_gets_no_connection_through_the_webhook_handler(string host)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new HttpClient(WebhookHttp.CreateHandler(allowLoopback: false)) { Timeout = TimeSpan.FromSeconds(30) };

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync($"http://{host}:{port}/hook", new StringContent("{}")));

        Assert.IsType<WebhookAddressRefusedException>(ex.InnerException);
        Assert.False(listener.Pending()); // no connection was even opened
    }

    [Fact]
    public async Task With_the_test_only_loopback_setting_the_same_listener_is_reached()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new HttpClient(WebhookHttp.CreateHandler(allowLoopback: true)) { Timeout = TimeSpan.FromSeconds(30) };
        using var cts = new CancellationTokenSource();

        var post = client.PostAsync($"http://127.0.0.1:{port}/hook", new StringContent("{}"), cts.Token);
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(accepted.Connected);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);
    }

    [Fact]
    public void The_handler_follows_no_redirect_and_sends_no_cookie_or_proxy()
    {
        using var handler = WebhookHttp.CreateHandler(allowLoopback: false);
        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseCookies);
        Assert.False(handler.UseProxy);
        Assert.NotNull(handler.ConnectCallback);
    }
}
