using AngleSharp.Html.Parser;
using KashiInvest.Domain.Health;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Features.Wall;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Meetings;
using KashiInvest.Web.Tests.Support;

namespace KashiInvest.Web.Tests.Wall;

/// <summary>
/// A wall card is one piece of HTML shared by every page that shows it: the text is encoded (names come from users),
/// equal cards are the same string instance, and a flashed card carries its generation and is not pooled.
/// </summary>
public sealed class WallCardMarkupTests
{
    private static readonly UiText Text = new(MinutesSamples.Localizer());

    private static readonly ReferenceCache.Snapshot Reference = new(
        [new UnitInfo(3, "KS", "喀什市", "Kashgar City", UnitType.County, null)],
        [new ChainInfo(2, "TX", "纺织服装", "Textiles & apparel", 1, [])]);

    private static WallCard Card(string name, params HealthReason[] reasons) => new(
        17, "KS-2026-017", name, 3, 2, ProjectStage.Construction, IsKey: true, 32_000m, 8_000m,
        new HealthAssessment(reasons.Length == 0 ? HealthStatus.OnTrack : reasons[0].Level, reasons));

    [Fact]
    public void A_card_is_encoded_html_with_the_same_hooks_as_before()
    {
        using var culture = new UiCulture("zh-CN");
        var overdue = new HealthReason(HealthReasonKind.MilestoneOverdue, HealthStatus.Stalled, "MilestoneOverdue", "施工许可", "施工许可", 12);
        var idle = new HealthReason(HealthReasonKind.NoActivity, HealthStatus.AtRisk, "NoActivity", "Construction", 20, 15);
        var html = WallCardMarkup.For(Card("<script>alert(\"x\")</script> & 纺织", overdue, idle), WallGrouping.County, Reference, Text, null, 0).Value;

        var a = new HtmlParser().ParseDocument($"<body>{html}</body>").Body!.FirstElementChild!;
        Assert.Equal("A", a.TagName);
        Assert.Equal("/projects/17/battlemap", a.GetAttribute("href"));
        Assert.Equal("wall-card health-stalled", a.GetAttribute("class"));
        Assert.Equal("Stalled", a.GetAttribute("data-health"));
        Assert.Equal("<script>alert(\"x\")</script> & 纺织", a.QuerySelector(".wall-card-name")!.TextContent);
        Assert.Empty(a.GetElementsByTagName("script"));
        Assert.Contains("纺织", html);  // Chinese is written as it is, not as character references
        Assert.NotNull(a.QuerySelector("[data-testid=wall-key]"));
        Assert.Equal("纺织服装", a.QuerySelector("[data-testid=wall-chain]")!.TextContent);
        Assert.Equal("喀什市", a.QuerySelector("[data-testid=wall-host]")!.TextContent);
        Assert.Equal(Text.Money(32_000m), a.QuerySelector(".wall-card-amount")!.TextContent);
        Assert.Equal("+1", a.QuerySelector(".wall-more")!.TextContent);
        Assert.Equal(Text.Health(overdue), a.QuerySelector(".wall-reason-text")!.TextContent);
        Assert.Equal($"{Text.Health(overdue)}\n{Text.Health(idle)}", a.QuerySelector("[data-testid=wall-reason]")!.GetAttribute("title"));
    }

    [Fact]
    public void Equal_cards_share_one_string_and_a_flashed_card_carries_its_generation_unpooled()
    {
        using var culture = new UiCulture("en");
        var name = $"Cold chain park {Guid.NewGuid():N}";
        var first = WallCardMarkup.For(Card(name), WallGrouping.Chain, Reference, Text, null, 0).Value;
        var second = WallCardMarkup.For(Card(name), WallGrouping.Chain, Reference, Text, null, 0).Value;
        Assert.Same(first, second);
        Assert.Contains("Kashgar City", first);

        var flashed = WallCardMarkup.For(Card(name), WallGrouping.Chain, Reference, Text, null, 3).Value;
        var again = WallCardMarkup.For(Card(name), WallGrouping.Chain, Reference, Text, null, 3).Value;
        Assert.Contains("kashi-flash", flashed);
        Assert.Contains("data-flash=\"3\"", flashed);
        Assert.Equal(flashed, again);
        Assert.NotSame(flashed, again);
    }
}
