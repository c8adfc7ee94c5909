using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Web.Features.Meetings.Minutes;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Bulletins;

/// <summary>
/// Writes a quarterly bulletin as a Word document in the layout of a Chinese government bulletin (通报, after GB/T
/// 9704-2012, like the meeting minutes): A4 with 37/35/28/26 mm margins; the issuing office as the masthead in red
/// 方正小标宋简体, the document number centred under it above a red rule; the title in 方正小标宋简体 二号; the body in
/// 仿宋_GB2312 三号 on a fixed 29 pt line; first-level headings in 黑体 (一、二、…); bordered tables (heading row repeated on
/// every page); the issuing office and the date at the end, flush right; "— 1 —" page numbers. A draft says so under
/// the number. Labels come from the resource files in the current UI culture.
/// </summary>
public sealed class BulletinDocxWriter(UiText t)
{
    public const string ContentType = OfficialDocx.ContentType;

    // Half-points: 二号 22 pt, 26 pt for the masthead, 小四 12 pt (the body's 三号 is the documents' default).
    private const string TitleSize = "44", MastheadSize = "52", TableSize = "24";
    private const int TextWidth = OfficialDocx.TextWidth;

    /// <summary>The caption (w:tblCaption) of the supervision list's table, so that a reader or a test finds it.</summary>
    public const string SupervisionTableCaption = "supervision";

    public static string FileName(Bulletin b)
    {
        var name = new string(b.Number.Select(c => char.IsControl(c) || "\\/:*?\"<>|".Contains(c) ? '_' : c).ToArray()).Trim();
        return $"{(name.Length == 0 ? "bulletin" : name)}.docx";
    }

    public byte[] ToBytes(Bulletin bulletin)
    {
        using var stream = new MemoryStream();
        Write(bulletin, stream);
        return stream.ToArray();
    }

    public void Write(Bulletin b, Stream output)
    {
        var words = new BulletinWords(t);
        var language = Localized.IsChinese ? "zh-CN" : "en-US";
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = XmlText.Safe(b.Title);
        document.PackageProperties.Subject = b.Number;
        document.PackageProperties.Language = language;
        var main = document.AddMainDocumentPart();
        // The minutes' document defaults and font table (each official font with the Windows font Word falls back to).
        OfficialDocx.AddStylesAndFonts(main, OfficialDocx.Styles(language));
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            Run("— ", null), new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }), new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }), Run(" —", null)));

        var body = new Body();
        foreach (var element in Content(b, words)) body.Append(element);
        body.Append(OfficialDocx.Section(main.GetIdOfPart(footer)));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private IEnumerable<OpenXmlElement> Content(Bulletin b, BulletinWords w)
    {
        var s = b.Snapshot;
        // Masthead: the issuing office in red, the number, the red rule.
        yield return Para(b.IssuingOffice + t["Bulletins.Doc.Masthead"], JustificationValues.Center, OfficialDocx.TitleFont, MastheadSize, color: "C00000");
        yield return Para(b.Number, JustificationValues.Center);
        if (b.Status != BulletinStatus.Published) yield return Para(t["Bulletins.Doc.Draft", t.Enum(b.Status)], JustificationValues.Center, OfficialDocx.HeadingFont, null, color: "C00000");
        yield return new Paragraph(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Space = 1, Color = "C00000" }),
            new SpacingBetweenLines { Before = "0", After = "240", Line = "120", LineRule = LineSpacingRuleValues.Exact }));
        yield return Para(b.Title, JustificationValues.Center, OfficialDocx.TitleFont, TitleSize);
        yield return Para(t["Bulletins.Doc.Addressees"], JustificationValues.Left);

        var n = 0;
        yield return Heading(BulletinWords.Number(++n) + t["Bulletins.Section.Figures"]);
        yield return Body(w.Headline(s.Headline));
        yield return Table(w.TableColumns(), s.Units.Select(w.TableCells).ToList(), [1500, 1100, 1100, 700, 1000, 700, 1545, 1200]);
        if (s.IncompleteUnits().Count > 0) yield return Body(t["Bulletins.Incomplete", string.Join("、", s.IncompleteUnits().Select(u => w.Name(u.Name, u.NameEn)))]);

        foreach (var (key, text) in BulletinWords.Sections(b))
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            yield return Heading(BulletinWords.Number(++n) + t[key]);
            foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries)) yield return Body(line);
        }

        yield return Heading(BulletinWords.Number(++n) + t["Bulletins.Section.Supervision"]);
        if (s.Supervision.Count == 0) yield return Body(t["Bulletins.Supervision.None"]);
        else
        {
            yield return Body(t["Bulletins.Supervision.Intro", s.Supervision.Count]);
            yield return Table([t["Bulletins.SupervisionTable.Unit"], t["Bulletins.SupervisionTable.Grounds"]],
                s.Supervision.Select(e => (IReadOnlyList<string>)[w.Name(e.Name, e.NameEn), w.Grounds(e)]).ToList(), [2000, TextWidth - 2000], SupervisionTableCaption);
        }
        yield return Heading(BulletinWords.Number(++n) + t["Bulletins.Section.Praise"]);
        yield return Body(s.Praise.Count == 0 ? t["Bulletins.Praise.None"]
            : t["Bulletins.Praise.Text", string.Join("、", s.Praise.Select(p => $"{w.Name(p.Name, p.NameEn)}（{w.Growth(p.Growth)}）"))]);

        yield return Heading(BulletinWords.Number(++n) + t["Bulletins.Section.Slow"]);
        if (s.SlowProjects.Count == 0) yield return Body(t["Bulletins.Slow.None"]);
        else yield return Table(w.SlowColumns(), s.SlowProjects.Select(w.SlowCells).ToList(), [3800, 1800, TextWidth - 5600]);

        // Signature: the issuing office and the date, flush right.
        yield return Para(" ", JustificationValues.Right);
        yield return Para(b.IssuingOffice, JustificationValues.Right);
        yield return Para(b.PublishedOn is { } d ? t["Bulletins.Doc.Date", d.Year, d.Month, d.Day] : t["Bulletins.Doc.NotPublished"], JustificationValues.Right);
    }

    private static Paragraph Heading(string text) => Para(text, JustificationValues.Left, OfficialDocx.HeadingFont, null, indent: true, keepNext: true);

    private static Paragraph Body(string text) => Para(text, JustificationValues.Both, null, null, indent: true);

    private static Paragraph Para(string text, JustificationValues align, string? font = null, string? size = null, string? color = null, bool indent = false, bool keepNext = false)
    {
        var p = new ParagraphProperties();
        if (keepNext) p.Append(new KeepNext());
        if (indent) p.Append(new Indentation { FirstLineChars = 200, FirstLine = "640" });
        p.Append(new Justification { Val = align });
        var rp = new RunProperties();
        if (font is not null) rp.Append(Fonts(font));
        if (color is not null) rp.Append(new Color { Val = color });
        if (size is not null) { rp.Append(new FontSize { Val = size }); rp.Append(new FontSizeComplexScript { Val = size }); }
        return new Paragraph(p, Run(text, rp));
    }

    private static Run Run(string text, RunProperties? properties) =>
        new(properties?.HasChildren == true ? properties : new RunProperties(), new Text(XmlText.Safe(text)) { Space = SpaceProcessingModeValues.Preserve });

    private static RunFonts Fonts(string eastAsia) => OfficialDocx.Fonts(eastAsia);

    private static Table Table(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, int[] widths, string? caption = null)
    {
        static BorderType Line<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };
        var props = new TableProperties(
            new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed });
        if (caption is not null) props.Append(new TableCaption { Val = caption });
        var table = new Table(props, new TableGrid(widths.Select(x => new GridColumn { Width = x.ToString(CultureInfo.InvariantCulture) })));
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var c = 0; c < columns.Count; c++) header.Append(Cell(columns[c], widths[c], heading: true));
        table.Append(header);
        foreach (var row in rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < row.Count; c++) tr.Append(Cell(row[c], widths[c], heading: false));
            table.Append(tr);
        }
        return table;
    }

    private static TableCell Cell(string value, int width, bool heading)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (heading) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F2F2F2" });
        var rp = new RunProperties(new FontSize { Val = TableSize }, new FontSizeComplexScript { Val = TableSize });
        if (heading) rp.PrependChild(Fonts(OfficialDocx.HeadingFont));
        return new TableCell(properties, new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Before = "40", After = "40", Line = "320", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = heading ? JustificationValues.Center : JustificationValues.Left }),
            Run(value, rp)));
    }
}
