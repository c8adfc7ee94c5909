namespace KashiInvest.Domain.Audit;

public enum AuditAction { Added, Modified, Deleted }

/// <summary>
/// One change to official data: who, when (UTC), which entity, and the values before and after (JSON of the
/// changed properties). Written in the same transaction as the change; never edited.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { UserName = EntityType = EntityId = string.Empty; }

    public AuditEntry(DateTime atUtc, string userName, int? unitId, string entityType, string entityId, AuditAction action, string? before, string? after)
    {
        AtUtc = atUtc;
        UserName = userName;
        UnitId = unitId;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string UserName { get; private set; }
    public int? UnitId { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; internal set; }
    public AuditAction Action { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }

    /// <summary>Set once the database has assigned the id of an added entity.</summary>
    public void AssignEntityId(string id) => EntityId = id;
}
