using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Projects;

public class ProjectDetailsRulesTests
{
    private static readonly DateOnly Today = TestProjects.Today;

    private static (string Field, string Code)[] Check(ProjectDetails details) =>
        Rules.Pairs(ProjectDetailsRules.Validate(details, Today));

    [Fact]
    public void Valid_details_give_no_violations()
    {
        var details = TestProjects.Details(
            description: "年产10万锭紧密纺及配套织造", responsibleLeader: "王建国", leaderInCharge: "县长 阿不都",
            plannedStartOn: new DateOnly(2027, 3, 1), plannedCompletionOn: new DateOnly(2028, 6, 30),
            milestones:
            [
                TestProjects.Milestone("签订投资协议", new DateOnly(2026, 11, 1), reachedOn: Today),
                TestProjects.Milestone("开工建设", new DateOnly(2027, 3, 1)),
            ]);

        Assert.Empty(ProjectDetailsRules.Validate(details, Today));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_is_required(string name) =>
        Assert.Equal([("Name", "Field.Required")], Check(TestProjects.Details(name: name)));

    [Fact]
    public void A_name_of_100_characters_is_accepted_and_101_is_too_long()
    {
        Assert.Empty(Check(TestProjects.Details(name: new string('纺', 100))));

        var violation = Assert.Single(ProjectDetailsRules.Validate(TestProjects.Details(name: new string('纺', 101)), Today));
        Assert.Equal("Name", violation.Field);
        Assert.Equal("Text.TooLong", violation.Violation.Code);
        Assert.Equal(new object[] { 100 }, violation.Violation.Args);
    }

    [Fact]
    public void Optional_texts_have_length_limits()
    {
        var details = TestProjects.Details(description: new string('x', 2001), responsibleLeader: new string('王', 51), leaderInCharge: new string('李', 51));

        Assert.Equal([("Description", "Text.TooLong"), ("ResponsibleLeader", "Text.TooLong"), ("LeaderInCharge", "Text.TooLong")], Check(details));
    }

    [Fact]
    public void Host_chain_and_investor_are_required()
    {
        var details = TestProjects.Details(hostUnitId: 0, chainId: -1, investorId: 0);

        Assert.Equal([("HostUnitId", "Field.Required"), ("ChainId", "Field.Required"), ("InvestorId", "Field.Required")], Check(details));
    }

    public static TheoryData<decimal, string?> Amounts() => new()
    {
        { 0m, "Money.MustBePositive" },
        { -100m, "Money.MustBePositive" },
        { 0.0001m, null },
        { 75_000m, null },
        { 10_000_000m, null },                       // 1,000亿: the largest plausible figure
        { 10_000_000.0001m, "Money.TooLarge" },
        { 1.00001m, "Money.TooPrecise" },            // 5 decimals: below 0.1 元
        { 12_345.6789m, null },                      // 4 decimals: to the 元
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void The_planned_investment_must_be_positive_plausible_and_to_the_yuan(decimal wan, string? expectedCode)
    {
        var pairs = Check(TestProjects.Details(investmentWan: wan));

        if (expectedCode is null) Assert.Empty(pairs);
        else Assert.Equal([("PlannedInvestmentWan", expectedCode)], pairs);
    }

    [Theory]
    [InlineData(-1, "Number.MustNotBeNegative")]
    [InlineData(0, null)]
    [InlineData(1_000_000, null)]
    [InlineData(1_000_001, "Number.TooLarge")]
    public void Expected_jobs_must_not_be_negative_nor_absurd(int jobs, string? expectedCode)
    {
        var pairs = Check(TestProjects.Details(jobs: jobs));

        if (expectedCode is null) Assert.Empty(pairs);
        else Assert.Equal([("ExpectedJobs", expectedCode)], pairs);
    }

    [Fact]
    public void Completion_before_start_is_refused_on_the_completion_date()
    {
        var details = TestProjects.Details(plannedStartOn: new DateOnly(2027, 5, 1), plannedCompletionOn: new DateOnly(2027, 4, 30));

        Assert.Equal([("PlannedCompletionOn", "Date.EndBeforeStart")], Check(details));
    }

    [Fact]
    public void Completion_on_the_start_day_or_with_either_date_missing_is_accepted()
    {
        Assert.Empty(Check(TestProjects.Details(plannedStartOn: new DateOnly(2027, 5, 1), plannedCompletionOn: new DateOnly(2027, 5, 1))));
        Assert.Empty(Check(TestProjects.Details(plannedStartOn: null, plannedCompletionOn: new DateOnly(2020, 1, 1))));
        Assert.Empty(Check(TestProjects.Details(plannedStartOn: new DateOnly(2030, 1, 1), plannedCompletionOn: null)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_milestone_needs_a_name(string name)
    {
        var details = TestProjects.Details(milestones:
            [TestProjects.Milestone("签约", new DateOnly(2026, 12, 1)), TestProjects.Milestone(name, new DateOnly(2027, 1, 1))]);

        Assert.Equal([("Milestones[1].Name", "Field.Required")], Check(details));
    }

    [Fact]
    public void A_milestone_name_is_limited_to_100_characters()
    {
        var details = TestProjects.Details(milestones: [TestProjects.Milestone(new string('m', 101), new DateOnly(2026, 12, 1))]);

        Assert.Equal([("Milestones[0].Name", "Text.TooLong")], Check(details));
    }

    [Fact]
    public void Milestone_names_must_be_unique_after_trimming()
    {
        var details = TestProjects.Details(milestones:
        [
            TestProjects.Milestone("开工建设", new DateOnly(2027, 3, 1)),
            TestProjects.Milestone("竣工投产", new DateOnly(2028, 3, 1)),
            TestProjects.Milestone(" 开工建设 ", new DateOnly(2027, 4, 1)),
        ]);

        var violation = Assert.Single(ProjectDetailsRules.Validate(details, Today));
        Assert.Equal("Milestones[2].Name", violation.Field);
        Assert.Equal("Milestone.DuplicateName", violation.Violation.Code);
        Assert.Equal(new object[] { "开工建设" }, violation.Violation.Args);
    }

    [Fact]
    public void A_milestone_needs_a_planned_date()
    {
        var details = TestProjects.Details(milestones: [TestProjects.Milestone("开工建设", null)]);

        Assert.Equal([("Milestones[0].PlannedOn", "Field.Required")], Check(details));
    }

    [Fact]
    public void A_milestone_cannot_be_reached_in_the_future_but_can_be_reached_today()
    {
        var details = TestProjects.Details(milestones:
        [
            TestProjects.Milestone("签约", new DateOnly(2026, 11, 1), reachedOn: Today),
            TestProjects.Milestone("开工", new DateOnly(2026, 11, 1), reachedOn: Today.AddDays(1)),
        ]);

        Assert.Equal([("Milestones[1].ReachedOn", "Date.InFuture")], Check(details));
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var details = TestProjects.Details(name: "", investmentWan: 0m, jobs: -3,
            plannedStartOn: new DateOnly(2027, 5, 1), plannedCompletionOn: new DateOnly(2027, 1, 1),
            milestones: [TestProjects.Milestone("", null)]);

        Assert.Equal(
            [
                ("Name", "Field.Required"), ("PlannedInvestmentWan", "Money.MustBePositive"), ("ExpectedJobs", "Number.MustNotBeNegative"),
                ("PlannedCompletionOn", "Date.EndBeforeStart"), ("Milestones[0].Name", "Field.Required"), ("Milestones[0].PlannedOn", "Field.Required"),
            ],
            Check(details));
    }
}
