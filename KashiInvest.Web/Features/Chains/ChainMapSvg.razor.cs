using KashiInvest.Domain.Chains;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Chains;

public partial class ChainMapSvg
{
    private const int BoxWidth = 280;
    private const int Top = 44;
    private const int Margin = 20;
    // Between two columns of one segment, and between segments (where the flows run).
    private const int SubColumnGap = 30;
    private const int SegmentGap = 60;
    private readonly Dictionary<int, (int X, int Y)> _boxes = [];
    private readonly Dictionary<ChainSegment, (int X, int Columns)> _segments = [];
    private int _width;
    private int _height;

    [Parameter, EditorRequired] public ChainMapView Map { get; set; } = default!;
    [Parameter] public int? Selected { get; set; }
    [Parameter] public bool Kiosk { get; set; }
    [Parameter] public EventCallback<int> OnSelect { get; set; }

    [Inject] private IOptions<ChainMapOptions> Options { get; set; } = default!;

    private int BoxHeight => Kiosk ? 66 : 50;
    private int Step => BoxHeight + (Kiosk ? 12 : 8);
    private int Width => _width;

    // The label's font size in the map's own units (the SVG's CSS font size, which scales with it).
    private int FontSize => Kiosk ? 24 : 18;
    private int TextX => Kiosk ? 40 : 30;

    /// <summary>A symbol per status, so that the map reads without colour.</summary>
    public static string Symbol(LinkStrength status) => status switch
    {
        LinkStrength.Strong => "●",
        LinkStrength.Weak => "◐",
        LinkStrength.Short => "◔",
        _ => "✕",
    };

    /// <summary>
    /// Lays the links out: a column per segment, read top to bottom. On the projector a segment with more links than
    /// <see cref="ChainMapOptions.KioskRowsPerColumn"/> takes several columns side by side, so a long chain (40 links)
    /// stays one screen high at a size readable from the back of the room; on a desk screen the page scrolls instead.
    /// </summary>
    protected override void OnParametersSet()
    {
        _boxes.Clear();
        _segments.Clear();
        var perColumn = Kiosk ? Options.Value.KioskRowsPerColumn : int.MaxValue;
        var rows = 0;
        var x = Margin;
        foreach (var segment in Enum.GetValues<ChainSegment>())
        {
            var links = Map.Chain.LinksIn(segment).ToList();
            var columns = perColumn == int.MaxValue ? 1 : Math.Max(1, (links.Count + perColumn - 1) / perColumn);
            // Columns of one segment are filled evenly (9 links in two columns: 5 and 4), top to bottom, then across.
            var height = Math.Max(1, (links.Count + columns - 1) / columns);
            for (var i = 0; i < links.Count; i++)
                _boxes[links[i].Id] = (x + i / height * (BoxWidth + SubColumnGap), Top + i % height * Step);
            _segments[segment] = (x, columns);
            rows = Math.Max(rows, links.Count == 0 ? 0 : height);
            x += columns * BoxWidth + (columns - 1) * SubColumnGap + SegmentGap;
        }
        _width = x - SegmentGap + Margin + 30; // room on the right for a bow between links of the last column
        _height = Top + Math.Max(rows, 1) * Step + 10;
    }

    private int SegmentCenter(ChainSegment segment)
    {
        var (x, columns) = _segments[segment];
        return x + (columns * BoxWidth + (columns - 1) * SubColumnGap) / 2;
    }

    /// <summary>
    /// What a screen reader says for a link: its name, its status with the goal (as drawn), and the links it supplies,
    /// which the drawn flows show only to the eye.
    /// </summary>
    private string Label(ChainLink link)
    {
        var label = $"{Localized.Pick(link.Name, link.NameEn)}: {StatusText(link)}";
        var supplies = Map.Chain.Flows.Where(f => f.FromLinkId == link.Id)
            .Select(f => Map.Chain.Links.FirstOrDefault(l => l.Id == f.ToLinkId))
            .Where(l => l is not null).Select(l => Localized.Pick(l!.Name, l.NameEn)).ToList();
        return supplies.Count == 0 ? label : $"{label}; {T["Chains.Supplies", string.Join(T["Minutes.ListSeparator"], supplies)]}";
    }

    private string StatusText(ChainLink link) =>
        link.HasGap ? $"{T.Enum(link.Strength)} → {T.Enum(link.Goal)}" : T.Enum(link.Strength);

    /// <summary>
    /// The name as it fits on its box: cut with "…" where its estimated width (a Chinese character one em, Latin
    /// letters by their usual width) would pass the box's right edge, so no label runs out of its box at any length.
    /// </summary>
    private string Short(string name)
    {
        var room = BoxWidth - TextX - 12.0;
        var width = 0.0;
        for (var i = 0; i < name.Length; i++)
        {
            width += Em(name[i]) * FontSize;
            if (width > room)
            {
                // Take back characters until the ellipsis (one em) fits too.
                var cut = i;
                while (cut > 0 && width - Em(name[cut]) * FontSize > room - FontSize) width -= Em(name[--cut]) * FontSize;
                return name[..cut].TrimEnd() + "…";
            }
        }
        return name;
    }

    /// <summary>A generous estimate of a character's width in em (wider than most fonts draw it, never narrower).</summary>
    private static double Em(char c) => c switch
    {
        >= '\u2E80' => 1.0,                                     // CJK and full-width forms
        'i' or 'l' or 'j' or 'I' or '.' or ',' or '\'' or '|' or '!' or ':' or ';' => 0.32,
        'f' or 't' or 'r' or ' ' or '(' or ')' or '-' or '/' => 0.42,
        'm' or 'w' => 0.9,
        'M' or 'W' => 1.0,
        >= 'A' and <= 'Z' => 0.74,
        >= '0' and <= '9' => 0.6,
        _ => 0.6,
    };

    /// <summary>
    /// An arrow from the facing edges of two boxes in different columns (right to left, or left to right when the
    /// flow runs back to an earlier column of the same segment), or a bow on the right within a column.
    /// </summary>
    private string FlowPath((int X, int Y) from, (int X, int Y) to)
    {
        var fy = from.Y + BoxHeight / 2;
        var ty = to.Y + BoxHeight / 2;
        if (from.X == to.X)
        {
            var x = from.X + BoxWidth;
            var bow = 24 + Math.Abs(ty - fy) / 8;
            return FormattableString.Invariant($"M {x} {fy} C {x + bow} {fy}, {x + bow} {ty}, {x + 2} {ty}");
        }
        if (to.X < from.X)
        {
            var bx = from.X;
            var ex = to.X + BoxWidth;
            var back = (bx + ex) / 2;
            return FormattableString.Invariant($"M {bx} {fy} C {back} {fy}, {back} {ty}, {ex + 2} {ty}");
        }
        var sx = from.X + BoxWidth;
        var mid = (sx + to.X) / 2;
        return FormattableString.Invariant($"M {sx} {fy} C {mid} {fy}, {mid} {ty}, {to.X - 2} {ty}");
    }

    private Task KeyAsync(KeyboardEventArgs e, int linkId) =>
        e.Key is "Enter" or " " ? OnSelect.InvokeAsync(linkId) : Task.CompletedTask;
}
