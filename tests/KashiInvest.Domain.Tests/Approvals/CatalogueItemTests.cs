using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Approvals;

public class CatalogueItemTests
{
    public static CatalogueItemInput Input(int statutory = 20, LimitUnit unit = LimitUnit.WorkingDays, int? green = null, int? commitment = null,
        string code = "planning-permit", string[]? prerequisites = null) =>
        new(code, "建设工程规划许可证核发", "Construction-engineering planning permit", 31, ApprovalLevel.Prefecture, statutory, unit,
            "《中华人民共和国城乡规划法》第四十条", ApprovalStage.ProjectApprovalAndLandUsePlanning, prerequisites ?? ["land-permit"], true, green, commitment);

    [Theory]
    [InlineData(20, 10)]
    [InlineData(15, 7)]
    [InlineData(7, 3)]
    [InlineData(3, 1)]
    [InlineData(2, 1)]
    [InlineData(1, 1)]
    public void The_committed_limit_is_half_the_statutory_one_rounded_down_and_at_least_one_day(int statutory, int committed)
    {
        Assert.Equal(committed, CatalogueItem.Halve(statutory));
        Assert.Equal(committed, new CatalogueItem(Input(statutory)).CommittedLimit);
    }

    [Fact]
    public void A_department_may_commit_to_less_than_half_but_never_more()
    {
        var item = new CatalogueItem(Input(20));

        item.CommitTo(6);
        Assert.Equal(6, item.CommittedLimit);
        Rules.Refused("Catalogue.CommitmentAboveHalf", () => item.CommitTo(11));
        Rules.Refused("Catalogue.CommitmentAboveHalf", () => item.CommitTo(0));
        Assert.Equal(6, item.CommittedLimit);
        item.CommitTo(null);
        Assert.Equal(10, item.CommittedLimit);
        Assert.Equal("Catalogue.CommitmentAboveHalf", Assert.Single(CatalogueItem.Validate(Input(20, commitment: 12))).Violation.Code);
    }

    [Fact]
    public void A_key_project_takes_the_green_channel_limit_and_others_the_committed_one()
    {
        var item = new CatalogueItem(Input(20, green: 5));

        Assert.Equal(5, item.LimitFor(greenChannel: true));
        Assert.Equal(10, item.LimitFor(greenChannel: false));
        Assert.Equal(10, new CatalogueItem(Input(20)).LimitFor(greenChannel: true));
    }

    [Fact]
    public void The_green_channel_is_never_longer_than_the_committed_limit()
    {
        Rules.Refused("Catalogue.GreenChannelAboveCommitted", () => _ = new CatalogueItem(Input(20, green: 11)));
        var item = new CatalogueItem(Input(20, green: 8));
        Rules.Refused("Catalogue.GreenChannelAboveCommitted", () => item.SetGreenChannel(12));

        item.CommitTo(6);  // the department commits below the green channel: the shorter one holds
        Assert.Equal(6, item.LimitFor(greenChannel: true));
    }

    [Fact]
    public void An_item_needs_a_statutory_limit_a_name_a_legal_source_and_does_not_wait_on_itself()
    {
        Assert.Equal([("StatutoryLimit", "Catalogue.StatutoryLimitOutOfRange")], Rules.Pairs(CatalogueItem.Validate(Input(0))));
        Assert.Equal([("Prerequisites", "Catalogue.WaitsOnItself")], Rules.Pairs(CatalogueItem.Validate(Input(prerequisites: ["planning-permit"]))));
        Assert.Contains(("LegalSource", "Catalogue.LegalSourceRequired"), Rules.Pairs(CatalogueItem.Validate(Input() with { LegalSource = " " })));
        Assert.Contains(("Name", "Catalogue.NameRequired"), Rules.Pairs(CatalogueItem.Validate(Input() with { Name = "" })));
    }

    [Fact]
    public void Prerequisites_are_kept_by_code()
    {
        var item = new CatalogueItem(Input(prerequisites: ["land-permit", " eia ", "land-permit", ""]));
        Assert.Equal(["land-permit", "eia"], item.Prerequisites);
        Assert.Empty(new CatalogueItem(Input(prerequisites: [])).Prerequisites);
    }
}
