using KashiInvest.Domain.Evaluations;

namespace KashiInvest.Domain.Tests.Evaluations;

public class AgreementDeadlineTests
{
    private static readonly DateOnly Passed = new(2026, 10, 1);

    [Fact]
    public void Without_a_passed_evaluation_nothing_is_owed() =>
        Assert.Equal(AgreementDeadlineState.NotApplicable, AgreementDeadline.Evaluate(null, null, Passed, 30).State);

    [Fact]
    public void On_the_last_day_it_is_still_due_with_no_days_left()
    {
        var status = AgreementDeadline.Evaluate(Passed, null, new DateOnly(2026, 10, 31), 30);
        Assert.Equal((AgreementDeadlineState.Due, new DateOnly(2026, 10, 31), 0, 0), (status.State, status.DueOn!.Value, status.OverdueDays, status.DaysLeft));
    }

    [Fact]
    public void The_day_after_the_deadline_it_is_one_day_overdue()
    {
        var status = AgreementDeadline.Evaluate(Passed, null, new DateOnly(2026, 11, 1), 30);
        Assert.Equal((AgreementDeadlineState.Overdue, 1), (status.State, status.OverdueDays));
        Assert.True(status.IsOverdue);
    }

    [Fact]
    public void Days_left_count_down_to_the_deadline()
    {
        Assert.Equal(20, AgreementDeadline.Evaluate(Passed, null, new DateOnly(2026, 10, 11), 30).DaysLeft);
        Assert.Equal(15, AgreementDeadline.Evaluate(Passed, null, new DateOnly(2026, 11, 15), 30).OverdueDays);
    }

    [Fact]
    public void A_signed_project_is_never_overdue_even_if_signed_late() =>
        Assert.Equal(AgreementDeadlineState.Signed, AgreementDeadline.Evaluate(Passed, new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 1), 30).State);

    [Fact]
    public void The_setting_decides_the_deadline()
    {
        var settings = new LifecycleSettings { SignAgreementWithinDays = 10 };
        Assert.Equal(AgreementDeadlineState.Overdue, AgreementDeadline.Evaluate(Passed, null, new DateOnly(2026, 10, 12), settings).State);
        Assert.Equal(30, new LifecycleSettings().SignAgreementWithinDays);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public void Settings_out_of_range_are_refused_at_start(int days) =>
        Assert.NotEmpty(new LifecycleSettings { SignAgreementWithinDays = days, SignAgreementSoonDays = 0 }.Validate());

    [Fact]
    public void The_default_settings_are_valid() => Assert.Empty(new LifecycleSettings().Validate());
}
