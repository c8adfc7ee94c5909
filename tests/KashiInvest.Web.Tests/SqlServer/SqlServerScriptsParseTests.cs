using KashiInvest.Web.Tests.Support;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace KashiInvest.Web.Tests.SqlServer;

/// <summary>
/// No SQL Server runs on the build machines, so the deployment scripts are checked by Microsoft's own T-SQL parser:
/// every script in db/sqlserver/ must parse, batch by batch (split on GO as sqlcmd and SSMS do), without one error.
/// </summary>
public sealed class SqlServerScriptsParseTests
{
    private static IEnumerable<string> ScriptNames() =>
        Directory.GetFiles(Path.Combine(Repo.Root, "db", "sqlserver"), "*.sql").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    public static TheoryData<string> Scripts() => new(ScriptNames());

    [Fact]
    public void The_deployment_folder_holds_the_migration_and_quartz_scripts()
    {
        var names = ScriptNames().ToList();
        Assert.Contains("migrate.sql", names);
        Assert.Contains("quartz.sql", names);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_script_parses_as_T_SQL(string name)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "db", "sqlserver", name));

        var (statements, errors) = Parse(text);

        Assert.True(errors.Count == 0, $"{name}: {errors.Count} parse error(s):\n" + string.Join("\n", errors.Take(20)));
        Assert.True(statements > 0, $"{name} holds no statement.");
    }

    [Fact]
    public void A_broken_statement_is_reported_so_the_check_can_fail()
    {
        var (_, errors) = Parse("CREATE TABLE [X] ([Id] int NOT NULL,, CONSTRAINT [PK_X] PRIMARY KEY ([Id]));\nGO\nSELECT 1;\n");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void The_migration_script_creates_the_projects_table_and_records_its_migrations()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "db", "sqlserver", "migrate.sql"));
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(text), out var errors);
        Assert.Empty(errors);

        var creates = new CreateTableCollector();
        fragment.Accept(creates);
        Assert.Contains("Projects", creates.Tables);
        Assert.Contains("AuditEntries", creates.Tables);
        Assert.Contains("DataProtectionKeys", creates.Tables);
        Assert.Contains("__EFMigrationsHistory", creates.Tables);
    }

    /// <summary>Parses a script the way sqlcmd runs it: the SQL Server 2022 (160) grammar, the oldest server the deployment supports, GO separating batches.</summary>
    private static (int Statements, List<string> Errors) Parse(string text)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(text), out var parseErrors);
        var errors = parseErrors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
        var statements = fragment is TSqlScript script ? script.Batches.Sum(b => b.Statements.Count) : 0;
        return (statements, errors);
    }

    private sealed class CreateTableCollector : TSqlFragmentVisitor
    {
        public HashSet<string> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(CreateTableStatement node) => Tables.Add(node.SchemaObjectName.BaseIdentifier.Value);
    }
}
