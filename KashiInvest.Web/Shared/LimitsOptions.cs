using KashiInvest.Domain.Common;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Shared;

/// <summary>
/// Caps on what one user can make the server hold (configuration section <c>Limits</c>, validated at start): the
/// lists a form can grow (handed to the domain as <see cref="ListLimits"/>) and the live hub's topics per connection.
/// </summary>
public sealed class LimitsOptions
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
        return errors;
    }

    private static void Check(List<string> errors, string name, int value)
    {
        if (value is < 1 or > MaxCap) errors.Add($"{Section}:{name} must be between 1 and {MaxCap} (was {value}).");
    }
}

internal sealed class LimitsOptionsValidator : IValidateOptions<LimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, LimitsOptions options) =>
        options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}

public static class LimitsSetup
{
    public static IServiceCollection AddLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidator>();
        return services;
    }
}
