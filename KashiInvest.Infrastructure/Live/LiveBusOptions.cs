using StackExchange.Redis;

namespace KashiInvest.Infrastructure.Live;

/// <summary>Which live bus carries the change notices: in memory (one instance) or Redis (several instances).</summary>
public enum LiveBusKind { InMemory, Redis }

/// <summary>The <c>Live</c> settings, validated at start.</summary>
public sealed class LiveBusOptions
{
    public const string Section = "Live";

    /// <summary><c>InMemory</c> (default) or <c>Redis</c>.</summary>
    public LiveBusKind Bus { get; set; } = LiveBusKind.InMemory;

    /// <summary>The StackExchange.Redis connection string (e.g. <c>127.0.0.1:6379</c>); required with <c>Live:Bus=Redis</c>.</summary>
    public string? Redis { get; set; }

    /// <summary>The Redis pub/sub channel every instance of one deployment shares (1–100 characters).</summary>
    public string Channel { get; set; } = "kashi:live";

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Bus)) errors.Add($"{Section}:{nameof(Bus)} must be InMemory or Redis.");
        if (string.IsNullOrWhiteSpace(Channel) || Channel.Length > 100) errors.Add($"{Section}:{nameof(Channel)} must be 1–100 characters.");
        if (Bus == LiveBusKind.Redis)
        {
            if (string.IsNullOrWhiteSpace(Redis)) errors.Add($"{Section}:{nameof(Redis)} (the Redis connection string) is required with {Section}:{nameof(Bus)}=Redis.");
            else
            {
                try
                {
                    if (ConfigurationOptions.Parse(Redis).EndPoints.Count == 0) errors.Add($"{Section}:{nameof(Redis)} names no server.");
                }
                catch (Exception ex) when (ex is ArgumentException or RedisConnectionException)
                {
                    errors.Add($"{Section}:{nameof(Redis)} is not a valid Redis connection string: {ex.Message}");
                }
            }
        }
        return errors;
    }
}
