using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;

namespace KashiInvest.Domain.Tests.Investors;

public class CreditCodeTests
{
    /// <summary>
    /// GB 32100-2015 written out again, independently of the production code: weights are 3^i mod 31, the check
    /// value is 31 − (Σ value×weight mod 31), and 31 means 0.
    /// </summary>
    private static class Reference
    {
        public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

        public static int Weight(int position)
        {
            var w = 1;
            for (var i = 0; i < position; i++) w = w * 3 % 31;
            return w;
        }

        public static char Check(string first17)
        {
            var sum = 0;
            for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weight(i);
            var check = 31 - sum % 31;
            return Alphabet[check == 31 ? 0 : check];
        }
    }

    private static RuleViolation Invalid(string? input)
    {
        Assert.False(CreditCode.TryParse(input, out var code, out var violation));
        Assert.Equal(default, code);
        Assert.NotNull(violation);
        return violation;
    }

    [Fact]
    public void The_weights_are_powers_of_three_modulo_31()
    {
        int[] published = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

        Assert.Equal(published, Enumerable.Range(0, 17).Select(Reference.Weight));
        Assert.Equal(Reference.Alphabet, CreditCode.Alphabet);
        Assert.Equal(31, CreditCode.Alphabet.Length);
    }

    [Fact]
    public void The_textbook_example_91350100M000100Y43_is_valid()
    {
        // By hand: 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M(21)·20 + 0·29 + 0·25 + 0·13 + 1·8 + 0·24
        //          + 0·10 + Y(30)·30 + 4·28 = 9+3+27+135+26+420+8+900+112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → '3'.
        Assert.Equal('3', Reference.Check("91350100M000100Y4"));
        Assert.Equal('3', CreditCode.CheckCharacter("91350100M000100Y4"));

        Assert.True(CreditCode.TryParse("91350100M000100Y43", out var code, out var violation));
        Assert.Null(violation);
        Assert.Equal("91350100M000100Y43", code.Value);
    }

    [Fact]
    public void The_published_code_of_Huawei_Technologies_914403001922038216_is_valid()
    {
        // By hand: 9·1 + 1·3 + 4·9 + 4·27 + 0·19 + 3·26 + 0·16 + 0·17 + 1·20 + 9·29 + 2·25 + 2·13 + 0·8 + 3·24
        //          + 8·10 + 2·30 + 1·28 = 831; 831 mod 31 = 25; 31 − 25 = 6 → '6'.
        Assert.Equal('6', Reference.Check("91440300192203821"));

        Assert.Equal("914403001922038216", CreditCode.Parse("914403001922038216").Value);
    }

    [Theory]
    [InlineData("9144030071526726XG")]   // a letter as check character
    [InlineData("91330100716105852F")]
    [InlineData("91310000132200821H")]
    public void Other_published_codes_are_valid(string value)
    {
        Assert.Equal(value[17], Reference.Check(value[..17]));
        Assert.True(CreditCode.TryParse(value, out _, out _));
    }

    [Theory]
    [InlineData("91653101MA7B2C001")]
    [InlineData("12653101010203040")]
    [InlineData("52653125MJ0000001")]
    [InlineData("91653100MA78K3QY2")]
    [InlineData("91653101MA7B2C007")]   // Σ mod 31 = 0: check value 31, written '0'
    [InlineData("Y1000000000000000")]
    public void A_completed_code_carries_the_check_character_and_parses(string first17)
    {
        Assert.Equal(17, first17.Length);

        var code = CreditCode.Complete(first17);

        Assert.Equal(18, code.Value.Length);
        Assert.StartsWith(first17, code.Value, StringComparison.Ordinal);
        Assert.Equal(Reference.Check(first17), code.Value[17]);
        Assert.Equal(code, CreditCode.Parse(code.Value));
        Assert.Equal(code.Value, code.ToString());
    }

    [Fact]
    public void A_sum_divisible_by_31_gives_check_character_0() =>
        Assert.Equal('0', CreditCode.CheckCharacter("91653101MA7B2C007"));

    [Fact]
    public void Every_other_check_character_is_refused()
    {
        const string first17 = "91653101MA7B2C001";
        var right = CreditCode.CheckCharacter(first17);

        foreach (var wrong in CreditCode.Alphabet.Where(c => c != right))
        {
            var violation = Invalid(first17 + wrong);
            Assert.Equal("CreditCode.BadCheckCharacter", violation.Code);
            Assert.Equal(new object[] { wrong, right }, violation.Args);
        }
    }

    [Fact]
    public void Lower_case_and_surrounding_spaces_are_accepted_and_normalised()
    {
        Assert.True(CreditCode.TryParse("  91350100m000100y43 ", out var code, out _));
        Assert.Equal("91350100M000100Y43", code.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_code_is_reported_as_required(string? input) =>
        Assert.Equal("CreditCode.Required", Invalid(input).Code);

    [Theory]
    [InlineData("91350100M000100Y4", 17)]
    [InlineData("91350100M000100Y433", 19)]
    [InlineData("9", 1)]
    public void A_code_of_the_wrong_length_is_refused(string input, int length)
    {
        var violation = Invalid(input);

        Assert.Equal("CreditCode.WrongLength", violation.Code);
        Assert.Equal(new object[] { length }, violation.Args);
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('-')]
    [InlineData('中')]
    public void Letters_outside_the_alphabet_are_refused_with_their_position(char bad)
    {
        var input = "91350100" + bad + "000100Y43";

        var violation = Invalid(input);

        Assert.Equal("CreditCode.BadCharacter", violation.Code);
        Assert.Equal(new object[] { bad, 9 }, violation.Args);
    }

    [Fact]
    public void A_lower_case_letter_outside_the_alphabet_is_refused_upper_cased()
    {
        var violation = Invalid("91350100o000100Y43");

        Assert.Equal("CreditCode.BadCharacter", violation.Code);
        Assert.Equal(new object[] { 'O', 9 }, violation.Args);
    }

    [Theory]
    [InlineData("91A50100M000100Y4")]  // 3rd character
    [InlineData("9135010MM000100Y4")]  // 8th character
    public void The_administrative_division_code_must_be_digits(string first17)
    {
        // Give it the right check character so only the division code is wrong.
        var violation = Invalid(first17 + Reference.Check(first17));

        Assert.Equal("CreditCode.BadDivisionCode", violation.Code);
    }

    [Fact]
    public void Parse_throws_a_rule_exception_for_an_invalid_code()
    {
        var ex = Assert.Throws<DomainRuleException>(() => CreditCode.Parse("91350100M000100Y44"));

        Assert.Equal("CreditCode.BadCheckCharacter", ex.Violation.Code);
    }

    [Fact]
    public void The_check_character_needs_seventeen_alphabet_characters()
    {
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter("91350100M000100Y"));
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter("91350100I000100Y4"));
    }
}
