using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Units;

namespace KashiInvest.Domain.Tests.Leads;

public class LeadFormRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static LeadFormInput Valid() => new("广东粤纺印染科技股份有限公司", CreditCode.Complete("91440300MA5F00001").Value, SourceRegionCode.PearlRiverDelta,
        InvestorTier.Listed, "印染龙头", null, "环保印染基地", 1, null, 2, 50_000m, 600, "用地和污水处理", Feasibility.High, "建议尽快对接",
        Today, "董事长", "驻珠三角分局");

    [Fact]
    public void A_complete_form_passes() => Assert.Empty(LeadFormRules.Validate(Valid(), Today));

    [Fact]
    public void A_visit_in_the_future_a_bad_credit_code_and_missing_judgement_are_each_named_on_their_field()
    {
        var errors = LeadFormRules.Validate(Valid() with { VisitedOn = Today.AddDays(1), CreditCode = "91440300MA5F000010", Feasibility = null, Demands = " " }, Today);
        Assert.Equal(["CreditCode", "Demands", "Feasibility", "VisitedOn"], errors.Select(e => e.Field).Order());
        Assert.Equal("Date.InFuture", errors.Single(e => e.Field == "VisitedOn").Violation.Code);
    }

    [Fact]
    public void The_credit_code_is_optional_for_an_enterprise_without_one() =>
        Assert.Empty(LeadFormRules.Validate(Valid() with { CreditCode = null, Region = SourceRegionCode.Overseas }, Today));
}
