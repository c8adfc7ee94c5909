using System.Collections.Concurrent;
using System.Threading.Channels;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using Microsoft.Extensions.Logging;

namespace KashiInvest.Infrastructure.Live;

/// <summary>Publishes the domain events of a committed write. Called once per commit, never before it.</summary>
public interface IDomainEventDispatcher
{
    Task DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken);
}

/// <summary>
/// A small change notice: what kind of thing changed and where, never the record itself. A screen that receives
/// one re-reads the item under its own scope, so a notice cannot leak data.
/// </summary>
public sealed record ChangeNotice(string Kind, int? ProjectId, int? HostUnitId, int? ChainId, int? SourceUnitId, int Version, DateTime AtUtc);

public static class ChangeKinds
{
    public const string ProjectCreated = "project.created";
    public const string ProjectUpdated = "project.updated";
    public const string ProjectStageChanged = "project.stage";
}

/// <summary>The one live bus: every committed change notice goes through it to every subscriber.</summary>
public interface ILiveBus
{
    ValueTask PublishAsync(ChangeNotice notice, CancellationToken cancellationToken);

    /// <summary>A stream of notices for one subscriber; ends when the token is cancelled.</summary>
    IAsyncEnumerable<ChangeNotice> SubscribeAsync(CancellationToken cancellationToken);
}

/// <summary>In-process bus: one bounded channel per subscriber, so a slow screen never holds up the others.</summary>
public sealed class InMemoryLiveBus : ILiveBus
{
    private const int SubscriberCapacity = 1024;
    private readonly ConcurrentDictionary<Guid, Channel<ChangeNotice>> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    public ValueTask PublishAsync(ChangeNotice notice, CancellationToken cancellationToken)
    {
        foreach (var channel in _subscribers.Values) channel.Writer.TryWrite(notice);
        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<ChangeNotice> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<ChangeNotice>(new BoundedChannelOptions(SubscriberCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _subscribers[id] = channel;
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var notice)) yield return notice;
            }
        }
        finally
        {
            _subscribers.TryRemove(id, out _);
        }
    }
}

/// <summary>Turns committed domain events into change notices on the live bus.</summary>
public sealed class LiveBusEventDispatcher(ILiveBus bus, TimeProvider clock, ILogger<LiveBusEventDispatcher> logger) : IDomainEventDispatcher
{
    public async Task DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var notice in events.Select(e => ToNotice(e, now)).OfType<ChangeNotice>().Distinct())
        {
            try
            {
                await bus.PublishAsync(notice, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The write is committed: a bus failure must not make it look failed. Screens re-read on reconnect.
                logger.LogError(ex, "Publishing {Kind} for project {ProjectId} failed", notice.Kind, notice.ProjectId);
            }
        }
    }

    private static ChangeNotice? ToNotice(IDomainEvent e, DateTime now) => e switch
    {
        ProjectCreated c => Of(ChangeKinds.ProjectCreated, c.Project, now),
        ProjectUpdated u => Of(ChangeKinds.ProjectUpdated, u.Project, now),
        ProjectStageChanged s => Of(ChangeKinds.ProjectStageChanged, s.Project, now),
        _ => null,
    };

    private static ChangeNotice Of(string kind, Project p, DateTime now) =>
        new(kind, p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId, p.Version, now);
}

/// <summary>For design-time tools and tests that do not care about live updates.</summary>
public sealed class NullDomainEventDispatcher : IDomainEventDispatcher
{
    public static readonly NullDomainEventDispatcher Instance = new();

    public Task DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken) => Task.CompletedTask;
}
