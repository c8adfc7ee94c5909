using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>
/// Demo robot webhooks for a few units and a short delivery log, so /admin/webhooks is not empty in a demonstration.
/// The addresses are placeholders (no real token): with webhooks enabled they would fail and give up.
/// </summary>
internal static class DemoWebhooks
{
    public static async Task SeedAsync(KashiDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.WebhookEndpoints.AnyAsync(ct)) return;
        var units = await db.Units.AsNoTracking().Where(u => u.Code == ReferenceData.BureauCode || u.Code == "shache" || u.Code == ReferenceData.DevelopmentZoneCode)
            .ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        if (units.Count < 3) return;
        var bureau = new WebhookEndpoint(new(units[ReferenceData.BureauCode], WebhookKind.DingTalk, "招商局调度工作群",
            "https://oapi.dingtalk.com/robot/send?access_token=demo-bureau-token", "SECdemo0000000000000000000000000000000000000000000000000000000000", AlertLevel.Warning, true), nowUtc.AddDays(-20));
        var shache = new WebhookEndpoint(new(units["shache"], WebhookKind.WeCom, "莎车县招商专班群",
            "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=00000000-demo-0000-0000-000000000000", null, AlertLevel.Info, true), nowUtc.AddDays(-15));
        var kedz = new WebhookEndpoint(new(units[ReferenceData.DevelopmentZoneCode], WebhookKind.DingTalk, "经开区项目服务群",
            "https://oapi.dingtalk.com/robot/send?access_token=demo-kedz-token", null, AlertLevel.Critical, false), nowUtc.AddDays(-10));
        db.WebhookEndpoints.AddRange(bureau, shache, kedz);
        await db.SaveChangesAsync(ct);

        var backoff = new BackoffSchedule(5, TimeSpan.FromSeconds(30));
        WebhookDelivery Log(WebhookEndpoint e, long alertId, string title, int hoursAgo)
        {
            var alert = new OutboundAlert(alertId, "demo", "Warning", [e.UnitId], title, title, "/ledger", nowUtc.AddHours(-hoursAgo));
            return new WebhookDelivery(alertId, e, title, WebhookRules.RenderBody(e.Kind, alert, null), false, nowUtc.AddHours(-hoursAgo));
        }
        var delivered = Log(bureau, 9001, "项目进度报告逾期：3个重点项目未按时报送", 30);
        delivered.Succeeded(200, nowUtc.AddHours(-30));
        var retried = Log(shache, 9002, "问题台账：用地指标问题已逾期7天", 20);
        retried.Failed(200, "errcode 45009", nowUtc.AddHours(-20), backoff);
        retried.Succeeded(200, nowUtc.AddHours(-20).AddSeconds(30));
        var gaveUp = Log(bureau, 9003, "项目停滞预警：洽谈阶段超过60天无进展", 6);
        for (var i = 0; i < backoff.MaxAttempts; i++) gaveUp.Failed(500, "HTTP 500", nowUtc.AddHours(-6).AddMinutes(i * 5), backoff);
        db.WebhookDeliveries.AddRange(delivered, retried, gaveUp);
        await db.SaveChangesAsync(ct);
    }
}
