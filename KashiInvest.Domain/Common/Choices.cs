namespace KashiInvest.Domain.Common;

/// <summary>
/// The rule for values picked from a list (enums): a form offers only defined values, but a script can send any
/// number, which would be stored as it is and shown as a raw code. Such a value is refused with
/// <c>Field.UnknownChoice</c>.
/// </summary>
public static class Choices
{
    public const string Unknown = "Field.UnknownChoice";

    /// <summary>A defined value; for a [Flags] enum, any combination of defined flags.</summary>
    public static bool IsKnown<T>(T value) where T : struct, Enum
    {
        if (Enum.IsDefined(value)) return true;
        if (!typeof(T).IsDefined(typeof(FlagsAttribute), inherit: false)) return false;
        var bits = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        var all = Enum.GetValues<T>().Aggregate(0L, (a, v) => a | Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture));
        return bits >= 0 && (bits & ~all) == 0;
    }

    /// <summary>Adds <c>Field.UnknownChoice</c> for <paramref name="field"/> when a value is given and not known.</summary>
    public static void Add<T>(ICollection<FieldViolation> errors, string field, T? value) where T : struct, Enum
    {
        if (value is { } v && !IsKnown(v)) errors.Add(new FieldViolation(field, Unknown));
    }
}
