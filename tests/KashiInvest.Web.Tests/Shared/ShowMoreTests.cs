using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Tests.Shared;

public sealed class ShowMoreTests
{
    private static readonly int[] Ten = Enumerable.Range(1, 10).ToArray();

    [Fact]
    public void A_list_draws_its_first_step_and_the_kept_items_and_a_step_more_on_request_per_list_until_reset()
    {
        var more = new ShowMore<string>();
        Assert.Equal([1, 2, 3, 9], more.Shown("a", Ten, 3, i => i == 9));
        Assert.Equal([1, 2, 3], more.Shown("b", Ten, 3, _ => false));

        more.More("a", 3);
        Assert.Equal([1, 2, 3, 4, 5, 6, 9], more.Shown("a", Ten, 3, i => i == 9));
        Assert.Equal([1, 2, 3], more.Shown("b", Ten, 3, _ => false));

        more.More("a", 3);
        more.More("a", 3);
        Assert.Same(Ten, more.Shown("a", Ten, 3, _ => false));

        more.Reset();
        Assert.Equal([1, 2, 3], more.Shown("a", Ten, 3, _ => false));
    }
}
