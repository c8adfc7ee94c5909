using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Notifications;

namespace KashiInvest.Infrastructure.Tests.Alerts;

/// <summary>A robot message leads to the exact item its alert is about, by an absolute address.</summary>
public sealed class AlertLinksTests
{
    [Fact]
    public void An_overdue_ledger_entry_links_to_that_entry_on_the_ledger()
    {
        Assert.Equal("/ledger?project=12&problem=345", AlertLinks.PathOf(9, 12, "problem:345"));
        Assert.Equal("/ledger?problem=345", AlertLinks.PathOf(9, null, "problem:345"));
    }

    [Fact]
    public void Another_alert_about_a_project_links_to_its_battle_map()
    {
        Assert.Equal("/projects/12/battlemap", AlertLinks.PathOf(9, 12, "2026-11-H1"));
        Assert.Equal("/projects/12/battlemap", AlertLinks.PathOf(9, 12, "problem:"));
        Assert.Equal("/projects/12/battlemap", AlertLinks.PathOf(9, 12, "problem:-4"));
    }

    [Fact]
    public void A_unit_far_behind_its_annual_targets_links_to_its_row_on_the_annual_targets_screen()
    {
        Assert.Equal("/targets/annual?year=2026&unit=7&indicator=SignedProjects",
            AlertLinks.PathOf(9, null, "2026", Domain.Alerts.AlertKind.AnnualTargetFarBehind, 7, ["2026", "SignedProjects:10.0%;OutOfRegionFunds:20.0%", "85.0%"]));
        Assert.Equal("/targets/annual?year=2026&unit=7",
            AlertLinks.PathOf(9, null, "2026", Domain.Alerts.AlertKind.AnnualTargetFarBehind, 7, ["2026", "NoSuchIndicator:1.0%", "85.0%"]));
        Assert.Equal("/alerts?state=all&alert=9",
            AlertLinks.PathOf(9, null, "2026", Domain.Alerts.AlertKind.AnnualTargetFarBehind, null, ["2026"]));
        Assert.Equal("/alerts?state=all&alert=9",
            AlertLinks.PathOf(9, null, "2026-W48", Domain.Alerts.AlertKind.WeeklyIntentionReportMissing, 7, []));
    }

    [Fact]
    public void An_alert_about_a_unit_only_links_to_the_alert_itself_even_once_cleared()
    {
        Assert.Equal("/alerts?state=all&alert=9", AlertLinks.PathOf(9, null, "2026-W48"));
    }

    [Fact]
    public void The_robot_message_carries_the_link_under_the_public_address()
    {
        var alert = new OutboundAlert(9, "ProblemOverdue", "High", [1], "问题逾期未解决", "项目用地报批逾期 5 天", AlertLinks.PathOf(9, 12, "problem:345"), new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc));

        Assert.Equal("https://zs.kashi.gov.cn/ledger?project=12&problem=345", WebhookRules.AbsoluteLink("https://zs.kashi.gov.cn/", alert.Link));
        Assert.Contains("[在喀什招商平台查看](https://zs.kashi.gov.cn/ledger?project=12&problem=345)", WebhookRules.RenderMarkdown(alert, "https://zs.kashi.gov.cn"), StringComparison.Ordinal);
        Assert.Contains("https://zs.kashi.gov.cn/ledger?project=12&problem=345", WebhookRules.RenderBody(WebhookKind.DingTalk, alert, "https://zs.kashi.gov.cn"), StringComparison.Ordinal);
    }
}
