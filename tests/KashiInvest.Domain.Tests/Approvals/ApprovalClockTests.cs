using KashiInvest.Domain.Approvals;
using static KashiInvest.Domain.Tests.Approvals.Calendars;

namespace KashiInvest.Domain.Tests.Approvals;

public class ApprovalClockTests
{
    private static ClockReading Read(DateOnly start, int limit, DateOnly today, LimitUnit unit = LimitUnit.WorkingDays,
        PauseSpan[]? pauses = null, DateOnly? finished = null, WorkingCalendar? calendar = null) =>
        ApprovalClock.Read(new ClockFacts(start, limit, unit, pauses ?? [], FinishedOn: finished), calendar ?? China, today);

    [Fact]
    public void An_item_accepted_on_the_holiday_Friday_before_National_Day_is_due_after_the_holidays()
    {
        // Friday 25 September 2026 is 中秋节; 1–7 October off; Saturday 10 October a make-up working day.
        var reading = Read(D(2026, 9, 25), 10, D(2026, 10, 9));

        Assert.Equal(D(2026, 10, 15), reading.DueOn);
        Assert.Equal(5, reading.Elapsed);  // 28, 29, 30 September, 8, 9 October
        Assert.Equal(5, reading.Remaining);
        Assert.Equal(ClockState.Normal, reading.State);
        Assert.False(reading.CountsOnWeekendsOnly);
    }

    [Fact]
    public void Without_the_holiday_data_the_same_item_would_be_due_a_week_earlier() =>
        Assert.Equal(D(2026, 10, 9), Read(D(2026, 9, 25), 10, D(2026, 9, 28), calendar: WorkingCalendar.WeekendsOnly).DueOn);

    [Fact]
    public void An_item_accepted_on_Tuesday_29_September_counts_the_make_up_Saturday()
    {
        var reading = Read(D(2026, 9, 29), 4, D(2026, 10, 10));

        Assert.Equal(D(2026, 10, 10), reading.DueOn);
        Assert.Equal(4, reading.Elapsed);
        Assert.Equal(ClockState.Warning, reading.State);
        Assert.Equal(ClockState.Overdue, Read(D(2026, 9, 29), 4, D(2026, 10, 12)).State);
    }

    [Theory]
    [InlineData(13, ClockState.Normal, 2)]   // 2 of 10 left: exactly 20 %, not less
    [InlineData(14, ClockState.Warning, 1)]  // 1 of 10 left: less than 20 %
    [InlineData(15, ClockState.Warning, 0)]  // the due day itself
    [InlineData(16, ClockState.Overdue, -1)]
    public void The_warning_starts_below_twenty_percent_of_the_committed_time(int october, ClockState expected, int remaining)
    {
        var reading = Read(D(2026, 9, 25), 10, D(2026, 10, october));
        Assert.Equal(expected, reading.State);
        Assert.Equal(remaining, reading.Remaining);
    }

    [Fact]
    public void The_warning_share_is_a_setting()
    {
        var facts = new ClockFacts(D(2026, 9, 25), 10, LimitUnit.WorkingDays, []);
        Assert.Equal(ClockState.Warning, ApprovalClock.Read(facts, China, D(2026, 10, 13), warningPercent: 30).State);
        Assert.Equal(ClockState.Normal, ApprovalClock.Read(facts, China, D(2026, 10, 12), warningPercent: 30).State);
    }

    [Fact]
    public void A_pause_across_the_month_end_is_left_out_of_the_count()
    {
        // Accepted Monday 23 November, expert review from Wednesday 25 November to Friday 4 December.
        var pause = new PauseSpan(D(2026, 11, 25), D(2026, 12, 4), D(2026, 12, 4));
        var reading = Read(D(2026, 11, 23), 10, D(2026, 12, 8), pauses: [pause]);

        Assert.Equal(D(2026, 12, 16), reading.DueOn);
        Assert.Equal(4, reading.Elapsed);  // 24, 25 November; 7, 8 December
        Assert.Equal(ClockState.Normal, reading.State);
        Assert.Equal(D(2026, 12, 7), Read(D(2026, 11, 23), 10, D(2026, 11, 24)).DueOn);
    }

    [Fact]
    public void A_running_pause_shows_as_paused_and_moves_the_due_day_past_its_expected_end()
    {
        var open = new PauseSpan(D(2026, 11, 25), null, D(2026, 12, 4));

        var during = Read(D(2026, 11, 23), 10, D(2026, 12, 1), pauses: [open]);
        Assert.Equal(ClockState.Paused, during.State);
        Assert.Equal(2, during.Elapsed);
        Assert.Equal(D(2026, 12, 16), during.DueOn);

        // Still running on 8 December, past its expected end: the due day moves on with it.
        var late = Read(D(2026, 11, 23), 10, D(2026, 12, 8), pauses: [open]);
        Assert.Equal(ClockState.Paused, late.State);
        Assert.Equal(2, late.Elapsed);
        Assert.Equal(D(2026, 12, 18), late.DueOn);
    }

    [Fact]
    public void A_clock_that_was_overdue_before_its_pause_stays_overdue()
    {
        var open = new PauseSpan(D(2026, 11, 27), null, D(2026, 12, 31));
        Assert.Equal(ClockState.Overdue, Read(D(2026, 11, 19), 3, D(2026, 11, 30), pauses: [open]).State);
    }

    [Fact]
    public void A_seven_day_natural_day_permit_counts_every_day()
    {
        // Accepted Thursday 19 November 2026: due Thursday 26 November.
        Assert.Equal(D(2026, 11, 26), Read(D(2026, 11, 19), 7, D(2026, 11, 20), LimitUnit.NaturalDays).DueOn);
        Assert.Equal(ClockState.Normal, Read(D(2026, 11, 19), 7, D(2026, 11, 24), LimitUnit.NaturalDays).State);  // 2 of 7 left
        Assert.Equal(ClockState.Warning, Read(D(2026, 11, 19), 7, D(2026, 11, 25), LimitUnit.NaturalDays).State); // 1 of 7 left
        Assert.Equal(ClockState.Overdue, Read(D(2026, 11, 19), 7, D(2026, 11, 27), LimitUnit.NaturalDays).State);
        Assert.Equal(5, Read(D(2026, 11, 19), 7, D(2026, 11, 24), LimitUnit.NaturalDays).Elapsed);
    }

    [Fact]
    public void A_natural_day_permit_whose_last_day_is_a_holiday_ends_on_the_next_working_day()
    {
        // Accepted Thursday 24 September: the seventh day is 1 October, the period ends on Thursday 8 October.
        var during = Read(D(2026, 9, 24), 7, D(2026, 10, 5), LimitUnit.NaturalDays);
        Assert.Equal(D(2026, 10, 8), during.DueOn);
        Assert.Equal(ClockState.Warning, during.State);
        Assert.Equal(ClockState.Overdue, Read(D(2026, 9, 24), 7, D(2026, 10, 9), LimitUnit.NaturalDays).State);
    }

    [Fact]
    public void A_clock_in_a_year_without_holiday_data_says_it_counts_weekends_only()
    {
        var reading = Read(D(2027, 12, 27), 10, D(2027, 12, 28));

        Assert.True(reading.CountsOnWeekendsOnly);
        Assert.Equal([2027, 2028], reading.YearsWithoutData);
        Assert.Equal(D(2028, 1, 10), reading.DueOn);
        Assert.False(Read(D(2026, 11, 19), 7, D(2026, 11, 20), LimitUnit.NaturalDays).CountsOnWeekendsOnly);
    }

    [Fact]
    public void A_finished_clock_says_whether_it_kept_the_limit()
    {
        Assert.Equal(ClockState.FinishedOnTime, Read(D(2026, 9, 25), 10, D(2026, 11, 1), finished: D(2026, 10, 15)).State);
        var late = Read(D(2026, 9, 25), 10, D(2026, 11, 1), finished: D(2026, 10, 16));
        Assert.Equal(ClockState.FinishedLate, late.State);
        Assert.Equal(11, late.Elapsed);
        Assert.False(late.IsAlerting);
    }

    [Fact]
    public void A_clock_that_has_not_started_or_waits_for_a_correction_does_not_run()
    {
        Assert.Equal(ClockState.NotStarted, ApprovalClock.Read(new ClockFacts(null, 10, LimitUnit.WorkingDays, []), China, D(2026, 11, 19)).State);
        var waiting = ApprovalClock.Read(new ClockFacts(D(2026, 11, 2), 10, LimitUnit.WorkingDays, [], AwaitingCorrection: true), China, D(2026, 12, 30));
        Assert.Equal(ClockState.AwaitingCorrection, waiting.State);
        Assert.Null(waiting.DueOn);
        Assert.False(waiting.IsAlerting);
    }
}
