using MudBlazor;

namespace KashiInvest.Web.Features.Wall;

/// <summary>The projector's theme: near-black background, white type, saturated health colours for a room with the lights on.</summary>
public static class KioskTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = Components.Layout.KashiTheme.Theme.PaletteLight,
        PaletteDark = new PaletteDark
        {
            Primary = "#64B5F6",
            Secondary = "#FF5252",
            Info = "#4FC3F7",
            Success = "#43A047",
            Warning = "#FFB300",
            Error = "#E53935",
            Background = "#070C16",
            Surface = "#111A2B",
            TextPrimary = "#FFFFFF",
            TextSecondary = "#C9D3E0",
            AppbarBackground = "#070C16",
        },
        Typography = Components.Layout.KashiTheme.Theme.Typography,
        LayoutProperties = Components.Layout.KashiTheme.Theme.LayoutProperties,
    };
}
