using KashiInvest.Domain.Access;
using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Web.Features.Alerts;
using KashiInvest.Web.Features.Leads;
using KashiInvest.Web.Features.Notifications;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Security;

/// <summary>
/// The sweep over weekly intention reports (every field of an intention, the week, the list's size), the
/// acknowledgement of an alert (its note, ids, other units' alerts) and the robot webhooks (name, address — the
/// address policy must refuse, never throw — secret, unit, kind, level).
/// </summary>
public sealed partial class HostileInputCommandTests
{
    [Fact]
    public async Task Weekly_reports_alerts_and_webhooks_survive_generated_hostile_input() =>
        await SweepAsync("Hostile-input sweep, weekly reports, alerts and webhooks", "hostile-input-reporting.txt", 400, async sweep =>
        {
            await WeeklyAsync(sweep);
            await AlertsAsync(sweep);
            await WebhooksAsync(sweep);
        });

    // ---- The weekly intention report (Art. 19): county ----

    private async Task WeeklyAsync(HostileSweep sweep)
    {
        var county = await Database.ScopeOfAsync("zepu");
        var commands = Get<WeeklyCommands>();
        var chain = await ChainIdAsync("textiles");
        var week = ReportWeek.Containing(Today).Previous();
        var n = 0;
        IntentionModel Entry() => new() { InvestorName = $"周报安全测试企业{++n}有限公司", ChainId = chain, ProjectName = "年产5万吨棉纺项目", AmountWan = 20_000m, Jobs = 300, Stage = ContactStage.Talks, Notes = "已初步接洽" };
        Func<T, Task<Func<Task<WriteResult>>>> FileWith<T>(Action<WeeklyFormModel, T> set, ReportWeek? onWeek = null) => async v =>
        {
            var form = await commands.ReadAsync(county, onWeek ?? week);
            Assert.NotNull(form);
            form.NothingNew = false;
            form.Entries = [Entry()];
            set(form, v);
            return () => commands.FileAsync(county, form);
        };
        Func<T, Task<Func<Task<WriteResult>>>> Set<T>(Action<IntentionModel, T> set) => FileWith<T>((f, v) => set(f.Entries[0], v));
        Func<int, Task<string?>> Read(System.Linq.Expressions.Expression<Func<IntentionEntry, string?>> pick) =>
            id => Database.QueryAsync(db => db.IntentionEntries.Where(e => e.ReportId == id).OrderBy(e => e.Order).Select(pick).FirstAsync());

        const string C = "Weekly report";
        await TextAsync(sweep, C, "Entries[0].InvestorName", Domain.Investors.Investor.NameMaxLength, true, Set<string>((e, v) => e.InvestorName = v), Read(e => e.InvestorName));
        await TextAsync(sweep, C, "Entries[0].ProjectName", ProjectDetailsRules.NameMaxLength, true, Set<string>((e, v) => e.ProjectName = v), Read(e => e.ProjectName));
        await TextAsync(sweep, C, "Entries[0].Notes", WeeklyIntentionReport.TextMaxLength, false, Set<string>((e, v) => e.Notes = v), Read(e => e.Notes));
        await ValuesAsync(sweep, C, "Entries[0].CreditCode", HostileValues.CreditCodes(), Set<string>((e, v) => e.CreditCode = v));
        await ValuesAsync(sweep, C, "Entries[0].AmountWan", HostileValues.Money(), Set<decimal?>((e, v) => e.AmountWan = v));
        await ValuesAsync(sweep, C, "Entries[0].Jobs", HostileValues.Count(), Set<int?>((e, v) => e.Jobs = v));
        await ValuesAsync(sweep, C, "Entries[0].ChainId", HostileValues.MissingIds(), Set<int>((e, v) => e.ChainId = v));
        await ValuesAsync(sweep, C, "Entries[0].Stage", HostileValues.Enum<ContactStage>(), Set<ContactStage>((e, v) => e.Stage = v));
        await ValuesAsync(sweep, C, "Entries", [new Hostile<int>("1,000 intentions", 1000, Expect.Refused)],
            FileWith<int>((f, v) => f.Entries = Enumerable.Range(0, v).Select(_ => Entry()).ToList()));
        await ValuesAsync(sweep, C, "Entries", [new Hostile<int>("none, and not 'nothing new'", 0, Expect.Refused)], FileWith<int>((f, _) => f.Entries = []));
        await ValuesAsync(sweep, C, "NothingNew", [new Hostile<int>("nothing new, with an intention (the intentions are dropped)", 0, Expect.Either)], FileWith<int>((f, _) => f.NothingNew = true));
        foreach (var v in new Hostile<ReportWeek>[]
        {
            new("next week", ReportWeek.Containing(Today.AddDays(7)), Expect.Refused),
            new("the week before DateOnly.MaxValue", ReportWeek.Containing(DateOnly.MaxValue.AddDays(-7)), Expect.Refused),
            new("the first week of the calendar", default, Expect.Either),
            new("a week 100 years ago", ReportWeek.Containing(Today.AddYears(-100)), Expect.Either),
        })
        {
            var form = await commands.ReadAsync(county, v.Value);
            form!.NothingNew = false;
            form.Entries = [Entry()];
            await sweep.RunAsync(C, "Week", v.Name, v.Expect, () => commands.FileAsync(county, form));
        }
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
        await sweep.RunAsync(C, "(user)", "the Bureau files a county's report", Expect.Refused,
            () => commands.FileAsync(bureau, new WeeklyFormModel { Week = week, Entries = [Entry()] }));
    }

    // ---- Acknowledging an alert (county of the project) ----

    private async Task AlertsAsync(HostileSweep sweep)
    {
        var project = await Database.QueryAsync(db => db.Projects.Where(p => p.Stage == ProjectStage.Construction)
            .Join(db.Units, p => p.HostUnitId, u => u.Id, (p, u) => new { p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId, u.Code }).FirstAsync());
        var county = await Database.ScopeOfAsync(project.Code);
        var stranger = await Database.ScopeOfAsync(project.Code == "shache" ? "shufu" : "shache");
        var wall = new UserScope("wall", "大屏", ActorRole.Display, null, [], []);
        var commands = ActivatorUtilities.CreateInstance<AlertCommands>(Database.Services);
        var n = 0;
        async Task<(int Id, int Version)> NewAlertAsync()
        {
            var alert = await Database.QueryAsync(async db =>
            {
                db.Actor = AlertEngine.System;
                var condition = new AlertCondition(AlertKind.Stalled, project.Id, null, $"安全测试{++n}", AlertSeverity.High, "Stalled", ["40", "15", "Construction"]);
                var a = new Alert(condition, new ProjectKey(project.Id, project.HostUnitId, project.ChainId, project.SourceUnitId), TestClock.Default.UtcNow);
                db.Alerts.Add(a);
                await db.SaveChangesAsync();
                return a;
            });
            return (alert.Id, alert.Version);
        }
        Func<string, Task<Func<Task<WriteResult>>>> Acknowledge(UserScope scope) => async v =>
        {
            var (id, version) = await NewAlertAsync();
            return () => commands.AcknowledgeAsync(scope, id, version, v);
        };

        const string C = "Alert";
        await TextAsync(sweep, C, "Acknowledge.Note", Alert.NoteMaxLength, false, Acknowledge(county),
            id => Database.QueryAsync(db => db.Alerts.Where(a => a.Id == id).Select(a => a.AcknowledgeNote).SingleAsync()));
        foreach (var v in HostileValues.MissingIds())
            await sweep.RunAsync(C, "Acknowledge.AlertId", v.Name, v.Expect, () => commands.AcknowledgeAsync(county, v.Value, 1, "已知悉"));
        var (open, openVersion) = await NewAlertAsync();
        await sweep.RunAsync(C, "(user)", "another county acknowledges", Expect.Refused, () => commands.AcknowledgeAsync(stranger, open, openVersion, "越权"));
        await sweep.RunAsync(C, "(user)", "the wall acknowledges", Expect.Refused, () => commands.AcknowledgeAsync(wall, open, openVersion, "大屏"));
        Assert.Equal(WriteStatus.Saved, (await commands.AcknowledgeAsync(county, open, openVersion, "已知悉")).Status);
        var acknowledged = await Database.QueryAsync(db => db.Alerts.Where(a => a.Id == open).Select(a => a.Version).SingleAsync());
        await sweep.RunAsync(C, "(state)", "acknowledged twice", Expect.Refused, () => commands.AcknowledgeAsync(county, open, acknowledged, "再次知悉"));
    }

    // ---- Robot webhooks (Bureau) ----

    private async Task WebhooksAsync(HostileSweep sweep)
    {
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var county = await Database.ScopeOfAsync("shache");
        var unit = county.UnitId!.Value;
        var commands = ActivatorUtilities.CreateInstance<WebhookCommands>(Database.Services);
        var n = 0;
        WebhookEndpointInput Input() => new(unit, WebhookKind.DingTalk, $"莎车县招商群{++n}", $"https://oapi.dingtalk.com/robot/send?access_token=sweep{n}", null, AlertLevel.Warning, true);
        Func<T, Task<Func<Task<WriteResult>>>> Add<T>(Func<WebhookEndpointInput, T, WebhookEndpointInput> input) => v =>
        {
            var endpoint = input(Input(), v);
            return Task.FromResult(Call(() => commands.SaveAsync(bureau, null, 0, endpoint)));
        };
        Func<int, Task<string?>> Read(System.Linq.Expressions.Expression<Func<WebhookEndpoint, string?>> pick) =>
            id => Database.QueryAsync(db => db.WebhookEndpoints.Where(e => e.Id == id).Select(pick).SingleAsync());

        const string C = "Webhook";
        await TextAsync(sweep, C, "Name", WebhookEndpoint.NameMaxLength, false, Add<string>((e, v) => e with { Name = v }), Read(e => e.Name));
        var host = "https://oapi.dingtalk.com";
        await ValuesAsync(sweep, C, "Url", new Hostile<string>[]
        {
            new("javascript:", "javascript:alert(1)", Expect.Refused),
            new("plain http", "http://oapi.dingtalk.com/robot/send?access_token=x", Expect.Refused),
            new("file", "file:///etc/passwd", Expect.Refused),
            new("scheme-relative", "//oapi.dingtalk.com/robot/send", Expect.Refused),
            new("no host", "https://", Expect.Refused),
            new("not a URL", "机器人地址", Expect.Refused),
            new("loopback", "https://127.0.0.1/robot/send", Expect.Refused),
            new("loopback, decimal", "https://2130706433/robot/send", Expect.Refused),
            new("loopback, hex", "https://0x7f.0.0.1/robot/send", Expect.Refused),
            new("IPv6 loopback", "https://[::1]/robot/send", Expect.Refused),
            new("cloud metadata", "https://169.254.169.254/latest/meta-data/", Expect.Refused),
            new("private address", "https://10.0.0.8/robot/send", Expect.Refused),
            new("another host", "https://evil.example/robot/send", Expect.Refused),
            new("allowed host as user info", "https://oapi.dingtalk.com@evil.example/robot/send", Expect.Refused),
            new("user and password", "https://user:pass@oapi.dingtalk.com/robot/send", Expect.Refused),
            new("allowed host as a prefix", "https://oapi.dingtalk.com.evil.example/robot/send", Expect.Refused),
            new("allowed host in the fragment", "https://evil.example/#@oapi.dingtalk.com", Expect.Refused),
            new("another port", "https://oapi.dingtalk.com:8443/robot/send", Expect.Refused),
            new("port out of range", "https://oapi.dingtalk.com:99999/robot/send", Expect.Refused),
            new("NUL in the host", "https://oapi.dingtalk.com\u0000.evil.example/", Expect.Refused),
            new("header injection", host + "/robot/send\r\nHost: evil.example", Expect.Either),
            new("punycode look-alike", "https://xn--oapi-dingtalk-9o9a.com/robot/send", Expect.Refused),
            new("whitespace only", "   ", Expect.Refused),
            new("limit + 1", host + "/robot/send?access_token=" + new string('a', WebhookEndpoint.UrlMaxLength), Expect.Refused),
            new("200 KB", host + "/robot/send?access_token=" + new string('a', 200 * 1024), Expect.Refused),
            new("upper-case host", "https://OAPI.DINGTALK.COM/robot/send?access_token=upper", Expect.Either),
            new("trailing dot", "https://oapi.dingtalk.com./robot/send?access_token=dot", Expect.Either),
            new("full-width host", "https://ｏａｐｉ.ｄｉｎｇｔａｌｋ.ｃｏｍ/robot/send?access_token=wide", Expect.Either),
            new("script in the query", host + "/robot/send?access_token=<script>alert(1)</script>", Expect.Either),
            new("WeCom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=sweep", Expect.Either),
        }.Concat(HostileValues.OddCharacters().Select(c => new Hostile<string>(c.Name + " in the token", host + "/robot/send?access_token=" + c.Value, Expect.Either))),
            Add<string>((e, v) => e with { Url = v }));
        await ValuesAsync(sweep, C, "Secret", new Hostile<string>[]
        {
            new("not SEC…", "abc", Expect.Refused),
            new("limit + 1", "SEC" + new string('a', WebhookEndpoint.SecretMaxLength), Expect.Refused),
            new("200 KB", "SEC" + new string('a', 200 * 1024), Expect.Refused),
            new("control character", "SEC\u0000abc", Expect.Either),
            new("line break", "SEC\r\nabc", Expect.Either),
            new("script", "SEC<script>alert(1)</script>", Expect.Either),
            new("whitespace only", "   ", Expect.Either),
        }, Add<string>((e, v) => e with { Secret = v }));
        await ValuesAsync(sweep, C, "UnitId", HostileValues.MissingIds(), Add<int>((e, v) => e with { UnitId = v }));
        await ValuesAsync(sweep, C, "UnitId", [new Hostile<int>("none", 0, Expect.Refused)], Add<int>((e, _) => e with { UnitId = null }));
        await ValuesAsync(sweep, C, "Kind", HostileValues.Enum<WebhookKind>(), Add<WebhookKind>((e, v) => e with { Kind = v }));
        await ValuesAsync(sweep, C, "MinimumLevel", HostileValues.Enum<AlertLevel>(), Add<AlertLevel>((e, v) => e with { MinimumLevel = v }));
        foreach (var v in HostileValues.MissingIds())
        {
            await sweep.RunAsync(C, "Save.Id", v.Name, v.Expect, () => commands.SaveAsync(bureau, v.Value, 1, Input()));
            await sweep.RunAsync(C, "SetEnabled.Id", v.Name, v.Expect, () => commands.SetEnabledAsync(bureau, v.Value, 1, false));
        }
        await sweep.RunAsync(C, "(user)", "a county adds a robot", Expect.Refused, () => commands.SaveAsync(county, null, 0, Input()));
        var saved = await commands.SaveAsync(bureau, null, 0, Input());
        Assert.Equal(WriteStatus.Saved, saved.Status);
        var version = await Database.QueryAsync(db => db.WebhookEndpoints.Where(e => e.Id == saved.Id).Select(e => e.Version).SingleAsync());
        await sweep.RunAsync(C, "(state)", "enabling an enabled robot", Expect.Refused, () => commands.SetEnabledAsync(bureau, saved.Id!.Value, version, true));
        await sweep.RunAsync(C, "(user)", "a county disables a robot", Expect.Refused, () => commands.SetEnabledAsync(county, saved.Id!.Value, version, false));
        await sweep.RunAsync(C, "Update.Url", "another host", Expect.Refused,
            () => commands.SaveAsync(bureau, saved.Id, version, Input() with { Url = "https://evil.example/robot/send" }));
    }
}
