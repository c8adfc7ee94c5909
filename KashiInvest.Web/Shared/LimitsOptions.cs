using KashiInvest.Domain.Common;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Shared;

/// <summary>
/// Caps on what one user can make the server hold (configuration section <c>Limits</c>, validated at start): the
/// lists a form can grow (handed to the domain as <see cref="ListLimits"/>) and the live hub's topics per connection.
/// </summary>
public sealed class LimitsOptions : ICheckedOptions
{
    public const string Section = "Limits";
    public const int MaxCap = 10_000;

    public int ProblemsPerReport { get; set; } = ListLimits.Default.ProblemsPerReport;
    public int MilestonesPerProject { get; set; } = ListLimits.Default.MilestonesPerProject;
    public int AgendaItemsPerMeeting { get; set; } = ListLimits.Default.AgendaItemsPerMeeting;
    public int DecisionsPerMeeting { get; set; } = ListLimits.Default.DecisionsPerMeeting;
    public int ActionItemsPerMeeting { get; set; } = ListLimits.Default.ActionItemsPerMeeting;

    /// <summary>Topics one live-hub connection may hold at once; over it <c>Subscribe</c> returns false and joins nothing. Default 50.</summary>
    public int HubTopicsPerConnection { get; set; } = 50;

    public const int MinCircuitMessageKilobytes = 32;
    public const int MaxCircuitMessageKilobytes = 16_384;

    /// <summary>
    /// The largest message a page's circuit accepts from the browser, in KB (SignalR's 32 KB default is less than
    /// one long paste, and an over-size message drops the connection and loses what was typed). Default 1024.
    /// </summary>
    public int CircuitMessageKilobytes { get; set; } = 1024;

    /// <summary>The circuit's receive limit in bytes.</summary>
    public long CircuitMessageBytes => (long)CircuitMessageKilobytes * 1024;

    /// <summary>
    /// The longest text the browser sends to the circuit from one field (<c>js/input-guard.js</c>): a longer value is
    /// cut to one character more than this before it is sent, so that its message stays within
    /// <see cref="CircuitMessageKilobytes"/> (a character is at most 6 bytes in the event's JSON, e.g. <c>\u0001</c>),
    /// and the server refuses it as too long. Far above every field's own limit, so a real input is never cut.
    /// </summary>
    public int InputGuardCharacters => (int)(CircuitMessageBytes / 6) - 1024;

    /// <summary>The list caps, as the domain takes them.</summary>
    public ListLimits Lists => new(ProblemsPerReport, MilestonesPerProject, AgendaItemsPerMeeting, DecisionsPerMeeting, ActionItemsPerMeeting);

    /// <summary>The settings' errors, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, nameof(ProblemsPerReport), ProblemsPerReport);
        Check(errors, nameof(MilestonesPerProject), MilestonesPerProject);
        Check(errors, nameof(AgendaItemsPerMeeting), AgendaItemsPerMeeting);
        Check(errors, nameof(DecisionsPerMeeting), DecisionsPerMeeting);
        Check(errors, nameof(ActionItemsPerMeeting), ActionItemsPerMeeting);
        Check(errors, nameof(HubTopicsPerConnection), HubTopicsPerConnection);
        if (CircuitMessageKilobytes is < MinCircuitMessageKilobytes or > MaxCircuitMessageKilobytes)
            errors.Add($"{Section}:{nameof(CircuitMessageKilobytes)} must be between {MinCircuitMessageKilobytes} and {MaxCircuitMessageKilobytes} (was {CircuitMessageKilobytes}).");
        return errors;
    }

    private static void Check(List<string> errors, string name, int value)
    {
        if (value is < 1 or > MaxCap) errors.Add($"{Section}:{name} must be between 1 and {MaxCap} (was {value}).");
    }
}

public static class LimitsSetup
{
    public static IServiceCollection AddLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<LimitsOptions>(configuration, LimitsOptions.Section);
        return services;
    }
}
