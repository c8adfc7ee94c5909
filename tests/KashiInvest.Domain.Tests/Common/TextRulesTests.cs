using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Tests.Common;

/// <summary>The one rule for typed text: a limit in characters after trimming, and no control characters.</summary>
public class TextRulesTests
{
    [Fact]
    public void A_value_at_the_limit_is_accepted_and_one_character_more_is_too_long()
    {
        Assert.Null(TextRules.Check(new string('字', 10), 10));
        var violation = TextRules.Check(new string('字', 11), 10);
        Assert.Equal(TextRules.TooLong, violation!.Code);
        Assert.Equal([10], violation.Args);
    }

    [Fact]
    public void Surrounding_blanks_do_not_count_and_nothing_is_no_violation()
    {
        Assert.Null(TextRules.Check("  " + new string('字', 10) + " \n", 10));
        Assert.Null(TextRules.Check(null, 10));
        Assert.Null(TextRules.Check("", 10));
    }

    [Fact]
    public void A_200_KB_value_is_too_long_before_anything_else_is_looked_at()
    {
        var huge = new string('\u0001', 200 * 1024);
        Assert.Equal(TextRules.TooLong, TextRules.Check(huge, 4000, multiLine: true)!.Code);
    }

    [Theory]
    [InlineData("名称\u0000")]
    [InlineData("名\u0007称")]
    [InlineData("名\u001b[31m称")]
    [InlineData("名\u007f称")]
    [InlineData("名\u0085称")]
    [InlineData("名\uffff称")]
    public void Control_and_invalid_characters_are_refused_everywhere(string value)
    {
        Assert.Equal(TextRules.ControlCharacters, TextRules.Check(value, 100)!.Code);
        Assert.Equal(TextRules.ControlCharacters, TextRules.Check(value, 100, multiLine: true)!.Code);
    }

    [Fact]
    public void Unpaired_surrogates_are_refused_and_a_pair_is_one_character()
    {
        // Built in code: attribute arguments are stored as UTF-8, which would turn a lone surrogate into U+FFFD.
        foreach (var lone in new[] { "名" + '\ud800' + "称", "名" + '\udc00' + "称", "名称" + '\ud83c' })
        {
            Assert.Equal(TextRules.ControlCharacters, TextRules.Check(lone, 100, multiLine: true)!.Code);
        }
        Assert.Null(TextRules.Check("名" + '\ud83c' + '\udfed' + "称", 100));
    }

    [Theory]
    [InlineData("第一行\n第二行")]
    [InlineData("第一行\r\n第二行")]
    [InlineData("项目\t进展")]
    public void Line_breaks_and_tabs_are_text_in_a_multi_line_field_but_not_in_a_single_line_one(string value)
    {
        Assert.Null(TextRules.Check(value, 100, multiLine: true));
        Assert.Equal(TextRules.ControlCharacters, TextRules.Check(value, 100)!.Code);
    }

    [Fact]
    public void Characters_outside_the_basic_plane_are_text()
    {
        Assert.Null(TextRules.Check("𠀀喀什🏭", 10));
    }

    [Fact]
    public void Ensure_throws_the_violation_and_Field_reports_a_blank_required_value()
    {
        Assert.Equal(TextRules.TooLong, Assert.Throws<DomainRuleException>(() => TextRules.Ensure("abc", 2)).Violation.Code);
        var errors = new List<FieldViolation>();
        TextRules.Field(errors, "Name", "  ", 10, required: true);
        TextRules.Field(errors, "Note", "  ", 10, required: false);
        TextRules.Field(errors, "Title", "a\u0001", 10, required: true);
        Assert.Equal([("Name", "Field.Required"), ("Title", TextRules.ControlCharacters)], Support.Rules.Pairs(errors));
    }
}
