using System.Net;
using System.Text.RegularExpressions;
using KashiInvest.Domain.Complaints;
using KashiInvest.Domain.Investors;
using KashiInvest.Web.Features.Complaints;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Tests.Complaints;

/// <summary>
/// The public complaint window over plain HTTP, signed out: the form files a complaint and answers with a tracking
/// number and a code; the status page shows the progress only with both; a robot's honeypot and an oversized body are
/// turned away; the limits are per address and per tracking number.
/// </summary>
public sealed partial class ComplaintWindowTests(ComplaintWindowTests.Fixture fx) : IClassFixture<ComplaintWindowTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public KashiAppFactory App { get; } = new();
        public void Dispose() => App.Dispose();
    }

    private static readonly string CreditCodeA = CreditCode.Complete("91440300MA5F00001").Value;

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenInput();

    [GeneratedRegex("data-testid=\"complain-(tracking|code)\">([^<]+)<")]
    private static partial Regex FiledNumbers();

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields,
        bool expectContinue = false)
    {
        var form = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        var token = Regex.Match(TokenInput().Match(html).Value, "value=\"([^\"]+)\"").Groups[1].Value;
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = token;
        // With "Expect: 100-continue" the client waits for the server's go-ahead before it sends the body, so a refusal
        // that comes before the body is read reaches the test instead of a broken pipe.
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.ExpectContinue = expectContinue;
        return await client.SendAsync(request);
    }

    private static Dictionary<string, string> Complaint(string description, string website = "") => new()
    {
        ["Input.EnterpriseName"] = "广东粤纺印染科技股份有限公司",
        ["Input.CreditCode"] = CreditCodeA,
        ["Input.ContactName"] = "张经理",
        ["Input.Phone"] = "13809981234",
        ["Input.ProjectName"] = "",
        ["Input.Category"] = nameof(ComplaintCategory.ApprovalDelay),
        ["Input.Description"] = description,
        ["Input.Website"] = website,
    };

    [Fact]
    public async Task A_signed_out_enterprise_files_a_complaint_and_reads_its_progress_only_with_the_tracking_number_and_code()
    {
        using var client = fx.App.CreateHttpClient();
        var filed = await PostAsync(client, "/complain", "complain", Complaint("施工许可申请已超过法定时限二十天。"));
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var numbers = FiledNumbers().Matches(await filed.Content.ReadAsStringAsync()).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
        var (tracking, code) = (numbers["tracking"], numbers["code"]);
        Assert.StartsWith("TS", tracking, StringComparison.Ordinal);

        var stored = await fx.App.QueryAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.TrackingNumber == tracking));
        Assert.Equal((ComplaintStatus.Filed, "施工许可申请已超过法定时限二十天。"), (stored.Status, stored.Description));
        Assert.DoesNotContain(code, stored.CodeHash, StringComparison.Ordinal);

        var found = await PostAsync(client, "/complain/status", "lookup", new() { ["Lookup.TrackingNumber"] = tracking.ToLowerInvariant(), ["Lookup.Code"] = code });
        var page = await found.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status-progress\"", page, StringComparison.Ordinal);
        Assert.Contains(tracking, page, StringComparison.Ordinal);

        var wrong = await PostAsync(client, "/complain/status", "lookup", new() { ["Lookup.TrackingNumber"] = tracking, ["Lookup.Code"] = "WRONG234" });
        var refused = await wrong.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"status-progress\"", refused, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"status-error\"", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_that_fills_the_honeypot_files_nothing_and_a_bad_credit_code_is_said_under_its_field()
    {
        using var client = fx.App.CreateHttpClient();
        var robot = await PostAsync(client, "/complain", "complain", Complaint("机器人填写的内容", website: "http://spam.example"));
        Assert.Contains("data-testid=\"complain-error\"", await robot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await fx.App.QueryAsync(db => db.Complaints.AnyAsync(c => c.Description == "机器人填写的内容")));

        var fields = Complaint("信用代码错误的投诉");
        fields["Input.CreditCode"] = CreditCodeA[..17] + (CreditCodeA[17] == '1' ? '2' : '1');
        var bad = await (await PostAsync(client, "/complain", "complain", fields)).Content.ReadAsStringAsync();
        Assert.Contains("class=\"field-error\"", bad, StringComparison.Ordinal);
        Assert.False(await fx.App.QueryAsync(db => db.Complaints.AnyAsync(c => c.Description == "信用代码错误的投诉")));
    }

    [Fact]
    public async Task An_oversized_body_is_refused_before_it_is_read()
    {
        using var client = fx.App.CreateHttpClient();
        var response = await PostAsync(client, "/complain", "complain", Complaint(new string('长', 100 * 1024)), expectContinue: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public void Filing_is_limited_per_address_and_look_ups_per_address_and_per_tracking_number()
    {
        using var throttle = new ComplaintThrottle(Options.Create(new ComplaintRateLimits
        {
            FilingsPerAddress = 2, LookupsPerAddress = 5, LookupsPerTrackingNumber = 3, WindowSeconds = 3600,
        }));
        var a = IPAddress.Parse("10.0.0.1");
        var b = IPAddress.Parse("10.0.0.2");
        Assert.Null(throttle.TryFile(a));
        Assert.Null(throttle.TryFile(a));
        Assert.NotNull(throttle.TryFile(a));
        Assert.Null(throttle.TryFile(b));

        for (var i = 0; i < 3; i++) Assert.Null(throttle.TryLookUp(a, "TS261116ABCDE"));
        // The tracking number is limited from any address, however it is typed.
        Assert.NotNull(throttle.TryLookUp(b, " ts261116abcde "));
        Assert.Null(throttle.TryLookUp(a, "TS261116ZZZZZ"));
        Assert.Null(throttle.TryLookUp(a, "TS261116YYYYY"));
        Assert.NotNull(throttle.TryLookUp(a, "TS261116XXXXX"));
        Assert.NotEmpty(new ComplaintRateLimits { FilingsPerAddress = 0 }.Validate());
    }
}
