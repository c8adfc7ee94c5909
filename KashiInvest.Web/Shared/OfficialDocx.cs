using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace KashiInvest.Web.Shared;

/// <summary>
/// What every official Word document the platform writes shares (the meeting minutes, the quarterly bulletin), after
/// GB/T 9704-2012: the fonts officials have, each with the common Windows font a machine without it falls back to in
/// the font table (宋体, 仿宋, SimHei, 楷体, SimSun); the document defaults (仿宋_GB2312 三号 on a fixed 29 pt line,
/// justified); Word 2013+ layout; A4 with 37/35/28/26 mm margins and the page-number footer.
/// </summary>
public static class OfficialDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Fonts: the official one (East Asian text), the one Word should substitute when it is missing, and the Latin font.
    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";
    public const string HeadingFont = "黑体";
    public const string SubHeadingFont = "楷体_GB2312";
    public const string PageNumberFont = "宋体";
    public const string LatinFont = "Times New Roman";

    /// <summary>三号 (16 pt) in half-points: the body text.</summary>
    public const string BodySize = "32";

    // A4 in twentieths of a point; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right.
    public const int PageWidth = 11906, PageHeight = 16838, MarginTop = 2098, MarginBottom = 1984, MarginLeft = 1587, MarginRight = 1474;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight; // 8845

    private static readonly (string Name, string Fallback, FontFamilyValues Family)[] KnownFonts =
    [
        (TitleFont, "宋体", FontFamilyValues.Roman),
        (BodyFont, "仿宋", FontFamilyValues.Modern),
        (HeadingFont, "SimHei", FontFamilyValues.Modern),
        (SubHeadingFont, "楷体", FontFamilyValues.Modern),
        (PageNumberFont, "SimSun", FontFamilyValues.Auto),
    ];

    /// <summary>An East Asian font with Times New Roman for Latin text.</summary>
    public static RunFonts Fonts(string eastAsia) =>
        new() { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = eastAsia, ComplexScript = LatinFont };

    /// <summary>The styles part's root with the shared document defaults; a writer appends its own styles to it.</summary>
    public static Styles Styles(string language) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(BodyFont),
                new FontSize { Val = BodySize },
                new FontSizeComplexScript { Val = BodySize },
                new Languages { Val = language, EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "580", LineRule = LineSpacingRuleValues.Exact },
                new Justification { Val = JustificationValues.Both }))));

    /// <summary>The font table: each official font with its fallback, GB2312 character set.</summary>
    public static Fonts FontTable() => new(KnownFonts.Select(f => new Font(
        new AltName { Val = f.Fallback },
        new FontCharSet { Val = "86" },
        new FontFamily { Val = f.Family },
        new Pitch { Val = FontPitchValues.Variable }) { Name = f.Name }));

    /// <summary>Adds the styles, the font table and the settings (Word 2013+ layout, not compatibility mode) to the document.</summary>
    public static void AddStylesAndFonts(MainDocumentPart main, Styles styles)
    {
        ArgumentNullException.ThrowIfNull(main);
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
        main.AddNewPart<FontTablePart>().Fonts = FontTable();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15",
        }));
    }

    /// <summary>The section: A4, the official margins, the given footer.</summary>
    public static SectionProperties Section(string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize { Width = PageWidth, Height = PageHeight },
        new PageMargin
        {
            Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight,
            Header = 851, Footer = 992, Gutter = 0,
        });
}
