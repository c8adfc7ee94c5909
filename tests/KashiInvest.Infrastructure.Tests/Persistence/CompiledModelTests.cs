using KashiInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KashiInvest.Infrastructure.Tests.Persistence;

/// <summary>
/// The SQLite context runs on a compiled model (<c>Persistence/CompiledModels/Sqlite</c>, start-up without building
/// the model). It is generated code: these fail when the model changed and the compiled one was not generated again.
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate = "The compiled SQLite model is stale: run scripts/db-scripts.sh (dotnet ef dbcontext optimize).";

    [Fact]
    public void The_SQLite_context_runs_on_the_compiled_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.IsType<KashiInvest.Infrastructure.Persistence.CompiledModels.Sqlite.SqliteKashiDbContextModel>(db.Model);
    }

    [Fact]
    public void The_compiled_SQLite_model_maps_every_property_navigation_and_conversion_as_the_configured_one()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var configured = Describe(db.GetService<IDesignTimeModel>().Model);
        var compiled = Describe(db.Model);
        Assert.True(configured.Count > 500, $"the description covers the model ({configured.Count} lines)");
        var missing = configured.Except(compiled).ToList();
        var extra = compiled.Except(configured).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{Regenerate}\nonly configured: {string.Join("\n  ", missing.Take(20))}\nonly compiled: {string.Join("\n  ", extra.Take(20))}");
    }

    /// <summary>One line per fact the application relies on: entity, property, its type, conversion and nullability, keys, relations.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var e = entity.Name;
            lines.Add($"{e} base={entity.BaseType?.Name} owned={entity.IsOwned()} filters={entity.GetDeclaredQueryFilters().Count} " +
                      $"table={entity.GetSchema()}.{entity.GetTableName()} view={entity.GetViewName()}");
            foreach (var p in entity.GetDeclaredProperties())
            {
                lines.Add($"{e}.{p.Name} {p.ClrType.Name} null={p.IsNullable} conc={p.IsConcurrencyToken} gen={p.ValueGenerated} " +
                          $"conv={(p.GetValueConverter() is { } c ? $"{c.ModelClrType.Name}->{c.ProviderClrType.Name}" : "")} " +
                          $"comparer={p.GetValueComparer().Type.Name} max={p.GetMaxLength()} field={p.FieldInfo?.Name} " +
                          $"columns={string.Join(",", p.GetTableColumnMappings().Select(m => $"{m.Column.Table.Name}.{m.Column.Name}:{m.Column.StoreType}:{m.Column.IsNullable}"))}");
            }
            foreach (var n in entity.GetDeclaredNavigations())
            {
                lines.Add($"{e}->{n.Name} {n.TargetEntityType.Name} collection={n.IsCollection} field={n.FieldInfo?.Name}");
            }
            foreach (var k in entity.GetDeclaredKeys()) lines.Add($"{e} key({string.Join(",", k.Properties.Select(p => p.Name))}) primary={k.IsPrimaryKey()}");
            foreach (var f in entity.GetDeclaredForeignKeys())
            {
                lines.Add($"{e} fk({string.Join(",", f.Properties.Select(p => p.Name))})->{f.PrincipalEntityType.Name} delete={f.DeleteBehavior} required={f.IsRequired} unique={f.IsUnique}");
            }
            foreach (var i in entity.GetDeclaredIndexes()) lines.Add($"{e} index({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique}");
        }
        return lines;
    }
}
