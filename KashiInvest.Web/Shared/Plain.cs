using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace KashiInvest.Web.Shared;

/// <summary>
/// MudBlazor's markup and classes for controls that only draw (an icon, a chip, a spacer), without a component of
/// their own: every component an open page holds costs two render trees and its parameter state for as long as the
/// page stays open, and a card drawn in a list repeats them per row. Same look; no behaviour (no click, no ripple).
/// </summary>
public static class Plain
{
    /// <summary>MudIcon (colour inherited) as markup.</summary>
    public static RenderFragment Icon(string icon, Size size = Size.Medium, string? cssClass = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", $"mud-icon-root mud-svg-icon mud-icon-size-{SizeName(size)}{(cssClass is null ? "" : " " + cssClass)}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddAttribute(5, "role", "img");
        builder.AddMarkupContent(6, icon);
        builder.CloseElement();
    };

    /// <summary>The same icon as an HTML string, for rows written as one piece of markup (<see cref="SharedMarkup"/>).</summary>
    public static string IconHtml(string icon, Size size = Size.Medium) =>
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{SizeName(size)}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg>";

    /// <summary>A small MudChip (no icon, not clickable) as markup.</summary>
    public static RenderFragment Chip(string text, Color color, bool filled, string? cssClass = null) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-chip-container");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", ChipClass(color, filled, cssClass));
        builder.AddAttribute(4, "tabindex", "-1");
        builder.OpenElement(5, "span");
        builder.AddAttribute(6, "class", "mud-chip-content");
        builder.AddContent(7, text);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>The classes of a small MudChip's inner element, for a chip drawn in markup with attributes of its own.</summary>
    public static string ChipClass(Color color, bool filled, string? cssClass = null) =>
        $"mud-chip mud-chip-{(filled ? "filled" : "outlined")} mud-chip-size-small mud-chip-color-{color.ToString().ToLowerInvariant()}{(cssClass is null ? "" : " " + cssClass)}";

    /// <summary>MudSpacer as markup.</summary>
    public static RenderFragment Spacer { get; } = builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "flex-grow-1");
        builder.CloseElement();
    };

    private static string SizeName(Size size) => size switch
    {
        Size.Small => "small",
        Size.Large => "large",
        _ => "medium",
    };
}
