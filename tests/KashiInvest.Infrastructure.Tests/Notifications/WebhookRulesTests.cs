using System.Text.Json;
using KashiInvest.Infrastructure.Notifications;

namespace KashiInvest.Infrastructure.Tests.Notifications;

public sealed class WebhookRulesTests
{
    private static readonly OutboundAlert Alert = new(42, "report-overdue", "Critical", [7], "莎车县项目进度报告逾期",
        "3个重点项目本半月未报送进度。", "/reports?unit=shache", new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc));

    private const string ExpectedMarkdown =
        "### 【严重】莎车县项目进度报告逾期\n\n> 级别：严重\n\n> 时间：2026-11-20 10:00（北京时间）\n\n3个重点项目本半月未报送进度。\n\n" +
        "[在喀什招商平台查看](https://zs.example.cn/reports?unit=shache)";

    [Fact]
    public void A_DingTalk_message_is_markdown_with_a_title_and_text_and_nothing_else()
    {
        var json = WebhookRules.RenderBody(WebhookKind.DingTalk, Alert, "https://zs.example.cn/");
        Assert.Equal(
            "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"莎车县项目进度报告逾期\",\"text\":" + JsonSerializer.Serialize(ExpectedMarkdown, Relaxed) + "}}",
            json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(["msgtype", "markdown"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["title", "text"], doc.RootElement.GetProperty("markdown").EnumerateObject().Select(p => p.Name));
        Assert.Equal(ExpectedMarkdown, doc.RootElement.GetProperty("markdown").GetProperty("text").GetString());
    }

    [Fact]
    public void A_WeCom_message_is_markdown_with_content_only()
    {
        var json = WebhookRules.RenderBody(WebhookKind.WeCom, Alert, "https://zs.example.cn");
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(["msgtype", "markdown"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("markdown", doc.RootElement.GetProperty("msgtype").GetString());
        Assert.Equal(["content"], doc.RootElement.GetProperty("markdown").EnumerateObject().Select(p => p.Name));
        Assert.Equal(ExpectedMarkdown, doc.RootElement.GetProperty("markdown").GetProperty("content").GetString());
        Assert.Contains("莎车县", json); // Chinese as is, not \u escapes
    }

    [Fact]
    public void A_long_text_is_cut_so_the_WeCom_message_stays_under_4096_bytes()
    {
        var alert = Alert with { Text = new string('项', 5000) };
        var json = WebhookRules.RenderBody(WebhookKind.WeCom, alert, "https://zs.example.cn");
        using var doc = JsonDocument.Parse(json);
        var content = doc.RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(content) < 4096);
        Assert.Contains("…", content);
    }

    [Fact]
    public void Without_a_public_base_address_the_message_has_no_link()
    {
        Assert.DoesNotContain("](", WebhookRules.RenderMarkdown(Alert, null));
        Assert.Null(WebhookRules.AbsoluteLink("https://zs.example.cn", null));
        Assert.Equal("https://zs.example.cn/app/ledger", WebhookRules.AbsoluteLink("https://zs.example.cn/app/", "ledger"));
    }

    [Theory]
    [InlineData("Info", AlertLevel.Info)]
    [InlineData("low", AlertLevel.Info)]
    [InlineData("Warning", AlertLevel.Warning)]
    [InlineData("something new", AlertLevel.Warning)]
    [InlineData("Critical", AlertLevel.Critical)]
    [InlineData("red", AlertLevel.Critical)]
    public void Severities_map_to_levels(string severity, AlertLevel level) => Assert.Equal(level, WebhookRules.LevelOf(severity));

    [Fact]
    public void The_DingTalk_signature_matches_a_vector_computed_outside_dotnet()
    {
        // Computed with Python: quote(b64encode(hmac.new(secret, f"{ts}\n{secret}", sha256).digest()), safe="").
        const string secret = "SECb7c3f0e2a9d14c6e8f5a2b1d0c9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0";
        Assert.Equal("eCf%2FU6A5%2FL7xuq1pSMvD6tNhuB2Oi%2BzdcyegZFAU1rw%3D", WebhookRules.DingTalkSign(secret, 1763863200001));
        Assert.Equal("WZwZ26xfTzeRqNXP25mBaTlQdYbTdxHfRB7zOBkSvlk%3D", WebhookRules.DingTalkSign(secret, 1763863200000));
    }

    [Fact]
    public void A_signed_DingTalk_address_gets_timestamp_and_sign_appended_and_WeCom_is_left_alone()
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1763863200001);
        const string secret = "SECb7c3f0e2a9d14c6e8f5a2b1d0c9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0";
        Assert.Equal("https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1763863200001&sign=eCf%2FU6A5%2FL7xuq1pSMvD6tNhuB2Oi%2BzdcyegZFAU1rw%3D",
            WebhookRules.RequestUrl(WebhookKind.DingTalk, "https://oapi.dingtalk.com/robot/send?access_token=t", secret, now));
        Assert.Equal("https://oapi.dingtalk.com/robot/send?access_token=t",
            WebhookRules.RequestUrl(WebhookKind.DingTalk, "https://oapi.dingtalk.com/robot/send?access_token=t", null, now));
        Assert.Equal("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
            WebhookRules.RequestUrl(WebhookKind.WeCom, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", secret, now));
    }

    [Theory]
    [InlineData("https://oapi.dingtalk.com/robot/send?access_token=x", null)]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", null)]
    [InlineData("https://OAPI.DingTalk.com/robot/send?access_token=x", null)]
    [InlineData("http://127.0.0.1:5080/hook", "Webhook.UrlNotHttps")]
    [InlineData("http://localhost/hook", "Webhook.UrlNotHttps")]
    [InlineData("https://127.0.0.1/hook", "Webhook.HostNotAllowed")]
    [InlineData("https://localhost/hook", "Webhook.HostNotAllowed")]
    [InlineData("https://[::1]/hook", "Webhook.HostNotAllowed")]
    [InlineData("https://10.0.0.5/hook", "Webhook.HostNotAllowed")]
    [InlineData("https://169.254.169.254/latest/meta-data", "Webhook.HostNotAllowed")]
    [InlineData("https://example.cn/hook", "Webhook.HostNotAllowed")]
    [InlineData("https://oapi.dingtalk.com.evil.example/robot/send", "Webhook.HostNotAllowed")]
    [InlineData("https://oapi.dingtalk.com@evil.example/robot/send", "Webhook.HostNotAllowed")]
    [InlineData("https://x@oapi.dingtalk.com/robot/send", "Webhook.HostNotAllowed")]
    [InlineData("https://oapi.dingtalk.com:8443/robot/send", "Webhook.HostNotAllowed")]
    [InlineData("http://oapi.dingtalk.com/robot/send", "Webhook.UrlNotHttps")]
    [InlineData("http://10.0.0.5/hook", "Webhook.UrlNotHttps")]
    [InlineData("ftp://example.cn/hook", "Webhook.UrlInvalid")]
    [InlineData("oapi.dingtalk.com/robot/send", "Webhook.UrlInvalid")]
    [InlineData("not a url", "Webhook.UrlInvalid")]
    public void By_default_only_https_DingTalk_and_WeCom_robot_addresses_are_accepted(string url, string? code) =>
        Assert.Equal(code, WebhookRules.CheckUrl(url)?.Code);

    [Fact]
    public void A_refused_host_names_the_allowed_hosts_and_the_list_is_a_setting()
    {
        Assert.Equal("oapi.dingtalk.com, qyapi.weixin.qq.com", Assert.Single(WebhookRules.CheckUrl("https://evil.example/x")!.Args));
        var policy = new WebhookOptions { AllowedHosts = ["robot.example.cn"] }.UrlPolicy;
        Assert.Null(policy.Check("https://robot.example.cn/send"));
        Assert.Equal("Webhook.HostNotAllowed", policy.Check("https://oapi.dingtalk.com/robot/send")?.Code);
        Assert.Equal(WebhookUrlPolicy.DefaultHosts, new WebhookOptions().UrlPolicy.Hosts.Order());
        Assert.False(new WebhookOptions().UrlPolicy.AllowLoopback);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/hook", null)]
    [InlineData("http://localhost/hook", null)]
    [InlineData("http://[::1]:5080/hook", null)]
    [InlineData("http://10.0.0.5/hook", "Webhook.UrlNotHttps")]
    [InlineData("https://10.0.0.5/hook", "Webhook.HostNotAllowed")]
    [InlineData("https://oapi.dingtalk.com/robot/send", null)]
    public void The_test_only_loopback_setting_admits_this_machine_and_nothing_else(string url, string? code) =>
        Assert.Equal(code, new WebhookOptions { AllowLoopbackForTests = true }.UrlPolicy.Check(url)?.Code);

    [Fact]
    public void A_markdown_link_in_a_project_name_reaches_the_robot_as_literal_text()
    {
        var alert = Alert with { Title = "[点我](http://evil.example)项目停滞", Text = "项目 ![x](http://evil.example/a.png) *急* _b_ `c` <img src=x>\n# 标题\n> 引用 \\ ~~d~~ |e|" };
        foreach (var kind in new[] { WebhookKind.DingTalk, WebhookKind.WeCom })
        {
            using var doc = JsonDocument.Parse(WebhookRules.RenderBody(kind, alert, "https://zs.example.cn"));
            var markdown = doc.RootElement.GetProperty("markdown").GetProperty(kind == WebhookKind.DingTalk ? "text" : "content").GetString()!;
            Assert.StartsWith("### 【严重】\\[点我\\]\\(http://evil.example\\)项目停滞\n\n", markdown);
            Assert.Contains("\n\n项目 \\!\\[x\\]\\(http://evil.example/a.png\\) \\*急\\* \\_b\\_ \\`c\\` \\<img src=x\\> \\# 标题 \\> 引用 \\\\ \\~\\~d\\~\\~ \\|e\\|\n\n", markdown);
            // The only link is the app's own.
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(markdown, @"(?<!\\)\]\("));
            Assert.EndsWith("[在喀什招商平台查看](https://zs.example.cn/reports?unit=shache)", markdown);
        }
    }

    [Theory]
    [InlineData("普通文字。", "普通文字。")]
    [InlineData("a\r\n\r\n# b", "a \\# b")]
    [InlineData("x\n> y", "x \\> y")]
    [InlineData("tab\there", "tab here")]
    [InlineData("\\[", "\\\\\\[")]
    [InlineData("{a}|b!", "\\{a\\}\\|b\\!")]
    public void Escaping_marks_every_markdown_character_and_collapses_line_breaks(string text, string escaped) =>
        Assert.Equal(escaped, WebhookRules.EscapeMarkdown(text));

    [Fact]
    public void A_link_target_cannot_close_the_link()
    {
        var markdown = WebhookRules.RenderMarkdown(Alert with { Link = "/x) [y](http://evil.example" }, "https://zs.example.cn");
        Assert.EndsWith("[在喀什招商平台查看](https://zs.example.cn/x%29%20%5By%5D%28http://evil.example)", markdown);
    }

    [Fact]
    public void An_endpoint_input_reports_every_bad_field()
    {
        var errors = WebhookEndpoint.Validate(new WebhookEndpointInput(null, WebhookKind.DingTalk, null, "http://example.cn/x", "not-a-secret", AlertLevel.Info, true));
        Assert.Equal(["UnitId:Field.Required", "Url:Webhook.UrlNotHttps", "Secret:Webhook.SecretFormat"],
            errors.Select(e => $"{e.Field}:{e.Violation.Code}"));
        Assert.Empty(WebhookEndpoint.Validate(new WebhookEndpointInput(1, WebhookKind.WeCom, "群", "https://qyapi.weixin.qq.com/x", "ignored for WeCom", AlertLevel.Info, true)));
    }

    [Fact]
    public void Every_text_of_an_endpoint_has_its_limit_and_refuses_control_characters()
    {
        var good = new WebhookEndpointInput(1, WebhookKind.DingTalk, "群", "https://oapi.dingtalk.com/robot/send?access_token=x", "SEC123", AlertLevel.Info, true);
        string Of(WebhookEndpointInput input, string field) =>
            string.Join(",", WebhookEndpoint.Validate(input).Where(e => e.Field == field).Select(e => e.Violation.Code));

        Assert.Empty(WebhookEndpoint.Validate(good with { Name = new string('群', WebhookEndpoint.NameMaxLength) }));
        Assert.Equal("Text.TooLong", Of(good with { Name = new string('群', WebhookEndpoint.NameMaxLength + 1) }, "Name"));
        Assert.Equal("Text.TooLong", Of(good with { Url = "https://oapi.dingtalk.com/" + new string('x', 200 * 1024) }, "Url"));
        Assert.Equal("Text.TooLong", Of(good with { Secret = "SEC" + new string('x', WebhookEndpoint.SecretMaxLength) }, "Secret"));
        Assert.Equal("Text.ControlCharacters", Of(good with { Name = "群\u0007" }, "Name"));
        Assert.Equal("Text.ControlCharacters", Of(good with { Secret = "SEC\u0000x" }, "Secret"));
        Assert.NotEmpty(Of(good with { Url = "https://oapi.dingtalk.com/\u0000x" }, "Url"));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(20, 6 * 3600)]
    public void Retries_back_off_exponentially_up_to_six_hours(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new BackoffSchedule(5, TimeSpan.FromSeconds(30)).DelayAfter(failures));

    [Theory]
    [InlineData(200, "{\"errcode\":0,\"errmsg\":\"ok\"}", null)]
    [InlineData(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}", "errcode 310000")]
    [InlineData(200, "{\"errcode\":\"93000\",\"errmsg\":\"x\"}", "errcode 93000")]
    [InlineData(200, "{\"errcode\":\"<script>\"}", "bad errcode")]
    [InlineData(200, "ok", "reply not JSON")]
    [InlineData(200, "{}", "no errcode")]
    [InlineData(500, "boom", "HTTP 500")]
    [InlineData(302, "", "HTTP 302")]
    [InlineData(400, "SSH-2.0-OpenSSH_9.2 internal banner", "HTTP 400")]
    public void A_reply_succeeds_only_with_2xx_and_errcode_0_and_the_log_keeps_a_short_code_without_the_reply(int status, string body, string? error) =>
        Assert.Equal(error, WebhookRules.ReplyError(status, body));

    [Fact]
    public void Settings_are_checked_at_start()
    {
        Assert.Empty(new WebhookOptions().Validate());
        var bad = new WebhookOptions { Enabled = true, MaxAttempts = 0, InitialBackoffSeconds = 0, TimeoutSeconds = 500 }.Validate();
        Assert.Equal(4, bad.Count);
        Assert.Contains(bad, e => e.Contains("PublicBaseUrl"));
        var hosts = new WebhookOptions { AllowedHosts = ["oapi.dingtalk.com", "https://evil.example/x", "10.0.0.1:80", " "] }.Validate();
        Assert.Equal(3, hosts.Count);
        Assert.All(hosts, e => Assert.Contains("AllowedHosts", e));
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
