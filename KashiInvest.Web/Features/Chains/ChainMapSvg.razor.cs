using KashiInvest.Domain.Chains;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace KashiInvest.Web.Features.Chains;

public partial class ChainMapSvg
{
    private const int Width = 1030;
    private const int BoxWidth = 280;
    private const int Top = 44;
    private readonly Dictionary<int, (int X, int Y)> _boxes = [];
    private int _height;

    [Parameter, EditorRequired] public ChainMapView Map { get; set; } = default!;
    [Parameter] public int? Selected { get; set; }
    [Parameter] public bool Kiosk { get; set; }
    [Parameter] public EventCallback<int> OnSelect { get; set; }

    private int BoxHeight => Kiosk ? 66 : 50;
    private int Step => BoxHeight + (Kiosk ? 12 : 8);

    /// <summary>A symbol per status, so that the map reads without colour.</summary>
    public static string Symbol(LinkStrength status) => status switch
    {
        LinkStrength.Strong => "●",
        LinkStrength.Weak => "◐",
        LinkStrength.Short => "◔",
        _ => "✕",
    };

    protected override void OnParametersSet()
    {
        _boxes.Clear();
        var rows = 0;
        foreach (var segment in Enum.GetValues<ChainSegment>())
        {
            var i = 0;
            foreach (var link in Map.Chain.LinksIn(segment)) _boxes[link.Id] = (ColumnX(segment), Top + i++ * Step);
            rows = Math.Max(rows, i);
        }
        _height = Top + Math.Max(rows, 1) * Step + 10;
    }

    private static int ColumnX(ChainSegment segment) => 20 + (int)segment * 340;

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

    private string Short(string name)
    {
        // Latin letters are about half as wide as Chinese characters.
        var max = Localized.IsChinese ? (Kiosk ? 9 : 12) : (Kiosk ? 17 : 22);
        return name.Length <= max ? name : name[..(max - 1)] + "…";
    }

    /// <summary>An arrow from the right edge of one box to the left edge of the next column's box, or a bow on the right within a column.</summary>
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
        var sx = from.X + BoxWidth;
        var mid = (sx + to.X) / 2;
        return FormattableString.Invariant($"M {sx} {fy} C {mid} {fy}, {mid} {ty}, {to.X - 2} {ty}");
    }

    private Task KeyAsync(KeyboardEventArgs e, int linkId) =>
        e.Key is "Enter" or " " ? OnSelect.InvokeAsync(linkId) : Task.CompletedTask;
}
