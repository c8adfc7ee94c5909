using KashiInvest.Domain.Health;
using KashiInvest.Domain.Projects;

namespace KashiInvest.Domain.Tests.Health;

public class HealthSettingsTests
{
    [Fact]
    public void The_default_settings_are_valid_and_are_the_rules_own_numbers()
    {
        var settings = new HealthSettings();

        Assert.Empty(settings.Validate());
        Assert.Equal(3, settings.ReportDeadlineDays);
        Assert.Equal(30, settings.MilestoneStalledAfterDays);
        Assert.Equal(2, settings.MissingReportsStalledAt);
        Assert.Equal(30, settings.StallDaysFor(ProjectStage.Negotiating));
        Assert.Equal(15, settings.StallDaysFor(ProjectStage.Construction));
        Assert.Null(settings.StallDaysFor(ProjectStage.Production));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(15, true)]
    [InlineData(-1, false)]
    [InlineData(16, false)]
    public void The_report_deadline_is_0_to_15_days(int days, bool valid) =>
        AssertValidity(new HealthSettings { ReportDeadlineDays = days }, valid, "Health:ReportDeadlineDays");

    [Theory]
    [InlineData(1, true)]
    [InlineData(365, true)]
    [InlineData(0, false)]
    [InlineData(366, false)]
    public void A_stall_limit_is_1_to_365_days(int days, bool valid)
    {
        var settings = new HealthSettings();
        settings.StallDays[ProjectStage.Landing] = days;

        AssertValidity(settings, valid, "Health:StallDays:Landing");
    }

    [Theory]
    [InlineData(ProjectStage.Lead)]
    [InlineData(ProjectStage.Triage)]
    [InlineData(ProjectStage.Reserve)]
    [InlineData(ProjectStage.Terminated)]
    public void A_stall_limit_for_a_stage_without_a_battle_map_is_refused(ProjectStage stage)
    {
        var settings = new HealthSettings();
        settings.StallDays[stage] = 10;

        var error = Assert.Single(settings.Validate());
        Assert.Contains($"Health:StallDays:{stage}", error, StringComparison.Ordinal);
        Assert.Contains("battle map", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stall_limit_for_production_is_allowed()
    {
        var settings = new HealthSettings();
        settings.StallDays[ProjectStage.Production] = 90;

        Assert.Empty(settings.Validate());
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(365, true)]
    [InlineData(0, false)]
    [InlineData(366, false)]
    public void The_milestone_stall_threshold_is_1_to_365_days(int days, bool valid) =>
        AssertValidity(new HealthSettings { MilestoneStalledAfterDays = days }, valid, "Health:MilestoneStalledAfterDays");

    [Theory]
    [InlineData(1, true)]
    [InlineData(24, true)]
    [InlineData(0, false)]
    [InlineData(25, false)]
    public void The_missing_report_threshold_is_1_to_24_reports(int count, bool valid) =>
        AssertValidity(new HealthSettings { MissingReportsStalledAt = count }, valid, "Health:MissingReportsStalledAt");

    [Fact]
    public void Every_bad_value_is_named_at_once()
    {
        var settings = new HealthSettings { ReportDeadlineDays = -1, MilestoneStalledAfterDays = 0, MissingReportsStalledAt = 0 };
        settings.StallDays[ProjectStage.Signed] = 0;
        settings.StallDays[ProjectStage.Lead] = 5;

        var errors = settings.Validate();

        Assert.Equal(5, errors.Count);
        foreach (var key in new[] { "ReportDeadlineDays", "MilestoneStalledAfterDays", "MissingReportsStalledAt", "StallDays:Signed", "StallDays:Lead" })
            Assert.Contains(errors, e => e.StartsWith($"Health:{key} ", StringComparison.Ordinal));
    }

    private static void AssertValidity(HealthSettings settings, bool valid, string key)
    {
        var errors = settings.Validate();
        if (valid)
        {
            Assert.Empty(errors);
            return;
        }
        var error = Assert.Single(errors);
        Assert.StartsWith(key + " ", error, StringComparison.Ordinal);
    }
}
