using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Domain.Statistics;
using KashiInvest.Web.Features.Bulletins;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Meetings;
using KashiInvest.Web.Tests.Support;

namespace KashiInvest.Web.Tests.Bulletins;

/// <summary>
/// The bulletin's Word document shares the minutes' styles and font table (<see cref="OfficialDocx"/>): the official
/// fonts are named with the Windows font Word falls back to on a machine without them, the body defaults to
/// 仿宋_GB2312 三号, and the headings count in Chinese numerals past ten.
/// </summary>
public sealed class BulletinDocxWriterTests
{
    private static readonly UserScope Bureau = new("bureau", "bureau", ActorRole.Bureau, 1, [], []);

    private static Bulletin Sample()
    {
        var q = new StatQuarter(2026, 3);
        var growth = new Growth(GrowthKind.Percent, -10m);
        var ground = new SupervisionGround(SupervisionGroundKind.LowGrowth, growth, 13, 13, 0, 5, 0m, 3, 3);
        var snapshot = new BulletinSnapshot(q.Index, new DateTime(2026, 10, 9, 0, 0, 0, DateTimeKind.Utc),
            new BulletinHeadline(0m, 0m, Growth.NoComparison, 0m, Growth.NoComparison, 0, 0m, 0, 0m, Growth.NoComparison, 0, 0), [], [],
            [new SupervisionEntry(9, "麦盖提县", "Makit", [ground])], []);
        return Bulletin.Draft(Bureau, q, 1, new BulletinSettings(), snapshot, "关于2026年第三季度全地区招商引资工作情况的通报",
            new DateTime(2026, 10, 9, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void The_bulletin_names_its_fonts_with_their_fallbacks_in_a_font_table_like_the_minutes()
    {
        using var _ = new UiCulture("zh-CN");
        var writer = new BulletinDocxWriter(new UiText(MinutesSamples.Localizer()));
        using var stream = new MemoryStream(writer.ToBytes(Sample()));
        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(x => $"{x.Path?.XPath}: {x.Description}"));
        var main = doc.MainDocumentPart!;

        var fonts = main.FontTablePart?.Fonts;
        Assert.NotNull(fonts);
        var fallbacks = fonts.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName!.Val!.Value);
        Assert.Equal("宋体", fallbacks["方正小标宋简体"]);
        Assert.Equal("仿宋", fallbacks["仿宋_GB2312"]);
        Assert.Equal("SimHei", fallbacks["黑体"]);
        // Every East Asian font the document uses is in the table.
        var used = main.Document!.Descendants<RunFonts>().Select(f => f.EastAsia?.Value).OfType<string>().Distinct();
        Assert.All(used, f => Assert.Contains(f, fallbacks.Keys));

        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("仿宋_GB2312", defaults.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", defaults.FontSize!.Val!.Value);
        Assert.NotNull(main.DocumentSettingsPart?.Settings?.GetFirstChild<Compatibility>());
        var page = main.Document.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageMargin>()!;
        Assert.Equal(1587u, page.Left!.Value);
    }

    [Theory]
    [InlineData(1, "一、")]
    [InlineData(10, "十、")]
    [InlineData(11, "十一、")]
    [InlineData(12, "十二、")]
    public void Headings_count_in_Chinese_numerals_past_ten(int number, string expected)
    {
        using var _ = new UiCulture("zh-CN");
        Assert.Equal(expected, BulletinWords.Number(number));
    }

    [Fact]
    public void Headings_count_in_Arabic_numerals_in_English()
    {
        using var _ = new UiCulture("en");
        Assert.Equal("11. ", BulletinWords.Number(11));
    }
}
