using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using KashiInvest.Web.Features.Meetings.Minutes;
using KashiInvest.Web.Tests.Support;

namespace KashiInvest.Web.Tests.Meetings;

public sealed class MinutesDocxWriterTests
{
    private static readonly string[] ChineseColumns = ["序号", "任务", "责任单位", "完成时限", "关联项目", "状态"];

    private static MemoryStream Write(MeetingMinutes minutes)
    {
        var stream = new MemoryStream();
        new MinutesDocxWriter(MinutesSamples.Localizer()).Write(minutes, stream);
        stream.Position = 0;
        return stream;
    }

    private static List<Paragraph> TopParagraphs(WordprocessingDocument doc) =>
        doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();

    private static string? StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    private static List<string> Headings(WordprocessingDocument doc) =>
        TopParagraphs(doc).Where(p => StyleOf(p) == "MinutesHeading1").Select(p => p.InnerText).ToList();

    private static List<string> CellTexts(TableRow row) => row.Elements<TableCell>().Select(c => c.InnerText).ToList();

    [Fact]
    public void Chinese_minutes_have_the_title_header_four_sections_and_a_task_table_that_repeats_its_heading_row()
    {
        using var _ = new UiCulture("zh-CN");
        using var stream = Write(MinutesSamples.Dispatch());
        File.WriteAllBytes(Path.Combine(MinutesSamples.Artifacts, "meeting-minutes.zh-CN.docx"), stream.ToArray());

        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));

        var paragraphs = TopParagraphs(doc);
        Assert.Equal("喀什地区招商引资重点项目调度会会议纪要", paragraphs[0].InnerText);
        Assert.Equal("MinutesTitle", StyleOf(paragraphs[0]));
        Assert.Equal("第12期", paragraphs[1].InnerText);

        var texts = paragraphs.Select(p => p.InnerText).ToList();
        Assert.Contains("会议类型：项目调度会", texts);
        Assert.Contains("时间：2026年11月23日 10:00—11:30", texts);
        Assert.Contains("地点：地区行署三楼第一会议室", texts);
        Assert.Contains("主持人：王明", texts);
        Assert.Contains("参会单位：地区招商局、喀什市人民政府、疏附县人民政府、地区自然资源局", texts);
        Assert.Contains("参会人员：王明、张强、刘洋、陈静、李娜", texts);
        Assert.Contains("记录人：李娜", texts);

        Assert.Equal(["一、会议议题", "二、议定事项", "三、工作任务", "四、上次会议任务落实情况"], Headings(doc));
        Assert.Contains("（一）新能源电池材料项目用地报批（关联项目：KS-2026-001 新能源电池材料项目；用时约25分钟）", texts);
        Assert.Contains("（三）第四季度签约项目推进", texts);
        Assert.Contains("讨论情况：地区自然资源局说明了报批时限。", texts);
        Assert.Contains("（一）地区自然资源局于12月上旬完成用地报批材料审核。（涉及议题一）", texts);
        Assert.Contains("（二）各县市每半月报送一次重点项目进展。", texts);
        Assert.Contains("上次会议部署任务1项，已完成1项，尚未完成0项。", texts);

        var tables = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().ToList();
        Assert.Equal(2, tables.Count);
        var rows = tables[0].Elements<TableRow>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(ChineseColumns, CellTexts(rows[0]));
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<CantSplit>()));
        Assert.Equal(["1", "完成用地报批材料审核", "地区自然资源局", "2026年12月10日", "KS-2026-001 新能源电池材料项目", "推进中"], CellTexts(rows[1]));
        Assert.Equal(["2", "办理施工许可", "喀什市人民政府", "2026年12月31日", "KS-2026-004 纺织服装产业园二期", "推进中"], CellTexts(rows[2]));
        Assert.Equal(["3", "报送第四季度签约项目清单", "疏附县人民政府", "2026年11月30日", "—", "已完成"], CellTexts(rows[3]));
        var borders = tables[0].GetFirstChild<TableProperties>()!.GetFirstChild<TableBorders>()!;
        Assert.Equal(BorderValues.Single, borders.InsideHorizontalBorder!.Val!.Value);
        Assert.Equal(BorderValues.Single, borders.InsideVerticalBorder!.Val!.Value);

        var followUps = tables[1].Elements<TableRow>().ToList();
        Assert.Equal(2, followUps.Count);
        Assert.Equal(["1", "协调解决项目用电接入", "地区发展改革委", "2026年11月20日", "KS-2026-002 农产品精深加工项目", "已完成"], CellTexts(followUps[1]));
    }

    [Fact]
    public void The_page_is_A4_in_official_fonts_with_fallbacks_and_a_dash_page_number_field_in_the_footer()
    {
        using var _ = new UiCulture("zh-CN");
        using var stream = Write(MinutesSamples.Dispatch());
        using var doc = WordprocessingDocument.Open(stream, false);
        var main = doc.MainDocumentPart!;

        var section = main.Document!.Body!.GetFirstChild<SectionProperties>()!;
        Assert.Equal(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.Equal(16838u, section.GetFirstChild<PageSize>()!.Height!.Value);

        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal("方正小标宋简体", styles["MinutesTitle"].StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("44", styles["MinutesTitle"].StyleRunProperties!.FontSize!.Val!.Value);
        Assert.Equal(JustificationValues.Center, styles["MinutesTitle"].StyleParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("黑体", styles["MinutesHeading1"].StyleRunProperties!.RunFonts!.EastAsia!.Value);
        var defaults = main.StyleDefinitionsPart.Styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("仿宋_GB2312", defaults.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", defaults.FontSize!.Val!.Value);

        var fallbacks = main.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName!.Val!.Value);
        Assert.Equal("宋体", fallbacks["方正小标宋简体"]);
        Assert.Equal("仿宋", fallbacks["仿宋_GB2312"]);

        var footerId = section.GetFirstChild<FooterReference>()!.Id!.Value!;
        var footer = ((FooterPart)main.GetPartById(footerId)).Footer!;
        Assert.Contains(footer.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
        // What Word shows before it computes the field: the number between dashes.
        Assert.Equal("— 1 —", string.Concat(footer.Descendants<Text>().Select(t => t.Text)));
    }

    [Fact]
    public void An_English_user_gets_English_labels_and_dates()
    {
        using var _ = new UiCulture("en");
        using var stream = Write(MinutesSamples.Dispatch());
        File.WriteAllBytes(Path.Combine(MinutesSamples.Artifacts, "meeting-minutes.en.docx"), stream.ToArray());
        using var doc = WordprocessingDocument.Open(stream, false);

        var texts = TopParagraphs(doc).Select(p => p.InnerText).ToList();
        Assert.Contains("Time: 23 November 2026, 10:00–11:30", texts);
        Assert.Contains("Chair: 王明", texts);
        Assert.Contains("Attending units: 地区招商局, 喀什市人民政府, 疏附县人民政府, 地区自然资源局", texts);
        Assert.Equal(["1. Items discussed", "2. Decisions", "3. Action items", "4. Follow-up of earlier action items"], Headings(doc));
        Assert.Contains("(1) 地区自然资源局于12月上旬完成用地报批材料审核。 (item 1)", texts);

        var rows = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().First().Elements<TableRow>().ToList();
        Assert.Equal(["No.", "Task", "Responsible unit", "Deadline", "Project", "Status"], CellTexts(rows[0]));
        Assert.Equal("10 Dec 2026", CellTexts(rows[1])[3]);
    }

    [Fact]
    public void Empty_lists_read_none_instead_of_an_empty_table()
    {
        using var _ = new UiCulture("zh-CN");
        using var stream = Write(MinutesSamples.Empty());
        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc));

        Assert.Empty(doc.MainDocumentPart!.Document!.Body!.Descendants<Table>());
        var paragraphs = TopParagraphs(doc);
        Assert.DoesNotContain(paragraphs, p => p.InnerText == "第12期");
        Assert.Contains(paragraphs, p => p.InnerText == "参会单位：无");
        var headings = paragraphs.Select((p, i) => (p, i)).Where(x => StyleOf(x.p) == "MinutesHeading1").Select(x => x.i).ToList();
        Assert.Equal(4, headings.Count);
        Assert.All(headings, i => Assert.Equal("无", paragraphs[i + 1].InnerText));
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(4, "四")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(20, "二十")]
    [InlineData(99, "九十九")]
    public void Sections_count_in_Chinese_numerals(int number, string expected) =>
        Assert.Equal(expected, MinutesText.ChineseNumeral(number));

    [Fact]
    public void The_file_name_is_the_title_and_date_without_characters_Windows_refuses() =>
        Assert.Equal("调度会_纪要_-20261123.docx", MinutesDocxWriter.FileName(MinutesSamples.Dispatch() with { Title = "调度会/纪要?" }));
    [Fact]
    public void Control_characters_and_non_characters_in_the_record_still_give_a_valid_document()
    {
        using var _ = new UiCulture("zh-CN");
        var hostile = MinutesSamples.Dispatch() with
        {
            Title = "调度会\u0001纪要\u000B\uFFFE",
            Place = "会议室\u0000\uD800",
            Decisions = [new MinutesDecision(1, "由\u0008莎车县\u001F牵头\uFFFF，\u000C月底前完成。")],
            Items = [new MinutesItem(1, "议题\u0002", "项目\u0003", "说明\u000B第二行", "讨论\u0007", null)],
            Actions = [new MinutesAction(1, "任务\u0004", "单位\u0005", new DateOnly(2026, 12, 10), "关联\u0006", "推进中\u000E", false)],
        };

        using var stream = Write(hostile);
        using var doc = WordprocessingDocument.Open(stream, false);

        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var texts = TopParagraphs(doc).Select(p => p.InnerText).ToList();
        Assert.Equal("调度会纪要", texts[0]);
        Assert.Contains(texts, t => t.Contains("由莎车县牵头，月底前完成。", StringComparison.Ordinal));
        Assert.Equal("调度会纪要", doc.PackageProperties.Title);
    }
}
