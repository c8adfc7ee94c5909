using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Shared;

/// <summary>Settings that check themselves: <see cref="Validate"/> lists every error, each naming the setting as configured.</summary>
public interface ICheckedOptions
{
    /// <summary>The settings' errors, empty when valid.</summary>
    IReadOnlyList<string> Validate();
}

public static class CheckedOptions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/> (when a configuration is given) and refuses to start
    /// with the errors of its own <see cref="ICheckedOptions.Validate"/>.
    /// </summary>
    public static OptionsBuilder<T> AddCheckedOptions<T>(this IServiceCollection services, IConfiguration? configuration, string section)
        where T : class, ICheckedOptions
    {
        var builder = services.AddOptions<T>();
        if (configuration is not null) builder.Bind(configuration.GetSection(section));
        builder.ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>, Validator<T>>();
        return builder;
    }

    /// <summary>Adds "<c>Section:Name must be between min and max (was value).</c>" when <paramref name="value"/> is out of range.</summary>
    public static void CheckRange(this List<string> errors, string section, string name, int value, int min, int max)
    {
        if (value < min || value > max) errors.Add($"{section}:{name} must be between {min} and {max} (was {value}).");
    }

    private sealed class Validator<T> : IValidateOptions<T> where T : class, ICheckedOptions
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
