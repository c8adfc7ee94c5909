namespace KashiInvest.Domain.Common;

/// <summary>Base for every persisted entity with an identity assigned by the database.</summary>
public abstract class Entity
{
    public int Id { get; protected set; }
}

/// <summary>
/// An aggregate root: guards its own invariants, raises domain events, and carries an application-managed
/// concurrency token (<see cref="Version"/>) that the persistence layer increments on every save.
/// </summary>
public abstract class AggregateRoot : Entity
{
    private readonly List<IDomainEvent> _events = [];

    /// <summary>Incremented on every saved change; a write based on an older version is refused.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<IDomainEvent> DomainEvents => _events;

    protected void Raise(IDomainEvent domainEvent) => _events.Add(domainEvent);

    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var taken = _events.ToArray();
        _events.Clear();
        return taken;
    }

    /// <summary>Called by the persistence layer when a change to this aggregate is being saved.</summary>
    public void BumpVersion() => Version++;
}

/// <summary>Something that happened in the domain; published to the live bus only after the commit.</summary>
public interface IDomainEvent;

/// <summary>Marks data whose every change must leave an audit entry.</summary>
public interface IAudited;
