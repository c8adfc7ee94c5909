using System.Text;
using System.Text.Encodings.Web;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Features.Alerts;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Wall;

/// <summary>
/// A wall card as one piece of HTML: an anchor to the project's battle map, coloured by health, with its stage chip
/// (MudChip's markup), key-project mark, open-alert badge, name, host and chain, amount and worst reason.
/// </summary>
/// <remarks>
/// The wall is the page left open for hours on many screens, and a card drawn as elements costs every page a render
/// tree of its own per card (two builders of frames, plus the title and class strings formatted on each render).
/// As one markup frame per card, drawn from <see cref="SharedMarkup"/>, every page that shows the same card in the
/// same language holds the same string. A flashed card (changed live) carries its flash generation, so its markup
/// differs from the last render and the browser replaces it, which plays the highlight again; it is not pooled.
/// </remarks>
public static class WallCardMarkup
{
    public static MarkupString For(WallCard card, WallGrouping grouping, ReferenceCache.Snapshot reference, UiText text, ProjectAlerts? alerts, int flash)
    {
        var html = Write(card, grouping, reference, text, alerts, flash);
        return new MarkupString(flash > 0 ? html : SharedMarkup.Share(html));
    }

    internal static string Write(WallCard card, WallGrouping grouping, ReferenceCache.Snapshot reference, UiText text, ProjectAlerts? alerts, int flash)
    {
        var enc = SharedMarkup.Html;
        var b = new StringBuilder(1024);
        var health = card.Status.ToString();
        var stage = card.Stage.ToString();

        b.Append("<a class=\"wall-card health-").Append(health.ToLowerInvariant());
        if (flash > 0) b.Append(" kashi-flash\" data-flash=\"").Append(flash);
        b.Append("\" href=\"/projects/").Append(card.Id).Append("/battlemap\" data-testid=\"wall-card\" data-project-id=\"").Append(card.Id)
            .Append("\" data-health=\"").Append(health).Append("\" data-stage=\"").Append(stage).Append("\">");

        b.Append("<div class=\"wall-card-top\"><span class=\"wall-health-pill\">").Append(enc.Encode(text.Enum(card.Status))).Append("</span>");
        b.Append("<div class=\"mud-chip-container\"><div class=\"").Append(StageChip.SmallCssClass(card.Stage)).Append("\" tabindex=\"-1\" data-stage=\"")
            .Append(stage).Append("\" title=\"").Append(enc.Encode(text.Enum(card.Stage))).Append("\"><span class=\"mud-chip-content\">")
            .Append(enc.Encode(text[$"ProjectStage.Short.{card.Stage}"])).Append("</span></div></div>");
        if (card.IsKey)
        {
            b.Append("<span class=\"wall-key\" data-testid=\"wall-key\" title=\"").Append(enc.Encode(text.Enum(WorkGroupLevel.KeyProject)))
                .Append("\">★ ").Append(enc.Encode(text["Wall.Key"])).Append("</span>");
        }
        // The project's open alerts, compact: the worst one's colour, the count, every alert in the title.
        if (alerts?.Badge(card.Id) is { } badge)
        {
            b.Append("<span class=\"alert-badge sev-").Append(badge.Severity.ToString().ToLowerInvariant()).Append("\" data-testid=\"card-alerts\" data-count=\"")
                .Append(badge.Count).Append("\" title=\"").Append(enc.Encode(badge.Title)).Append("\">")
                .Append(Plain.IconHtml(Icons.Material.Filled.NotificationsActive, Size.Small)).Append(' ')
                .Append(enc.Encode(text["Alerts.OnCard", badge.Count])).Append("</span>");
        }
        b.Append("</div>");

        b.Append("<div class=\"wall-card-name\" title=\"").Append(enc.Encode(card.Name)).Append("\">").Append(enc.Encode(card.Name)).Append("</div>");
        // The group already names one of host and chain: the other one comes first, where it is never cut off.
        var host = enc.Encode(reference.UnitName(card.HostUnitId));
        var chain = enc.Encode(reference.ChainName(card.ChainId));
        var hostSpan = $"<span data-testid=\"wall-host\">{host}</span>";
        var chainSpan = $"<span data-testid=\"wall-chain\">{chain}</span>";
        b.Append("<div class=\"wall-card-meta\" title=\"").Append(host).Append(" · ").Append(chain).Append("\">")
            .Append(grouping == WallGrouping.County ? chainSpan : hostSpan).Append("<span class=\"wall-dot\">·</span>")
            .Append(grouping == WallGrouping.County ? hostSpan : chainSpan).Append("</div>");
        b.Append("<div class=\"wall-card-amount\">").Append(enc.Encode(text.Money(card.PlannedWan))).Append("</div>");

        b.Append("<div class=\"wall-card-reason\" data-testid=\"wall-reason\" title=\"")
            .Append(enc.Encode(string.Join("\n", card.Health.Reasons.Select(text.Health)))).Append("\">");
        if (card.Worst is { } worst)
        {
            b.Append("<span class=\"wall-reason-text\">").Append(enc.Encode(text.Health(worst))).Append("</span>");
            if (card.MoreReasons > 0) b.Append("<span class=\"wall-more\">+").Append(card.MoreReasons).Append("</span>");
        }
        else
        {
            b.Append("<span class=\"wall-reason-text wall-no-issues\">").Append(enc.Encode(text["Wall.NoIssues"])).Append("</span>");
        }
        b.Append("</div></a>");
        return b.ToString();
    }
}
