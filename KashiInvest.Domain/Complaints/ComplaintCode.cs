using System.Security.Cryptography;
using System.Text;

namespace KashiInvest.Domain.Complaints;

/// <summary>
/// The tracking number and secret code a complainant gets. Only a salted PBKDF2 hash of the code is stored
/// (<c>{iterations}.{salt}.{hash}</c>, Base64); checking compares in fixed time. Both use an alphabet without look-alike
/// characters (no 0/O, 1/I/L), so they can be read out over the phone.
/// </summary>
public static class ComplaintCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int CodeLength = 8;
    public const int TrackingNumberMaxLength = 20;
    public const int HashMaxLength = 120;

    /// <summary>A typed code or tracking number longer than this is not looked at.</summary>
    public const int MaxTypedLength = 64;
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A new secret code of <see cref="CodeLength"/> characters.</summary>
    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, CodeLength);

    /// <summary>A new tracking number: <c>TS</c>, the Beijing filing day (yyMMdd) and five random characters.</summary>
    public static string NewTrackingNumber(DateOnly filedOn) =>
        $"TS{filedOn:yyMMdd}{RandomNumberGenerator.GetString(Alphabet, 5)}";

    /// <summary>How a typed tracking number or code is compared: trimmed, upper case, without spaces or dashes.</summary>
    public static string Normalize(string? text) =>
        new((text ?? string.Empty).Trim().ToUpperInvariant().Where(c => c is not (' ' or '-')).ToArray());

    public static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(Normalize(code), salt, Iterations);
        return $"{Iterations}.{Convert.ToBase64String(salt)}.{Convert.ToBase64String(hash)}";
    }

    /// <summary>Whether <paramref name="code"/> is the code whose hash is <paramref name="stored"/>.</summary>
    public static bool Matches(string? code, string stored)
    {
        if (code is null || code.Length > MaxTypedLength) return false;
        var parts = stored.Split('.');
        if (parts.Length != 3 || !int.TryParse(parts[0], out var iterations) || iterations < 1) return false;
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[1]);
            expected = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }
        var actual = Derive(Normalize(code), salt, iterations);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[] Derive(string code, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
