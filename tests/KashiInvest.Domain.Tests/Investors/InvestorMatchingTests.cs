using KashiInvest.Domain.Investors;

namespace KashiInvest.Domain.Tests.Investors;

public class InvestorMatchingTests
{
    private static readonly CreditCode CodeA = CreditCode.Complete("91440300MA5F00001");
    private static readonly CreditCode CodeB = CreditCode.Complete("91320500MA1X00002");

    [Fact]
    public void Full_width_brackets_spaces_and_latin_case_do_not_make_a_different_name()
    {
        Assert.Equal(InvestorMatching.NormalizeName("华纺股份(集团)ABC"), InvestorMatching.NormalizeName(" 华纺 股份（集团）ａｂｃ "));
        Assert.NotEqual(InvestorMatching.NormalizeName("华纺股份"), InvestorMatching.NormalizeName("华纺集团"));
    }

    [Fact]
    public void The_credit_code_wins_over_the_name()
    {
        var stored = new[] { new InvestorCandidate(1, "甲公司", null), new InvestorCandidate(2, "乙公司（旧名）", CodeA.Value) };
        Assert.Equal(2, InvestorMatching.Find(stored, "甲公司", CodeA)!.Id);
    }

    [Fact]
    public void Without_a_code_match_the_normalized_name_matches()
    {
        var stored = new[] { new InvestorCandidate(7, "深圳 跨境通（集团）有限公司", null) };
        Assert.Equal(7, InvestorMatching.Find(stored, "深圳跨境通(集团)有限公司", null)!.Id);
        Assert.Equal(7, InvestorMatching.Find(stored, "深圳跨境通(集团)有限公司", CodeA)!.Id); // the stored one learns its code
    }

    [Fact]
    public void Same_name_but_a_different_credit_code_is_another_legal_person()
    {
        var stored = new[] { new InvestorCandidate(7, "华纺有限公司", CodeB.Value) };
        Assert.Null(InvestorMatching.Find(stored, "华纺有限公司", CodeA));
    }

    [Fact]
    public void A_stored_investor_learns_a_missing_code_and_more_tiers_but_never_loses_any()
    {
        var investor = new Investor("华纺有限公司", null, InvestorTier.Listed, KashiInvest.Domain.Units.SourceRegionCode.PearlRiverDelta);
        Assert.True(investor.Learn(CodeA, InvestorTier.China500));
        Assert.Equal(CodeA.Value, investor.CreditCode);
        Assert.Equal(InvestorTier.Listed | InvestorTier.China500, investor.Tiers);
        Assert.False(investor.Learn(CodeB, InvestorTier.None));
        Assert.Equal(CodeA.Value, investor.CreditCode);
        Assert.Equal(InvestorMatching.NormalizeName("华纺有限公司"), investor.NameKey);
    }
}
