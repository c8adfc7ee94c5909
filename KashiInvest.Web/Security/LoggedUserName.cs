using System.Security.Cryptography;
using System.Text;

namespace KashiInvest.Web.Security;

/// <summary>
/// How a user name typed into a failed sign-in appears in the logs: never as typed (people type their password into
/// the user-name field), but as its first two characters and a short hash, enough to tell repeated attempts on one
/// name apart and to match a name the operator already knows (<see cref="For"/> of it), not to read it back.
/// </summary>
public static class LoggedUserName
{
    /// <summary>How many leading characters are kept.</summary>
    public const int KeptCharacters = 2;

    /// <summary>E.g. <c>ka…#3f9a1c0d</c> for "kashi"; control characters are dropped first, so a log line cannot be forged.</summary>
    public static string For(string? typed)
    {
        var name = new string((typed ?? string.Empty).Trim().Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray());
        if (name.Length == 0) return "(empty)";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name.ToUpperInvariant()));
        return $"{name[..Math.Min(KeptCharacters, name.Length)]}…#{Convert.ToHexStringLower(hash, 0, 4)}";
    }
}
