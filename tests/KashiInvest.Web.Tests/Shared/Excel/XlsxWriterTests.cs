using KashiInvest.Web.Shared.Excel;

namespace KashiInvest.Web.Tests.Shared.Excel;

/// <summary>The one sheet writer every export and template goes through.</summary>
public sealed class XlsxWriterTests
{
    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_letters_follow_Excel(int index, string letters) => Assert.Equal(letters, XlsxWriter.Letters(index));

    [Fact]
    public void A_Chinese_character_takes_two_widths() => Assert.Equal(4 + 3, XlsxWriter.DisplayWidth("项目abc"));

    [Fact]
    public void Empty_cells_stay_empty_control_characters_are_dropped_and_validation_lists_cover_the_rows_under_the_headings()
    {
        var bytes = XlsxWriter.Write("a/b:c", "title", ["name", "stage"], [ExcelKind.Text, ExcelKind.Choice],
            [["x\u0001y", null], ["z", "签约"]], [new XlsxWriter.ValidationList(2, ["洽谈", "签约"])]);
        using var xlsx = new XlsxFile(bytes);
        Assert.Equal("abc", xlsx.SheetName);
        Assert.Equal("xy", xlsx.Text("A3"));
        Assert.Null(xlsx.Cell("B3"));
        Assert.Equal("签约", xlsx.Text("B4"));
        var list = Assert.Single(xlsx.Validations);
        Assert.Equal("\"洽谈,签约\"", list.Formula1!.Text);
        Assert.StartsWith("B3:B", list.SequenceOfReferences!.InnerText, StringComparison.Ordinal);
        Assert.Empty(xlsx.SchemaErrors());
    }
}
