using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KashiInvest.Web.Resources;
using KashiInvest.Web.Shared;
using Microsoft.Extensions.Localization;

namespace KashiInvest.Web.Features.Meetings.Minutes;

/// <summary>
/// Writes meeting minutes as a Word document in the layout of a Chinese government meeting record (会议纪要, after
/// GB/T 9704-2012): A4 with 37/35/28/26 mm margins, the title in 方正小标宋简体 二号 centred, the body in 仿宋_GB2312 三号
/// on a fixed 29 pt line, first-level headings in 黑体 (一、二、…), second-level in 楷体 (（一）（二）…), action items in a
/// bordered table whose heading row repeats on every page, and "— 1 —" page numbers in the footer. The fonts officials
/// have are named first; the font table gives each one the common Windows font a machine without it falls back to.
/// Labels come from the resource files in the current UI culture (Chinese by default, English for English users).
/// </summary>
public sealed class MinutesDocxWriter(IStringLocalizer<Strings> localizer)
{
    public const string ContentType = OfficialDocx.ContentType;

    // The official fonts, their fallbacks (the font table), the document defaults and the page: OfficialDocx.
    internal const string TitleFont = OfficialDocx.TitleFont;
    internal const string BodyFont = OfficialDocx.BodyFont;
    internal const string HeadingFont = OfficialDocx.HeadingFont;
    internal const string SubHeadingFont = OfficialDocx.SubHeadingFont;
    internal const string PageNumberFont = OfficialDocx.PageNumberFont;

    // Half-points: 二号 22 pt, 四号 14 pt, 小四 12 pt (the body's 三号 is the documents' default).
    private const string TitleSize = "44", PageNumberSize = "28", TableSize = "24";

    private const int TextWidth = OfficialDocx.TextWidth; // 8845

    // 序号, 任务, 责任单位, 完成时限, 关联项目, 状态: the deadline column fits "2026年12月31日" on one line at 小四.
    private static readonly int[] ColumnWidths = [650, 2300, 1400, 1850, 1745, 900];

    /// <summary>The action table's column widths in per cent of the text width, for the printable page to match.</summary>
    internal static IReadOnlyList<string> ColumnShares { get; } =
        ColumnWidths.Select(w => (100.0 * w / TextWidth).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    private static readonly JustificationValues[] ColumnAlignment =
    [
        JustificationValues.Center, JustificationValues.Left, JustificationValues.Center,
        JustificationValues.Center, JustificationValues.Left, JustificationValues.Center,
    ];

    internal const string TitleStyle = "MinutesTitle", DocNumberStyle = "MinutesDocNumber", HeadingStyle = "MinutesHeading1",
        SubHeadingStyle = "MinutesHeading2", BodyStyle = "MinutesBody", FieldStyle = "MinutesField", TableTextStyle = "MinutesTableText",
        FooterStyle = "MinutesFooter", LabelStyle = "MinutesLabel";

    /// <summary>A file name for the document: the title and the meeting date, without characters file systems refuse.</summary>
    public static string FileName(MeetingMinutes minutes)
    {
        // The characters Windows refuses as well as the ones Linux does: the file is saved on officials' PCs.
        var title = new string(minutes.Title.Select(c => char.IsControl(c) || "\\/:*?\"<>|".Contains(c) ? '_' : c).ToArray()).Trim();
        return $"{(title.Length == 0 ? "minutes" : title)}-{minutes.StartsAtBeijing:yyyyMMdd}.docx";
    }

    /// <summary>The document as bytes, for an endpoint's <c>File(bytes, ContentType, FileName(m))</c>.</summary>
    public byte[] ToBytes(MeetingMinutes minutes)
    {
        using var stream = new MemoryStream();
        Write(minutes, stream);
        return stream.ToArray();
    }

    /// <summary>Writes the .docx to <paramref name="output"/> (a seekable stream, e.g. a MemoryStream), leaving it open.</summary>
    public void Write(MeetingMinutes minutes, Stream output)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(output);
        var text = new MinutesText(localizer);
        var language = Localized.IsChinese ? "zh-CN" : "en-US";

        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = XmlText.Safe(minutes.Title);
        document.PackageProperties.Subject = XmlText.Safe(minutes.KindName);
        document.PackageProperties.Language = language;

        var main = document.AddMainDocumentPart();
        OfficialDocx.AddStylesAndFonts(main, Styles(language));
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = Footer(text);

        var body = new Body();
        foreach (var element in Content(minutes, text)) body.Append(element);
        body.Append(OfficialDocx.Section(main.GetIdOfPart(footer)));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static IEnumerable<OpenXmlElement> Content(MeetingMinutes m, MinutesText text)
    {
        yield return Paragraph(TitleStyle, m.Title);
        if (!string.IsNullOrWhiteSpace(m.DocumentNumber)) yield return Paragraph(DocNumberStyle, m.DocumentNumber);
        // The red rule under the masthead.
        yield return new Paragraph(new ParagraphProperties(
            new ParagraphStyleId { Val = DocNumberStyle },
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Space = 1, Color = "C00000" }),
            new SpacingBetweenLines { Before = "0", After = "240", Line = "120", LineRule = LineSpacingRuleValues.Exact }));

        yield return Field(text, "Minutes.Label.Kind", m.KindName);
        yield return Field(text, "Minutes.Label.Time", text.When(m.StartsAtBeijing, m.EndedAtBeijing));
        yield return Field(text, "Minutes.Label.Place", text.OrNone(m.Place));
        yield return Field(text, "Minutes.Label.Chair", text.OrNone(m.Chair));
        yield return Field(text, "Minutes.Label.Units", text.List(m.AttendingUnits));
        yield return Field(text, "Minutes.Label.Attendees", text.OrNone(m.Attendees));
        yield return Field(text, "Minutes.Label.Recorder", text.OrNone(m.Recorder));

        yield return Heading(text.Section(1, "Minutes.Section.Items"));
        if (m.Items.Count == 0) yield return Paragraph(BodyStyle, text.None);
        foreach (var item in m.Items.OrderBy(i => i.Number))
        {
            yield return Paragraph(SubHeadingStyle, text.SubNumber(item.Number) + item.Title + text.ItemMeta(item), keepNext: true);
            if (!string.IsNullOrWhiteSpace(item.Note)) yield return Paragraph(BodyStyle, text["Minutes.Item.Note", item.Note]);
            if (!string.IsNullOrWhiteSpace(item.Discussion)) yield return Paragraph(BodyStyle, text["Minutes.Item.Discussion", item.Discussion]);
        }

        yield return Heading(text.Section(2, "Minutes.Section.Decisions"));
        if (m.Decisions.Count == 0) yield return Paragraph(BodyStyle, text.None);
        for (var i = 0; i < m.Decisions.Count; i++)
            yield return Paragraph(BodyStyle, text.SubNumber(i + 1) + text.Decision(m.Decisions[i]));

        yield return Heading(text.Section(3, "Minutes.Section.Actions"));
        foreach (var element in Actions(m.Actions, text)) yield return element;

        yield return Heading(text.Section(4, "Minutes.Section.FollowUps"));
        if (m.FollowUps.Count > 0) yield return Paragraph(BodyStyle, text.FollowUpSummary(m.FollowUps));
        foreach (var element in Actions(m.FollowUps, text)) yield return element;
    }

    private static IEnumerable<OpenXmlElement> Actions(IReadOnlyList<MinutesAction> actions, MinutesText text)
    {
        if (actions.Count == 0)
        {
            yield return Paragraph(BodyStyle, text.None);
            yield break;
        }
        yield return ActionTable(actions, text);
        // Word needs a paragraph between a table and what follows; it also keeps two tables from merging.
        yield return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = TableTextStyle }));
    }

    private static Table ActionTable(IReadOnlyList<MinutesAction> actions, MinutesText text)
    {
        static BorderType Line<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                    Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
            new TableGrid(ColumnWidths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        // The heading row repeats at the top of every page the table runs onto; no row is split across pages.
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        var columns = text.ActionColumns();
        for (var c = 0; c < columns.Count; c++) header.Append(Cell(columns[c], c, heading: true));
        table.Append(header);

        foreach (var action in actions.OrderBy(a => a.Number))
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            var cells = text.ActionCells(action);
            for (var c = 0; c < cells.Count; c++) row.Append(Cell(cells[c], c, heading: false));
            table.Append(row);
        }
        return table;
    }

    private static TableCell Cell(string value, int column, bool heading)
    {
        var properties = new TableCellProperties(new TableCellWidth
        {
            Width = ColumnWidths[column].ToString(System.Globalization.CultureInfo.InvariantCulture),
            Type = TableWidthUnitValues.Dxa,
        });
        if (heading) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F2F2F2" });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });

        var paragraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = TableTextStyle });
        paragraphProperties.Append(new Justification { Val = heading ? JustificationValues.Center : ColumnAlignment[column] });
        var run = heading ? Run(value, new RunProperties(new RunStyle { Val = LabelStyle })) : Run(value);
        return new TableCell(properties, new Paragraph(paragraphProperties, run));
    }

    private static Paragraph Heading(string value) => Paragraph(HeadingStyle, value, keepNext: true);

    /// <summary>"时间：2026年11月23日 10:00—11:30", the label in 黑体.</summary>
    private static Paragraph Field(MinutesText text, string labelKey, string value) => new(
        new ParagraphProperties(new ParagraphStyleId { Val = FieldStyle }),
        Run(text.Label(labelKey), new RunProperties(new RunStyle { Val = LabelStyle })),
        Run(value));

    private static Paragraph Paragraph(string style, string value, bool keepNext = false)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (keepNext) properties.Append(new KeepNext());
        return new Paragraph(properties, Run(value));
    }

    private static Run Run(string value, RunProperties? properties = null)
    {
        var run = properties is null ? new Run() : new Run(properties);
        // Line breaks typed into a note become line breaks in the document.
        var lines = XmlText.Safe(value).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }


    private static Footer Footer(MinutesText text)
    {
        var (before, after) = text.PageNumber();
        return new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = FooterStyle }),
            Run(before),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            Run(after)));
    }

    private static Styles Styles(string language)
    {
        var styles = OfficialDocx.Styles(language);

        styles.Append(ParagraphStyle("Normal", "Normal", null, null, null, isDefault: true));
        styles.Append(ParagraphStyle(TitleStyle, "Minutes Title",
            new StyleParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Before = "0", After = "160", Line = "700", LineRule = LineSpacingRuleValues.Exact },
                new Justification { Val = JustificationValues.Center }),
            Fonts(TitleFont), TitleSize));
        styles.Append(ParagraphStyle(DocNumberStyle, "Minutes Document Number",
            new StyleParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }), null, null));
        styles.Append(ParagraphStyle(HeadingStyle, "Minutes Heading 1",
            new StyleParagraphProperties(
                new KeepNext(),
                new Indentation { FirstLineChars = 200, FirstLine = "640" },
                new OutlineLevel { Val = 0 }),
            Fonts(HeadingFont), null));
        styles.Append(ParagraphStyle(SubHeadingStyle, "Minutes Heading 2",
            new StyleParagraphProperties(
                new KeepNext(),
                new Indentation { FirstLineChars = 200, FirstLine = "640" },
                new OutlineLevel { Val = 1 }),
            Fonts(SubHeadingFont), null));
        styles.Append(ParagraphStyle(BodyStyle, "Minutes Body",
            new StyleParagraphProperties(new Indentation { FirstLineChars = 200, FirstLine = "640" }), null, null));
        // Header fields (时间、地点…): flush left under the red rule.
        styles.Append(ParagraphStyle(FieldStyle, "Minutes Field",
            new StyleParagraphProperties(new Indentation { Left = "0" }), null, null));
        styles.Append(ParagraphStyle(TableTextStyle, "Minutes Table Text",
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "40", After = "40", Line = "320", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Left }),
            null, TableSize));
        styles.Append(ParagraphStyle(FooterStyle, "Minutes Footer",
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Center }),
            new RunFonts { Ascii = PageNumberFont, HighAnsi = PageNumberFont, EastAsia = PageNumberFont, ComplexScript = PageNumberFont },
            PageNumberSize));
        styles.Append(new Style(
            new StyleName { Val = "Minutes Label" },
            new PrimaryStyle(),
            new StyleRunProperties(Fonts(HeadingFont)))
        { Type = StyleValues.Character, StyleId = LabelStyle });
        return styles;
    }

    private static RunFonts Fonts(string eastAsia) => OfficialDocx.Fonts(eastAsia);

    private static Style ParagraphStyle(string id, string name, StyleParagraphProperties? paragraph, RunFonts? fonts, string? size, bool isDefault = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        else style.Append(new BasedOn { Val = "Normal" });
        style.Append(new PrimaryStyle());
        if (paragraph is not null) style.Append(paragraph);
        if (fonts is not null || size is not null)
        {
            var run = new StyleRunProperties();
            if (fonts is not null) run.Append(fonts);
            if (size is not null)
            {
                run.Append(new FontSize { Val = size });
                run.Append(new FontSizeComplexScript { Val = size });
            }
            style.Append(run);
        }
        return style;
    }
}
