namespace KashiInvest.Web.Features.Wall;

/// <summary>
/// How many cards one kiosk screen holds at a resolution. The kiosk's type is sized to the screen (the root font is
/// a fixed share of the width or the height, whichever is smaller, never under 10 px: 16 px at 1920×1080, 32 px at
/// 3840×2160), so a 16:9 projector of any size shows the same 4 × 3 grid, scaled; a narrower screen (4:3) or one
/// where the type has reached its floor gets fewer, larger cards, and the rotation shows the rest.
/// </summary>
public readonly record struct KioskGrid(int Columns, int Rows)
{
    /// <summary>Before the browser has said its size (prerender): 4 × 3, the 1920×1080 layout.</summary>
    public static readonly KioskGrid Default = new(4, 3);

    /// <summary>Card width and height, and the header, summary and footer around the cards, in root-font units.</summary>
    private const double CardWidthRem = 26, CardHeightRem = 15, ChromeHeightRem = 19;

    public int Cards => Columns * Rows;

    /// <summary>The root font size (CSS px) the kiosk style sheet gives this viewport (see <c>wall.css</c>).</summary>
    public static double RootFontPx(int width, int height) => Math.Clamp(Math.Min(width / 120.0, height / 67.5), 10, 48);

    public static KioskGrid For(int width, int height)
    {
        if (width <= 0 || height <= 0) return Default;
        var rem = RootFontPx(width, height);
        var columns = Math.Clamp((int)(width / rem / CardWidthRem), 2, 6);
        var rows = Math.Clamp((int)((height / rem - ChromeHeightRem) / CardHeightRem), 1, 4);
        return new KioskGrid(columns, rows);
    }
}
