using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Reports;
using KashiInvest.Web.Shared;

namespace KashiInvest.Web.Tests.Shared;

/// <summary>The circuit's message size and the browser's input guard agree, and never cut a value a field accepts.</summary>
public sealed class LimitsOptionsTests
{
    private static readonly int LongestField = Math.Max(ProgressReport.TextMaxLength, Meeting.TextMaxLength);

    [Theory]
    [InlineData(LimitsOptions.MinCircuitMessageKilobytes)]
    [InlineData(1024)]
    [InlineData(LimitsOptions.MaxCircuitMessageKilobytes)]
    public void The_input_guard_lets_every_field_receive_more_than_its_limit_and_stays_within_the_circuits_message_size(int kilobytes)
    {
        var limits = new LimitsOptions { CircuitMessageKilobytes = kilobytes };
        Assert.Empty(limits.Validate());
        // The form must receive at least one character over the longest limit, to say "too long" rather than cut.
        Assert.True(limits.InputGuardCharacters > LongestField, $"{limits.InputGuardCharacters} characters at {kilobytes} KB");
        // One character more than the guard, each at its worst 6 bytes of JSON (\u0001), plus the event's envelope.
        Assert.True((limits.InputGuardCharacters + 1L) * 6 + 1024 < limits.CircuitMessageBytes);
    }

    [Fact]
    public void The_defaults_are_valid_and_the_list_caps_reach_the_domain_as_set()
    {
        var limits = new LimitsOptions { ProblemsPerReport = 7, MilestonesPerProject = 8, AgendaItemsPerMeeting = 9, DecisionsPerMeeting = 10, ActionItemsPerMeeting = 11 };
        Assert.Empty(new LimitsOptions().Validate());
        Assert.Equal(new KashiInvest.Domain.Common.ListLimits(7, 8, 9, 10, 11), limits.Lists);
    }
}
