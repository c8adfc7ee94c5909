using KashiInvest.Domain.Health;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Features.Wall;

namespace KashiInvest.Web.Tests.Wall;

/// <summary>Open walls share each project's card: an equal read is the pooled copy, a changed one replaces it.</summary>
public sealed class WallCardPoolTests
{
    private static WallCard Card(string name = "冷链物流园项目", decimal planned = 400m, int days = 12) => new(
        83, "KS-2026-083", name, 3, 2, ProjectStage.Landing, IsKey: false, planned, 100m,
        new HealthAssessment(HealthStatus.Stalled, [new HealthReason(HealthReasonKind.MilestoneOverdue, HealthStatus.Stalled, "MilestoneOverdue", "施工许可", "施工许可", days)]));

    [Fact]
    public void An_equal_card_read_again_is_the_pooled_copy_and_a_changed_card_replaces_it()
    {
        var pool = new WallCardPool();
        var first = pool.Share(Card());
        Assert.Same(first, pool.Share(Card()));

        var later = Card(days: 13);  // the same milestone one day later: the reason's facts differ
        Assert.Same(later, pool.Share(later));
        Assert.Same(later, pool.Share(Card(days: 13)));
        Assert.NotSame(later, pool.Share(Card(name: "冷链物流园项目（一期）", days: 13)));
        Assert.Equal(1, pool.Count);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("planned")]
    [InlineData("reason")]
    public void Any_difference_a_card_shows_makes_it_a_different_card(string field)
    {
        var other = field switch
        {
            "name" => Card(name: "另一个项目"),
            "planned" => Card(planned: 401m),
            _ => Card(days: 30),
        };
        Assert.True(WallCardPool.SameContent(Card(), Card()));
        Assert.False(WallCardPool.SameContent(Card(), other));
    }
}
