using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Notifications;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Notifications;

/// <summary>The robot-webhook admin: the form explains bad input next to its field, writes are audited and versioned.</summary>
public sealed class WebhookAdminTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private WebhookCommands Commands => new(database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>(),
        database.Services.GetRequiredService<WebhookDeliverer>(), database.Services.GetRequiredService<IOptions<WebhookOptions>>(), TestClock.Default,
        Microsoft.Extensions.Logging.Abstractions.NullLogger<WebhookCommands>.Instance);

    private Task<int> EndpointCountAsync() => database.QueryAsync(db => db.WebhookEndpoints.CountAsync());

    [Theory]
    [InlineData("zh-CN", "此项为必填项。", "必须使用 https 地址。", "加签密钥应以 SEC 开头。")]
    [InlineData("en", "This field is required.", "The address must use https.", "The signing secret starts with SEC.")]
    public async Task The_form_says_what_is_wrong_under_each_field_and_saves_nothing(string culture, string required, string notHttps, string secretFormat)
    {
        using var _ = new UiCulture(culture);
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.AddNotificationsFeature();
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(database.ScopeOfAsync("bureau", ActorRole.Bureau).GetAwaiter().GetResult()));
        var root = context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
        });
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        var reference = await database.Services.GetRequiredService<ReferenceCache>().GetAsync();
        var before = await EndpointCountAsync();

        await root.InvokeAsync(() => dialogs.ShowAsync<WebhookEndpointDialog>("添加", new DialogParameters<WebhookEndpointDialog> { { d => d.Units, reference.Units } }));
        root.WaitForElement("[data-testid=dialog-submit]").Click();
        root.WaitForAssertion(() => Assert.Contains(required, Control(root, "field-url").TextContent, StringComparison.Ordinal));
        Assert.Contains(required, Control(root, "field-unit").TextContent, StringComparison.Ordinal);

        root.Find("[data-testid=field-url] input, input[data-testid=field-url]").Change("http://oapi.dingtalk.com/robot/send?access_token=x");
        root.Find("[data-testid=field-secret] input, input[data-testid=field-secret]").Change("abc");
        root.Find("[data-testid=dialog-submit]").Click();
        root.WaitForAssertion(() => Assert.Contains(notHttps, Control(root, "field-url").TextContent, StringComparison.Ordinal));
        Assert.Contains(secretFormat, Control(root, "field-secret").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(root.FindAll("[data-testid=dialog-submit]")); // still open, input kept
        Assert.Equal("http://oapi.dingtalk.com/robot/send?access_token=x", root.Find("[data-testid=field-url] input, input[data-testid=field-url]").GetAttribute("value"));
        Assert.Equal(before, await EndpointCountAsync());
    }

    [Theory]
    [InlineData("zh-CN", "https://10.0.0.5/hook", "只能填写钉钉或企业微信机器人的地址（允许的主机：oapi.dingtalk.com, qyapi.weixin.qq.com）。")]
    [InlineData("en", "https://169.254.169.254/latest/meta-data", "Only a DingTalk or WeCom robot address can be used (allowed hosts: oapi.dingtalk.com, qyapi.weixin.qq.com).")]
    [InlineData("en", "http://127.0.0.1:8080/hook", "The address must use https.")]
    [InlineData("en", "https://evil.example/robot/send", "Only a DingTalk or WeCom robot address can be used (allowed hosts: oapi.dingtalk.com, qyapi.weixin.qq.com).")]
    public async Task An_address_off_the_robot_hosts_is_refused_next_to_the_field_and_saves_nothing(string culture, string url, string message)
    {
        using var _ = new UiCulture(culture);
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.AddNotificationsFeature();
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(bureau));
        var root = context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
        });
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        var reference = await database.Services.GetRequiredService<ReferenceCache>().GetAsync();
        var before = await EndpointCountAsync();
        var initial = new WebhookEndpointInput(bureau.UnitId, WebhookKind.WeCom, "内网", url, null, AlertLevel.Info, true);

        await root.InvokeAsync(() => dialogs.ShowAsync<WebhookEndpointDialog>("添加", new DialogParameters<WebhookEndpointDialog> { { d => d.Units, reference.Units }, { d => d.Initial, initial } }));
        root.WaitForElement("[data-testid=dialog-submit]").Click();

        root.WaitForAssertion(() => Assert.Contains(message, Control(root, "field-url").TextContent, StringComparison.Ordinal));
        Assert.Equal(before, await EndpointCountAsync());
        // And the command refuses it by itself (a script posting past the form).
        var saved = await Commands.SaveAsync(bureau, null, 0, initial);
        Assert.Equal(WriteStatus.Invalid, saved.Status);
        Assert.Equal("Url", Assert.Single(saved.Errors!).Field);
        Assert.Equal(before, await EndpointCountAsync());
    }

    private static AngleSharp.Dom.IElement Control(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> root, string testId) =>
        root.Find($"[data-testid={testId}]").Closest(".mud-input-control")!;

    [Fact]
    public async Task An_edit_from_a_stale_version_is_refused_as_a_conflict_and_each_saved_change_is_audited()
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var unit = bureau.UnitId!.Value;
        var input = new WebhookEndpointInput(unit, WebhookKind.WeCom, "测试群", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=t1", null, AlertLevel.Info, true);
        var added = await Commands.SaveAsync(bureau, null, 0, input);
        Assert.Equal(WriteStatus.Saved, added.Status);
        var id = added.Id!.Value;

        Assert.Equal(WriteStatus.Saved, (await Commands.SaveAsync(bureau, id, 0, input with { Name = "测试群（改）" })).Status);
        // A second editor who read version 0 too:
        Assert.Equal(WriteStatus.Conflict, (await Commands.SaveAsync(bureau, id, 0, input with { MinimumLevel = AlertLevel.Critical })).Status);
        Assert.Equal(WriteStatus.Conflict, (await Commands.SetEnabledAsync(bureau, id, 0, false)).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.SetEnabledAsync(bureau, id, 1, false)).Status);

        var stored = await database.QueryAsync(db => db.WebhookEndpoints.SingleAsync(e => e.Id == id));
        Assert.Equal(("测试群（改）", AlertLevel.Info, false, 2), (stored.Name, stored.MinimumLevel, stored.Enabled, stored.Version));
        var audit = await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(WebhookEndpoint) && a.EntityId == id.ToString())
            .OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(3, audit.Count);
        Assert.All(audit, a => Assert.Equal("bureau", a.UserName));
        Assert.Contains("测试群（改）", audit[1].After);
    }

    [Fact]
    public async Task Only_the_administrator_and_the_Bureau_manage_webhooks_and_a_test_message_needs_webhooks_on()
    {
        var county = await database.ScopeOfAsync("shache");
        var input = new WebhookEndpointInput(county.UnitId, WebhookKind.WeCom, null, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=t2", null, AlertLevel.Info, true);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.SaveAsync(county, null, 0, input)).Status);
        var query = new WebhookAdminQuery(database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>(), database.Services.GetRequiredService<IOptions<WebhookOptions>>());
        Assert.Empty(await query.EndpointsAsync(county));
        Assert.Empty(await query.DeliveriesAsync(county, new DeliveryFilter()));

        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var id = (await Commands.SaveAsync(bureau, null, 0, input)).Id!.Value;
        var deliveries = await database.QueryAsync(db => db.WebhookDeliveries.CountAsync());
        var test = await Commands.SendTestAsync(bureau, id, "http://127.0.0.1/");
        Assert.Equal((WriteStatus.Invalid, "Disabled"), (test.Status, test.Error)); // off by default: nothing recorded, nothing sent
        Assert.Equal(deliveries, await database.QueryAsync(db => db.WebhookDeliveries.CountAsync()));
    }

    [Fact]
    public async Task A_test_message_goes_to_the_robot_at_once_and_a_failed_one_is_not_retried()
    {
        var replies = new Queue<string>(["{\"errcode\":0,\"errmsg\":\"ok\"}", "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"]);
        var bodies = new List<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        await using var robot = builder.Build();
        robot.MapPost("/send", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (bodies) bodies.Add(body);
            await ctx.Response.WriteAsync(replies.Dequeue());
        });
        await robot.StartAsync();
        var address = robot.Urls.First();

        // The stand-in robot is on 127.0.0.1: the test-only loopback exception is on.
        var on = Options.Create(new WebhookOptions { Enabled = true, PublicBaseUrl = "https://zs.example.cn", AllowLoopbackForTests = true });
        var factory = database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>();
        var deliverer = new WebhookDeliverer(factory, new LoopbackClients(), on, TestClock.Default,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<WebhookDeliverer>.Instance);
        var commands = new WebhookCommands(factory, deliverer, on, TestClock.Default, Microsoft.Extensions.Logging.Abstractions.NullLogger<WebhookCommands>.Instance);
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var id = (await commands.SaveAsync(bureau, null, 0, new WebhookEndpointInput(bureau.UnitId, WebhookKind.WeCom, "本机测试", address + "/send?key=t3", null, AlertLevel.Info, true))).Id!.Value;

        var ok = await commands.SendTestAsync(bureau, id, "http://127.0.0.1/");
        Assert.Equal((WriteStatus.Saved, DeliveryStatus.Delivered), (ok.Status, ok.Delivery));
        Assert.Contains("测试消息", Assert.Single(bodies));
        Assert.Contains("https://zs.example.cn/admin/webhooks", bodies[0]);

        var failed = await commands.SendTestAsync(bureau, id, "http://127.0.0.1/");
        Assert.Equal((WriteStatus.Saved, DeliveryStatus.GaveUp, (string?)null), (failed.Status, failed.Delivery, failed.Error));
        var log = await database.QueryAsync(db => db.WebhookDeliveries.Where(d => d.EndpointId == id).OrderBy(d => d.Id).ToListAsync());
        Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.GaveUp], log.Select(d => d.Status));
        Assert.All(log, d => Assert.True(d.IsTest));
        Assert.Null(log[1].NextAttemptAtUtc); // no retry left behind
        Assert.Equal((200, "errcode 93000"), (log[1].LastHttpStatus, log[1].LastError)); // a short code, not the robot's words
        Assert.Equal(0, await deliverer.DeliverDueAsync());
        Assert.Equal(2, bodies.Count);
    }

    [Fact]
    public async Task A_failed_test_message_shows_the_user_a_generic_failure_and_no_part_of_the_reply()
    {
        const string banner = "SSH-2.0-OpenSSH_9.2p1 intranet-db-01";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        await using var robot = builder.Build();
        robot.MapPost("/send", async (HttpContext ctx) =>
        {
            ctx.Response.StatusCode = 502;
            await ctx.Response.WriteAsync(banner);
        });
        await robot.StartAsync();
        var on = Options.Create(new WebhookOptions { Enabled = true, PublicBaseUrl = "https://zs.example.cn", AllowLoopbackForTests = true });
        var factory = database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>();
        var deliverer = new WebhookDeliverer(factory, new LoopbackClients(), on, TestClock.Default,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<WebhookDeliverer>.Instance);
        var commands = new WebhookCommands(factory, deliverer, on, TestClock.Default, Microsoft.Extensions.Logging.Abstractions.NullLogger<WebhookCommands>.Instance);
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var id = (await commands.SaveAsync(bureau, null, 0, new WebhookEndpointInput(bureau.UnitId, WebhookKind.WeCom, "扫描", robot.Urls.First() + "/send?key=t4", null, AlertLevel.Info, true))).Id!.Value;

        var failed = await commands.SendTestAsync(bureau, id, "http://127.0.0.1/");

        Assert.Equal((WriteStatus.Saved, DeliveryStatus.GaveUp, (string?)null), (failed.Status, failed.Delivery, failed.Error));
        var row = await database.QueryAsync(db => db.WebhookDeliveries.Where(d => d.EndpointId == id).SingleAsync());
        Assert.Equal((502, "HTTP 502"), (row.LastHttpStatus, row.LastError));
        // The page's words for a failure take no argument: nothing of the reply can be put into them.
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            using var _ = new UiCulture(culture);
            var text = KashiInvest.Web.Tests.Meetings.MinutesSamples.Localizer()["Webhooks.TestFailed"];
            Assert.False(text.ResourceNotFound);
            Assert.DoesNotContain("{0}", text.Value);
        }
    }

    private sealed class LoopbackClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(WebhookHttp.CreateHandler(allowLoopback: true));
    }
}
