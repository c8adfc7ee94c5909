using System.Text;
using System.Xml.Linq;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace KashiInvest.Web.Tests.Security;

/// <summary>
/// Runs hostile cases against the application's commands and judges each one: no exception, no error logged, no
/// "could not save"; a refusal carries a message key that exists in both resource files and changed nothing in the
/// database (SQLite's <c>data_version</c> seen from a separate connection moves with every commit of any other
/// connection); an acceptance stores exactly what was sent (trimmed). Failures are collected, not thrown, so that
/// one run reports all of them.
/// </summary>
public sealed class HostileSweep : IDisposable
{
    private static readonly string Resources = Path.Combine(Repo.Root, "KashiInvest.Web", "Resources");
    private static readonly Lazy<(HashSet<string> En, HashSet<string> Zh)> Keys = new(() => (Load("Strings.resx"), Load("Strings.zh-CN.resx")));

    private readonly SqliteConnection _observer;
    private readonly CapturedLogs _logs;
    private readonly Dictionary<string, int> _perCommand = new(StringComparer.Ordinal);

    public HostileSweep(string dataDir, CapturedLogs logs)
    {
        _logs = logs;
        // Its own connection, outside the pool: data_version only moves for commits made by other connections.
        _observer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "kashiinvest.db"), Pooling = false }.ToString());
        _observer.Open();
    }

    public List<string> Failures { get; } = [];

    public int Count { get; private set; }

    public int Refused { get; private set; }

    public int Accepted { get; private set; }

    public IReadOnlyDictionary<string, int> PerCommand => _perCommand;

    private static HashSet<string> Load(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    /// <summary>The key a result is shown with (see <see cref="WriteFeedback"/>), per error.</summary>
    public static IEnumerable<string> MessageKeys(WriteResult result) => result.Status switch
    {
        WriteStatus.Invalid => (result.Errors ?? []).Select(e => $"Rule.{e.Violation.Code}"),
        WriteStatus.Conflict => ["Write.Conflict"],
        WriteStatus.NotFound => ["Write.NotFound"],
        WriteStatus.NotAllowed => ["Write.NotAllowed"],
        _ => ["Write.Unavailable"],
    };

    public static bool KeyExists(string key) => Keys.Value.En.Contains(key) && Keys.Value.Zh.Contains(key);

    private long DataVersion()
    {
        using var command = _observer.CreateCommand();
        command.CommandText = "PRAGMA data_version;";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Runs one case: <paramref name="act"/> is the command call (any setup is done before), <paramref name="stored"/>
    /// reads back the value an acceptance stored (by the result's id), to compare with <paramref name="sent"/>.
    /// </summary>
    public async Task RunAsync(string command, string field, string valueName, Expect expect, Func<Task<WriteResult>> act,
        string? sent = null, Func<int, Task<string?>>? stored = null)
    {
        Count++;
        _perCommand[command] = _perCommand.GetValueOrDefault(command) + 1;
        var name = $"{command}.{field} = {valueName}";
        var logsBefore = _logs.Lines.Count;
        var versionBefore = DataVersion();
        WriteResult result;
        try
        {
            result = await act();
        }
        catch (Exception ex)
        {
            Failures.Add($"{name}: threw {ex.GetType().Name}: {Shorten(ex.Message)}");
            return;
        }
        var changed = DataVersion() != versionBefore;
        foreach (var line in _logs.Lines.Skip(logsBefore).Where(l => l.Contains(" Error:", StringComparison.Ordinal) || l.Contains(" Critical:", StringComparison.Ordinal)))
            Failures.Add($"{name}: logged {Shorten(line)}");

        if (result.Status == WriteStatus.Saved)
        {
            Accepted++;
            if (expect == Expect.Refused) { Failures.Add($"{name}: accepted, must be refused"); return; }
            if (!changed) Failures.Add($"{name}: accepted but nothing was committed (is the observer blind?)");
            if (sent is not null && stored is not null && result.Id is { } id)
            {
                var back = await stored(id);
                if (!RoundTrips(sent, back)) Failures.Add($"{name}: stored {Describe(back)} for {Describe(sent)}");
            }
            return;
        }

        Refused++;
        if (result.Status == WriteStatus.Unavailable) Failures.Add($"{name}: could not save (a server error, not a refusal)");
        else if (result.Status == WriteStatus.Conflict) Failures.Add($"{name}: refused as a conflict, which tells the user nothing about the input");
        if (result.Status == WriteStatus.Invalid && result.Errors is not { Count: > 0 }) Failures.Add($"{name}: refused without a reason");
        foreach (var key in MessageKeys(result).Where(k => !KeyExists(k)))
            Failures.Add($"{name}: refused with message key {key}, missing from Strings.resx or Strings.zh-CN.resx");
        if (changed) Failures.Add($"{name}: refused ({result.Status}) but the database changed");
    }

    /// <summary>Stored as sent, or trimmed; a whitespace-only optional text may be stored as nothing.</summary>
    public static bool RoundTrips(string sent, string? back) =>
        string.Equals(back, sent, StringComparison.Ordinal)
        || string.Equals(back, sent.Trim(), StringComparison.Ordinal)
        || (string.IsNullOrWhiteSpace(sent) && string.IsNullOrEmpty(back));

    private static string Describe(string? s)
    {
        if (s is null) return "null";
        var sb = new StringBuilder("\"");
        foreach (var c in s.Length > 40 ? s[..40] : s)
            sb.Append(c < 0x20 || c is >= '\u007F' and <= '\u009F' || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' or '\uFFFD' ? $"\\u{(int)c:X4}" : c.ToString());
        return sb.Append(s.Length > 40 ? $"…\" ({s.Length} chars)" : "\"").ToString();
    }

    private static string Shorten(string s) => s.Length > 300 ? s[..300] + "…" : s;

    /// <summary>The tally, one line per command, and the verdict.</summary>
    public string Report(string title)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{title}: {Count} cases, {Refused} refused, {Accepted} accepted, {Failures.Count} failures");
        foreach (var (command, n) in _perCommand.OrderBy(p => p.Key, StringComparer.Ordinal)) sb.AppendLine($"  {command}: {n}");
        foreach (var f in Failures.Take(200)) sb.AppendLine("  FAIL " + f);
        return sb.ToString();
    }

    public void Dispose() => _observer.Dispose();
}
