using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Units;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>The investor library: names, tiers, regions and credit codes.</summary>
public sealed partial class DemoDataGenerator
{
    private InvestorPlan NewInvestor(int index)
    {
        string chain;
        SourceRegionCode region;
        InvestorTier tiers;
        if (index == 0)
        {
            // The investor of the flagship textile project: a listed industry leader from the Pearl River Delta.
            chain = "textiles";
            region = SourceRegionCode.PearlRiverDelta;
            tiers = InvestorTier.Listed | InvestorTier.IndustryLeader;
        }
        else
        {
            // Two investors per chain first, so that every chain can be given projects; then by weight.
            chain = index <= 2 * ChainMix.Length ? ChainMix[(index - 1) % ChainMix.Length].Chain : Pick(ChainMix, c => c.Weight).Chain;
            region = Pick(RegionMix, r => r.Weight).Region;
            // Every tier appears at least once; about a third of the others are tiered, some with several tiers.
            tiers = index <= InvestorTiers.All.Length ? InvestorTiers.All[index - 1] | MaybeSecondTier(0.3)
                : Chance(0.32) ? Pick(TierMix, t => t.Weight).Tier | MaybeSecondTier(0.25)
                : InvestorTier.None;
        }

        var places = DemoTexts.PlacesOf(region);
        var industries = DemoTexts.IndustryWordsOf(chain);
        for (var attempt = 0; ; attempt++)
        {
            var (prefix, division) = places[_random.Next(places.Count)];
            var brand = Brand(attempt > 40 ? 3 : 2);
            var industry = industries[_random.Next(industries.Count)];
            var suffix = tiers.HasFlag(InvestorTier.Global500) || tiers.HasFlag(InvestorTier.China500)
                ? (Chance(0.5) ? "集团有限公司" : "集团股份有限公司")
                : tiers.HasFlag(InvestorTier.Listed) || tiers.HasFlag(InvestorTier.Unicorn) && Chance(0.3) ? "股份有限公司"
                : Chance(0.12) ? "股份有限公司" : "有限公司";
            var name = prefix + brand + industry + suffix;
            if (!_investorNames.Add(name)) continue;
            return new InvestorPlan(name, NewCreditCode(division), tiers, region, chain);
        }
    }

    private InvestorTier MaybeSecondTier(double probability) =>
        Chance(probability) ? Pick(TierMix, t => t.Weight).Tier : InvestorTier.None;

    private string Brand(int length)
    {
        while (true)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++) chars[i] = DemoTexts.BrandCharacters[_random.Next(DemoTexts.BrandCharacters.Length)];
            var brand = new string(chars);
            if (chars.Distinct().Count() == length && !DemoTexts.FamousBrands.Contains(brand[..2])) return brand;
        }
    }

    /// <summary>A valid, unique 统一社会信用代码: 9 (market regulator), 1 (enterprise), the division, nine characters, the check.</summary>
    private string? NewCreditCode(string division)
    {
        // Enterprises from Central Asia are not registered in China yet: no code.
        if (division.Length == 0) return null;
        while (true)
        {
            var body = new char[9];
            if (Chance(0.6))
            {
                // Codes issued since 2015 mostly continue with "MA".
                body[0] = 'M';
                body[1] = 'A';
                for (var i = 2; i < 9; i++) body[i] = CreditCode.Alphabet[_random.Next(CreditCode.Alphabet.Length)];
            }
            else
            {
                // Older enterprises keep their organisation code: eight digits and a check character.
                for (var i = 0; i < 8; i++) body[i] = (char)('0' + _random.Next(10));
                body[8] = CreditCode.Alphabet[_random.Next(CreditCode.Alphabet.Length)];
            }
            var code = CreditCode.Complete("91" + division + new string(body)).Value;
            if (_creditCodes.Add(code)) return code;
        }
    }
}
