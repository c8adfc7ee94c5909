using System.Text.Json;
using KashiInvest.Domain.Audit;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Tests.Notifications;

/// <summary>Delivery end to end against a stand-in robot on 127.0.0.1, with the clock advanced instead of waiting.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private static readonly Actor Admin = new("admin", null);
    private TestDatabase _db = default!;
    private int _unitA, _unitB;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var db = _db.CreateContext();
        db.Actor = Admin;
        var a = new Unit("shache", "莎车县", "Shache County", UnitType.County);
        var b = new Unit("zepu", "泽普县", "Zepu County", UnitType.County);
        db.Units.AddRange(a, b);
        await db.SaveChangesAsync();
        (_unitA, _unitB) = (a.Id, b.Id);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    // The stand-in robot listens on 127.0.0.1: these tests turn on the test-only loopback exception.
    private static WebhookOptions Enabled(int maxAttempts = 5) =>
        new() { Enabled = true, PublicBaseUrl = "https://zs.example.cn", MaxAttempts = maxAttempts, InitialBackoffSeconds = 30, TimeoutSeconds = 5, AllowLoopbackForTests = true };

    private static readonly WebhookUrlPolicy Loopback = new WebhookOptions { AllowLoopbackForTests = true }.UrlPolicy;

    private (WebhookAlertNotifier Notifier, WebhookDeliverer Deliverer, WebhookSignal Signal) Services(WebhookOptions settings)
    {
        var options = Options.Create(settings);
        var signal = new WebhookSignal();
        var deliverer = new WebhookDeliverer(_db.Factory, new WebhookClients(settings.AllowLoopbackForTests), options, _db.Clock, NullLogger<WebhookDeliverer>.Instance);
        var notifier = new WebhookAlertNotifier(_db.Factory, options, signal, _db.Clock, NullLogger<WebhookAlertNotifier>.Instance);
        return (notifier, deliverer, signal);
    }

    private async Task<WebhookEndpoint> AddEndpointAsync(int unitId, WebhookKind kind, string url, AlertLevel minimum = AlertLevel.Info, bool enabled = true, string? secret = null)
    {
        await using var db = _db.CreateContext();
        db.Actor = Admin;
        var endpoint = new WebhookEndpoint(new(unitId, kind, "工作群", url, secret, minimum, enabled), _db.Clock.GetUtcNow().UtcDateTime, Loopback);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync();
        return endpoint;
    }

    private OutboundAlert Alert(long id, string severity = "Warning", params int[] units) =>
        new(id, "report-overdue", severity, units.Length == 0 ? [_unitA] : units, "莎车县进度报告逾期", "3个项目未报送", "/reports", _db.Clock.GetUtcNow().UtcDateTime);

    private async Task<List<WebhookDelivery>> DeliveriesAsync()
    {
        await using var db = _db.CreateContext();
        return await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    [Fact]
    public async Task An_alert_is_posted_once_to_the_units_robot_and_logged_as_delivered()
    {
        await using var robot = await RobotListener.StartAsync(RobotListener.Ok);
        await AddEndpointAsync(_unitA, WebhookKind.WeCom, robot.BaseUrl + "/cgi-bin/webhook/send?key=k1");
        var (notifier, deliverer, _) = Services(Enabled());

        await notifier.NotifyAsync(Alert(1), CancellationToken.None);
        await notifier.NotifyAsync(Alert(1), CancellationToken.None); // the same alert again records nothing new
        var pending = Assert.Single(await DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Pending, pending.Status);
        Assert.Empty(robot.Requests); // the notifier only records

        Assert.Equal(1, await deliverer.DeliverDueAsync());

        var request = Assert.Single(robot.Requests);
        Assert.Equal("/cgi-bin/webhook/send?key=k1", request.PathAndQuery);
        Assert.StartsWith("application/json", request.ContentType);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Contains("莎车县进度报告逾期", json.RootElement.GetProperty("markdown").GetProperty("content").GetString());
        Assert.Contains("https://zs.example.cn/reports", json.RootElement.GetProperty("markdown").GetProperty("content").GetString());
        var delivered = Assert.Single(await DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Delivered, 1, 200, (string?)null), (delivered.Status, delivered.Attempts, delivered.LastHttpStatus, delivered.LastError));
        Assert.Equal(_db.Clock.GetUtcNow().UtcDateTime, delivered.DeliveredAtUtc);
        Assert.Equal(0, await deliverer.DeliverDueAsync());
        Assert.Single(robot.Requests);
    }

    [Fact]
    public async Task Only_enabled_endpoints_of_the_alerts_units_at_or_below_its_level_get_it()
    {
        await using var robot = await RobotListener.StartAsync(RobotListener.Ok);
        var warning = await AddEndpointAsync(_unitA, WebhookKind.WeCom, robot.BaseUrl + "/a-warning", AlertLevel.Warning);
        await AddEndpointAsync(_unitA, WebhookKind.WeCom, robot.BaseUrl + "/a-critical", AlertLevel.Critical);
        await AddEndpointAsync(_unitA, WebhookKind.WeCom, robot.BaseUrl + "/a-disabled", enabled: false);
        await AddEndpointAsync(_unitB, WebhookKind.WeCom, robot.BaseUrl + "/b");
        var (notifier, _, _) = Services(Enabled());

        await notifier.NotifyAsync(Alert(5, "Warning", _unitA), CancellationToken.None);

        var only = Assert.Single(await DeliveriesAsync());
        Assert.Equal((warning.Id, _unitA, 5L), (only.EndpointId, only.UnitId, only.AlertId));
    }

    [Fact]
    public async Task HTTP_500_is_retried_after_the_backoff_and_then_delivered()
    {
        await using var robot = await RobotListener.StartAsync(new RobotListener.Reply(500, "oops"), RobotListener.Ok);
        await AddEndpointAsync(_unitA, WebhookKind.DingTalk, robot.BaseUrl + "/robot/send?access_token=t");
        var (notifier, deliverer, _) = Services(Enabled());
        await notifier.NotifyAsync(Alert(2), CancellationToken.None);

        await deliverer.DeliverDueAsync();
        var failed = Assert.Single(await DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Failed, 1, 500), (failed.Status, failed.Attempts, failed.LastHttpStatus));
        Assert.Equal("HTTP 500", failed.LastError); // a short code: the reply's text stays out of the log users see
        Assert.Equal(_db.Clock.GetUtcNow().UtcDateTime.AddSeconds(30), failed.NextAttemptAtUtc);

        _db.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await deliverer.DeliverDueAsync()); // not yet due
        Assert.Single(robot.Requests);

        _db.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await deliverer.DeliverDueAsync());
        var delivered = Assert.Single(await DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Delivered, 2, 200, (string?)null), (delivered.Status, delivered.Attempts, delivered.LastHttpStatus, delivered.LastError));
        Assert.Equal(2, robot.Requests.Count);
        Assert.All(robot.Requests, r => Assert.Equal(robot.Requests.First().Body, r.Body)); // the same message both times
    }

    [Fact]
    public async Task A_non_zero_errcode_is_a_failure_even_with_HTTP_200()
    {
        await using var robot = await RobotListener.StartAsync(new RobotListener.Reply(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"));
        await AddEndpointAsync(_unitA, WebhookKind.WeCom, robot.BaseUrl + "/send?key=bad");
        var (notifier, deliverer, _) = Services(Enabled());
        await notifier.NotifyAsync(Alert(3), CancellationToken.None);

        await deliverer.DeliverDueAsync();

        var failed = Assert.Single(await DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Failed, 200, "errcode 93000"), (failed.Status, failed.LastHttpStatus, failed.LastError));
    }

    [Fact]
    public async Task After_the_last_attempt_the_delivery_gives_up()
    {
        await using var robot = await RobotListener.StartAsync(new RobotListener.Reply(503, "busy"));
        await AddEndpointAsync(_unitA, WebhookKind.WeCom, robot.BaseUrl + "/send?key=k");
        var (notifier, deliverer, _) = Services(Enabled(maxAttempts: 3));
        await notifier.NotifyAsync(Alert(4), CancellationToken.None);

        await deliverer.DeliverDueAsync();          // attempt 1
        _db.Clock.Advance(TimeSpan.FromSeconds(30));
        await deliverer.DeliverDueAsync();          // attempt 2, after 30 s
        _db.Clock.Advance(TimeSpan.FromSeconds(60));
        await deliverer.DeliverDueAsync();          // attempt 3, after 60 s: the last

        var gaveUp = Assert.Single(await DeliveriesAsync());
        Assert.Equal((DeliveryStatus.GaveUp, 3, (DateTime?)null), (gaveUp.Status, gaveUp.Attempts, gaveUp.NextAttemptAtUtc));
        Assert.Equal("HTTP 503", gaveUp.LastError);
        _db.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await deliverer.DeliverDueAsync());
        Assert.Equal(3, robot.Requests.Count);
    }

    [Fact]
    public async Task A_signed_DingTalk_robot_gets_timestamp_and_sign_in_the_address()
    {
        const string secret = "SECtest-secret-0001";
        await using var robot = await RobotListener.StartAsync(RobotListener.Ok);
        await AddEndpointAsync(_unitA, WebhookKind.DingTalk, robot.BaseUrl + "/robot/send?access_token=t", secret: secret);
        var (notifier, deliverer, _) = Services(Enabled());
        await notifier.NotifyAsync(Alert(6), CancellationToken.None);

        await deliverer.DeliverDueAsync();

        var ts = _db.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var request = Assert.Single(robot.Requests);
        Assert.Equal($"/robot/send?access_token=t&timestamp={ts}&sign={WebhookRules.DingTalkSign(secret, ts)}", request.PathAndQuery);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("莎车县进度报告逾期", json.RootElement.GetProperty("markdown").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Disabled_by_default_nothing_is_written_and_nothing_is_sent()
    {
        await using var robot = await RobotListener.StartAsync(RobotListener.Ok);
        await AddEndpointAsync(_unitA, WebhookKind.WeCom, robot.BaseUrl + "/send?key=k");
        var defaults = new WebhookOptions();
        Assert.False(defaults.Enabled);
        var (notifier, deliverer, _) = Services(defaults);

        await notifier.NotifyAsync(Alert(7), CancellationToken.None);
        Assert.Equal(0, await deliverer.DeliverDueAsync());

        Assert.Empty(await DeliveriesAsync());
        Assert.Empty(robot.Requests);

        // And the application's registration hands out the do-nothing notifier.
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_db.Clock).AddSingleton(_db.Factory);
        services.AddWebhookNotifications(new ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();
        Assert.IsType<NoAlertNotifier>(provider.GetRequiredService<IAlertNotifier>());
        var enabled = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_db.Clock).AddSingleton(_db.Factory);
        enabled.AddWebhookNotifications(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Webhooks:Enabled"] = "true", ["Notifications:Webhooks:PublicBaseUrl"] = "https://zs.example.cn",
        }).Build());
        await using var enabledProvider = enabled.BuildServiceProvider();
        Assert.IsType<WebhookAlertNotifier>(enabledProvider.GetRequiredService<IAlertNotifier>());
    }

    [Fact]
    public async Task Pending_deliveries_survive_a_restart_and_go_out_when_the_service_starts()
    {
        await using var robot = await RobotListener.StartAsync(RobotListener.Ok);
        await AddEndpointAsync(_unitA, WebhookKind.WeCom, robot.BaseUrl + "/send?key=k");
        var (notifier, _, _) = Services(Enabled());
        await notifier.NotifyAsync(Alert(8), CancellationToken.None);
        Assert.Equal(DeliveryStatus.Pending, Assert.Single(await DeliveriesAsync()).Status);
        // ... the process stops here. A new one starts its delivery service:

        var (_, deliverer, signal) = Services(Enabled());
        using var service = new WebhookDeliveryService(deliverer, signal, Options.Create(Enabled()), _db.Clock, NullLogger<WebhookDeliveryService>.Instance);
        await service.StartAsync(CancellationToken.None);
        await robot.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30));
        // The service holds the sender until its round is saved; after it, nothing is left due.
        Assert.Equal(0, await deliverer.DeliverDueAsync());
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(await DeliveriesAsync()).Status);
        Assert.Single(robot.Requests);
    }

    [Fact]
    public async Task Endpoint_changes_are_audited_with_who_and_what()
    {
        var endpoint = await AddEndpointAsync(_unitA, WebhookKind.WeCom, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k");
        await using (var db = _db.CreateContext())
        {
            db.Actor = new Actor("bureau-ops", _unitB);
            var e = await db.WebhookEndpoints.SingleAsync(x => x.Id == endpoint.Id);
            e.SetEnabled(false, _db.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            Assert.Equal(1, e.Version);
        }
        await using var read = _db.CreateContext();
        var audit = await read.AuditEntries.Where(a => a.EntityType == nameof(WebhookEndpoint)).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditAction.Added, AuditAction.Modified], audit.Select(a => a.Action));
        Assert.Equal("bureau-ops", audit[1].UserName);
        Assert.Contains("\"Enabled\":true", audit[1].Before);
        Assert.Contains("\"Enabled\":false", audit[1].After);
        // The robot's token never reaches the audit log; that a URL was set does.
        Assert.DoesNotContain("key=k", audit[0].After);
        Assert.Contains("\"Url\":\"***\"", audit[0].After);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_counts_as_a_failure()
    {
        await using var target = await RobotListener.StartAsync(RobotListener.Ok);
        await using var robot = await RobotListener.StartAsync(new RobotListener.Reply(302, "", Location: target.BaseUrl + "/internal"));
        await AddEndpointAsync(_unitA, WebhookKind.WeCom, robot.BaseUrl + "/send?key=k");
        var (notifier, deliverer, _) = Services(Enabled());
        await notifier.NotifyAsync(Alert(9), CancellationToken.None);

        await deliverer.DeliverDueAsync();

        Assert.Single(robot.Requests);
        Assert.Empty(target.Requests);
        var failed = Assert.Single(await DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Failed, 302, "HTTP 302"), (failed.Status, failed.LastHttpStatus, failed.LastError));
    }

    [Fact]
    public async Task The_registered_client_follows_no_redirect()
    {
        await using var target = await RobotListener.StartAsync(RobotListener.Ok);
        await using var robot = await RobotListener.StartAsync(new RobotListener.Reply(307, "", Location: target.BaseUrl + "/internal"));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_db.Clock).AddSingleton(_db.Factory);
        services.AddWebhookNotifications(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Webhooks:AllowLoopbackForTests"] = "true",
        }).Build());
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookDeliverer.HttpClientName);

        using var response = await client.PostAsync(robot.BaseUrl + "/send", new StringContent("{}"));

        Assert.Equal(307, (int)response.StatusCode);
        Assert.Empty(target.Requests);
    }

    [Fact]
    public async Task By_default_nothing_is_posted_to_an_address_on_this_machine_even_if_one_was_saved()
    {
        await using var robot = await RobotListener.StartAsync(RobotListener.Ok);
        await AddEndpointAsync(_unitA, WebhookKind.WeCom, robot.BaseUrl + "/send?key=k"); // saved while loopback was allowed
        var defaults = Enabled();
        defaults.AllowLoopbackForTests = false;
        var (notifier, deliverer, _) = Services(defaults);
        await notifier.NotifyAsync(Alert(10), CancellationToken.None);

        await deliverer.DeliverDueAsync();

        Assert.Empty(robot.Requests);
        var refused = Assert.Single(await DeliveriesAsync());
        Assert.Equal((DeliveryStatus.GaveUp, "host not allowed"), (refused.Status, refused.LastError));
    }

    [Fact]
    public async Task An_allowed_host_name_that_resolves_to_loopback_gets_no_connection()
    {
        // "localhost" stands for a robot host whose DNS answer was rebound to an internal address: the allowed-hosts
        // list admits the name, the connect callback refuses every address it resolves to.
        await using var robot = await RobotListener.StartAsync(RobotListener.Ok);
        var port = new Uri(robot.BaseUrl).Port;
        await AddEndpointAsync(_unitA, WebhookKind.WeCom, $"http://localhost:{port}/send?key=k");
        var settings = Enabled();
        var (notifier, _, _) = Services(settings);
        var deliverer = new WebhookDeliverer(_db.Factory, new WebhookClients(allowLoopback: false), Options.Create(settings), _db.Clock, NullLogger<WebhookDeliverer>.Instance);
        await notifier.NotifyAsync(Alert(11), CancellationToken.None);

        await deliverer.DeliverDueAsync();

        Assert.Empty(robot.Requests);
        var failed = Assert.Single(await DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Failed, (int?)null, "address refused"), (failed.Status, failed.LastHttpStatus, failed.LastError));
    }

    private sealed class WebhookClients(bool allowLoopback) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(WebhookHttp.CreateHandler(allowLoopback));
    }
}
