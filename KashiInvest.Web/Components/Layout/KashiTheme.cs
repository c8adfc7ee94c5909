using MudBlazor;

namespace KashiInvest.Web.Components.Layout;

/// <summary>The product's theme: a deep government blue with Chinese red for emphasis, CJK-first fonts, large type.</summary>
public static class KashiTheme
{
    private static readonly string[] Fonts =
        ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F4E8C",
            Secondary = "#C62828",
            Tertiary = "#2E7D32",
            Info = "#0277BD",
            Success = "#2E7D32",
            Warning = "#EF6C00",
            Error = "#C62828",
            AppbarBackground = "#143A6B",
            AppbarText = "#FFFFFF",
            Background = "#F4F6F9",
            DrawerBackground = "#FFFFFF",
            TextPrimary = "#1B1F24",
            TextSecondary = "#4A5562",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = "0.95rem" },
            H4 = new H4Typography { FontFamily = Fonts, FontWeight = "600" },
            H5 = new H5Typography { FontFamily = Fonts, FontWeight = "600" },
            H6 = new H6Typography { FontFamily = Fonts, FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", DrawerWidthLeft = "232px" },
    };
}
