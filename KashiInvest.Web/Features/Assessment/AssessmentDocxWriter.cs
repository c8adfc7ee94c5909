using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KashiInvest.Domain.Assessment;
using KashiInvest.Web.Features.Meetings.Minutes;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Features.Assessment;

/// <summary>
/// Writes the year's assessment results as a Word bulletin in the layout of the quarterly bulletin (通报, after GB/T
/// 9704-2012, through <see cref="OfficialDocx"/>): the title, then per sequence its ranking table (caption
/// <c>ranking-{sequence}</c>, so that a reader or a test finds it), the praise for its 好 units and the criticism of its
/// 差 units; a round that is not final says so under the title.
/// </summary>
public sealed class AssessmentDocxWriter(UiText t)
{
    public const string ContentType = OfficialDocx.ContentType;
    private const string TitleSize = "44", TableSize = "24";
    private static readonly int[] Widths = [700, 2300, 900, 900, 900, 900, 900, 1345];

    public static string Caption(AssessmentSequence s) => $"ranking-{s}";

    public static string FileName(int year) => $"assessment-{year}.docx";

    public byte[] ToBytes(AssessmentRound round, IReadOnlyDictionary<int, AssessedUnit> units)
    {
        using var stream = new MemoryStream();
        var w = new AssessmentWords(t, units);
        var language = Localized.IsChinese ? "zh-CN" : "en-US";
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = t["Assessment.Results.Title", round.Year];
            document.PackageProperties.Language = language;
            var main = document.AddMainDocumentPart();
            OfficialDocx.AddStylesAndFonts(main, OfficialDocx.Styles(language));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }), new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }), new Run(new Text("1")), new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
            var body = new Body();
            body.Append(Para(t["Assessment.Results.Title", round.Year], JustificationValues.Center, OfficialDocx.TitleFont, TitleSize));
            if (round.Status != RoundStatus.Final) body.Append(Para(t["Assessment.Results.NotFinal", w.Status(round.Status)], JustificationValues.Center, OfficialDocx.HeadingFont, null, "C00000"));
            body.Append(Para(t["Assessment.Results.Intro", round.Year], JustificationValues.Both, indent: true));
            var n = 0;
            foreach (var s in AssessmentWords.Sequences(round))
            {
                body.Append(Para($"{"一二三四五六"[n++]}、{w.Sequence(s)}", JustificationValues.Left, OfficialDocx.HeadingFont, null, indent: true));
                body.Append(Table(w.RankingColumns(), AssessmentWords.Ranking(round, s).Select(w.RankingCells).ToList(), Caption(s)));
                if (w.Praise(round, s) is { } praise) body.Append(Para(praise, JustificationValues.Both, indent: true));
                if (w.Criticism(round, s) is { } criticism) body.Append(Para(criticism, JustificationValues.Both, indent: true));
            }
            if (round.FinalAtUtc is { } final)
            {
                var d = KashiInvest.Domain.Common.BeijingTime.DateOf(final);
                body.Append(Para(t["Bulletins.Doc.Date", d.Year, d.Month, d.Day], JustificationValues.Right));
            }
            body.Append(OfficialDocx.Section(main.GetIdOfPart(footer)));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text, JustificationValues align, string? font = null, string? size = null, string? color = null, bool indent = false)
    {
        var p = new ParagraphProperties();
        if (indent) p.Append(new Indentation { FirstLineChars = 200, FirstLine = "640" });
        p.Append(new Justification { Val = align });
        var rp = new RunProperties();
        if (font is not null) rp.Append(OfficialDocx.Fonts(font));
        if (color is not null) rp.Append(new Color { Val = color });
        if (size is not null) { rp.Append(new FontSize { Val = size }); rp.Append(new FontSizeComplexScript { Val = size }); }
        return new Paragraph(p, new Run(rp, new Text(XmlText.Safe(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table Table(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, string caption)
    {
        static BorderType Line<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };
        var props = new TableProperties(
            new TableWidth { Width = OfficialDocx.TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCaption { Val = caption });
        var table = new Table(props, new TableGrid(Widths.Select(x => new GridColumn { Width = x.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(columns, heading: true));
        foreach (var row in rows) table.Append(Row(row, heading: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool heading)
    {
        var tr = new TableRow(heading ? new TableRowProperties(new TableHeader(), new CantSplit()) : new TableRowProperties(new CantSplit()));
        for (var c = 0; c < cells.Count; c++)
        {
            var properties = new TableCellProperties(new TableCellWidth { Width = Widths[c].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (heading) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F2F2F2" });
            var rp = new RunProperties(new FontSize { Val = TableSize }, new FontSizeComplexScript { Val = TableSize });
            if (heading) rp.PrependChild(OfficialDocx.Fonts(OfficialDocx.HeadingFont));
            tr.Append(new TableCell(properties, new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new Run(rp, new Text(XmlText.Safe(cells[c])) { Space = SpaceProcessingModeValues.Preserve }))));
        }
        return tr;
    }
}
