using KashiInvest.Web.Features.Wall;

namespace KashiInvest.Web.Tests.Wall;

/// <summary>The kiosk fits its card grid to the projector: the rotation shows whatever one screen does not hold.</summary>
public sealed class KioskGridTests
{
    [Theory]
    [InlineData(1280, 720)]
    [InlineData(1366, 768)]
    [InlineData(1600, 900)]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public void Every_16_to_9_projector_shows_the_same_four_by_three_grid_scaled(int width, int height) =>
        Assert.Equal(new KioskGrid(4, 3), KioskGrid.For(width, height));

    [Fact]
    public void A_4_to_3_projector_shows_fewer_larger_cards()
    {
        var grid = KioskGrid.For(1024, 768);
        Assert.Equal(new KioskGrid(3, 3), grid);
        Assert.Equal(9, grid.Cards);
    }

    [Fact]
    public void The_type_scales_with_the_screen_and_never_falls_under_ten_pixels()
    {
        Assert.Equal(16, KioskGrid.RootFontPx(1920, 1080), 3);
        Assert.Equal(32, KioskGrid.RootFontPx(3840, 2160), 3);
        Assert.Equal(10, KioskGrid.RootFontPx(1024, 768), 3);
        Assert.Equal(KioskGrid.Default, KioskGrid.For(0, 0));
    }
}
