using System.Reflection;
using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Tests.Support;

/// <summary>
/// Gives an entity the id the database would have given it on save. Ids have a protected setter and are 0 until
/// saved, but the domain finds some children by id (a report names the milestones it reached by id), so a pure
/// domain test of that path needs saved-looking ids without a database.
/// </summary>
public static class TestIds
{
    private static readonly PropertyInfo IdProperty = typeof(Entity).GetProperty(nameof(Entity.Id))!;

    public static T WithId<T>(this T entity, int id) where T : Entity
    {
        IdProperty.SetValue(entity, id);
        return entity;
    }
}
