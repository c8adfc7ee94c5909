using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared.Excel;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KashiInvest.Web.Tests.SqlServer;

/// <summary>
/// The application's own services, built for <c>Database:Provider=SqlServer</c> with a server that does not exist
/// (<see cref="OfflineSqlServer"/>), and every public asynchronous method of every service that reads or writes
/// through <see cref="IDbContextFactory{KashiDbContext}"/> — the screens' queries and readers, the commands, the to-do
/// and document sources, the alert checks and jobs — called once per role with arguments made up from their types.
/// Found by reflection over the service registrations, so a query class added later is checked without a change here.
/// </summary>
public sealed class SqlServerQueryRun : IAsyncLifetime
{
    /// <summary>One call: the service, its method, the role it ran as, the SQL it produced, and how it ended.</summary>
    public sealed record Call(Type Service, MethodInfo Method, ActorRole? Role, IReadOnlyList<string> Sql, Exception? Error, bool Translation)
    {
        public string Name => $"{Service.Name}.{Method.Name}" + (Role is { } r ? $" as {r}" : "");
    }

    /// <summary>A method the run could not call (an argument it cannot make up, or a service it cannot build).</summary>
    public sealed record Skipped(Type Service, string Member, string Reason);

    public List<Call> Calls { get; } = [];

    public List<Skipped> Skips { get; } = [];

    /// <summary>The services found, by type: everything that takes the context factory.</summary>
    public List<Type> Services { get; } = [];

    private readonly OfflineSqlServer _server = new();
    private WebApplication _app = default!;

    public async Task InitializeAsync()
    {
        var builder = KashiApp.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            Args =
            [
                "--Database:Provider=SqlServer",
                "--Database:ConnectionString=Server=offline.invalid;Database=KashiInvest;User Id=kashi;Password=never-used;TrustServerCertificate=True;Connect Timeout=1",
                "--Database:MigrateOnStartup=false",
                "--Alerts:Enabled=false",
            ],
        });
        builder.Logging.ClearProviders();
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(TestClock.Default));
        builder.Services.ConfigureDbContext<SqlServerKashiDbContext>(o => o.AddInterceptors(_server));
        Services.AddRange(FindServices(builder.Services));
        _app = builder.Build();

        foreach (var type in Services) await RunAsync(type);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>
    /// Every registered class of the product that takes the context factory, and every query class (some take the
    /// caller's context, e.g. <c>ProjectHealthQuery</c>), hosted services aside (they loop).
    /// </summary>
    private static IEnumerable<Type> FindServices(IServiceCollection services)
    {
        var product = new[] { typeof(KashiApp).Assembly, typeof(KashiDbContext).Assembly };
        return services
            .Select(d => d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType)
            .OfType<Type>()
            .Where(t => product.Contains(t.Assembly) && t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .Where(t => !typeof(IHostedService).IsAssignableFrom(t))
            .Where(t => TakesTheFactory(t) || t.Name.EndsWith("Query", StringComparison.Ordinal))
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
    }

    public static bool TakesTheFactory(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IDbContextFactory<KashiDbContext>)));

    private async Task RunAsync(Type type)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        object service;
        try
        {
            // A fresh instance of the service under test: a singleton that caches what it read (ReferenceCache)
            // would otherwise answer from a cache another service's call filled, and run no SQL of its own.
            service = ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
        }
        catch (Exception e)
        {
            Skips.Add(new Skipped(type, "(constructor)", e.Message));
            return;
        }
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !m.IsGenericMethodDefinition && IsAsync(m.ReturnType))
            .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.GetParameters().Length);
        foreach (var method in methods)
        {
            var takesScope = method.GetParameters().Any(p => p.ParameterType == typeof(UserScope));
            foreach (var role in takesScope ? Enum.GetValues<ActorRole>().Select(r => (ActorRole?)r) : [null])
            {
                if (!await CallAsync(service, type, method, role)) break;
            }
        }
    }

    private static bool IsAsync(Type returns) =>
        returns == typeof(Task) || returns == typeof(ValueTask)
        || (returns.IsGenericType && returns.GetGenericTypeDefinition() is var g && (g == typeof(Task<>) || g == typeof(ValueTask<>) || g == typeof(IAsyncEnumerable<>)));

    /// <summary>Calls one method; false when its arguments cannot be made (then no role is tried).</summary>
    private async Task<bool> CallAsync(object service, Type type, MethodInfo method, ActorRole? role)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var factory = _app.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var arguments = new Arguments(role, db, timeout.Token);
        object?[] values;
        try
        {
            values = method.GetParameters().Select(p => arguments.Make(p.ParameterType, p, 0)).ToArray();
            if (service is IExcelImport import) await UploadTheTemplateAsync(import, method, values, timeout.Token);
        }
        catch (Exception e)
        {
            Skips.Add(new Skipped(type, method.Name, Unwrap(e).Message));
            return false;
        }
        _server.TakeCommands();
        Exception? error = null;
        try
        {
            await AwaitAsync(method.Invoke(service, values), timeout.Token);
        }
        catch (Exception e)
        {
            error = Unwrap(e);
        }
        Calls.Add(new Call(type, method, role, _server.TakeCommands(), error, error is not null && IsTranslationFailure(error)));
        return true;
    }

    /// <summary>
    /// An import reads the database only for rows it can parse: its upload (<c>fileName</c>, <c>bytes</c>) is the
    /// import's own template with its example row changed (the importer skips the example as it stands), so the preview
    /// checks a real row against the database (matches, duplicates, names).
    /// </summary>
    private static async Task UploadTheTemplateAsync(IExcelImport import, MethodInfo method, object?[] values, CancellationToken ct)
    {
        var parameters = method.GetParameters();
        if (!parameters.Any(p => p.ParameterType == typeof(byte[]))) return;
        var template = await import.TemplateAsync(ct);
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].ParameterType == typeof(byte[])) values[i] = WithTheExampleChanged(template.Bytes);
            else if (parameters[i].ParameterType == typeof(string) && parameters[i].Name == "fileName") values[i] = template.FileName;
        }
    }

    /// <summary>The workbook with the first text cell of its first sheet's last row (the example) changed.</summary>
    private static byte[] WithTheExampleChanged(byte[] workbook)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, true))
        {
            var book = document.WorkbookPart!;
            var first = book.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First();
            var sheet = (DocumentFormat.OpenXml.Packaging.WorksheetPart)book.GetPartById(first.Id!.Value!);
            var example = sheet.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Last();
            var text = example.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().First();
            text.Text += " 核对";
            sheet.Worksheet.Save();
        }
        return stream.ToArray();
    }

    private static async Task AwaitAsync(object? result, CancellationToken ct)
    {
        switch (result)
        {
            case Task task:
                await task.WaitAsync(ct);
                break;
            case ValueTask valueTask:
                await valueTask;
                break;
            case null:
                break;
            default:
                var type = result.GetType();
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    await (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(result, null)!;
                }
                else if (type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) is { } stream)
                {
                    await (Task)typeof(SqlServerQueryRun).GetMethod(nameof(DrainAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                        .MakeGenericMethod(stream.GetGenericArguments()[0]).Invoke(null, [result, ct])!;
                }
                break;
        }
    }

    private static async Task DrainAsync<T>(IAsyncEnumerable<T> items, CancellationToken ct)
    {
        var taken = 0;
        await foreach (var _ in items.WithCancellation(ct))
        {
            if (++taken == 3) break;
        }
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is TargetInvocationException or AggregateException && e.InnerException is { } inner) e = inner;
        return e;
    }

    /// <summary>
    /// Whether an error is the provider's, not the made-up data's: anything EF Core's query pipeline throws (a LINQ
    /// expression it cannot translate, a member without SQL Server mapping, client evaluation it refuses), except the
    /// answers of an empty database ("Sequence contains no elements" and the like).
    /// </summary>
    public static bool IsTranslationFailure(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains("could not be translated", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("client evaluation", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("Translation of", StringComparison.Ordinal)) return true;
            var dataAnswer = e.Message.StartsWith("Sequence contains", StringComparison.Ordinal)
                || e.Message.StartsWith("Nullable object must have a value", StringComparison.Ordinal)
                || e is DbUpdateException or OperationCanceledException;
            var stack = e.StackTrace ?? "";
            if (!dataAnswer && (stack.Contains("Microsoft.EntityFrameworkCore.Query.", StringComparison.Ordinal)
                || stack.Contains("Microsoft.EntityFrameworkCore.SqlServer.Query", StringComparison.Ordinal)
                || stack.Contains("QueryCompiler", StringComparison.Ordinal))) return true;
        }
        return false;
    }

    private sealed class CannotMake(string message) : Exception(message);

    /// <summary>Arguments made up from their types: the role's scope, the run's context, small fixed values.</summary>
    private sealed class Arguments(ActorRole? role, KashiDbContext db, CancellationToken ct)
    {
        private static readonly DateTimeOffset Now = TestClock.Start;

        public object? Make(Type type, ParameterInfo? parameter, int depth)
        {
            if (depth > 5) throw new CannotMake($"{type.Name}: nested too deep");
            if (type == typeof(UserScope)) return new UserScope("sqlserver-check", "SQL Server check", role ?? ActorRole.Bureau, 1, [1], [1]);
            if (type == typeof(CancellationToken)) return ct;
            if (typeof(KashiDbContext).IsAssignableFrom(type) || type == typeof(DbContext)) return db;
            if (type == typeof(string)) return "x";
            if (type == typeof(bool)) return false;
            if (type == typeof(int) && parameter?.Name is { } name)
            {
                if (name.Contains("year", StringComparison.OrdinalIgnoreCase)) return Now.Year;
                if (name.Contains("month", StringComparison.OrdinalIgnoreCase)) return Now.Month;
                if (name.Contains("quarter", StringComparison.OrdinalIgnoreCase)) return 4;
            }
            if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
                || type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return Convert.ChangeType(1, type, CultureInfo.InvariantCulture);
            if (type == typeof(Guid)) return new Guid("5e1c0000-0000-0000-0000-000000000001");
            // Monday 16 November 2026, in the suite's week: a report week, a period and a day alike.
            if (type == typeof(DateOnly)) return new DateOnly(2026, 11, 16);
            if (type == typeof(TimeOnly)) return new TimeOnly(10, 0);
            if (type == typeof(DateTime)) return Now.UtcDateTime;
            if (type == typeof(DateTimeOffset)) return Now;
            if (type == typeof(TimeSpan)) return TimeSpan.FromHours(1);
            if (type == typeof(CultureInfo)) return CultureInfo.GetCultureInfo("zh-CN");
            if (type == typeof(Stream)) return new MemoryStream();
            if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
            if (Nullable.GetUnderlyingType(type) is not null) return null;
            if (parameter is not null && parameter.HasDefaultValue && !type.IsValueType && parameter.DefaultValue is null
                && new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable) return null;
            if (type.IsArray) return MakeList(type.GetElementType()!, depth, array: true);
            if (type.IsGenericType)
            {
                var definition = type.GetGenericTypeDefinition();
                var arguments = type.GetGenericArguments();
                if (definition == typeof(IQueryable<>)) return typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(arguments[0]).Invoke(db, null);
                if (definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
                    || definition == typeof(IList<>) || definition == typeof(ICollection<>)) return MakeList(arguments[0], depth, array: true);
                if (definition == typeof(List<>)) return MakeList(arguments[0], depth, array: false);
                if (definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>) || definition == typeof(HashSet<>))
                {
                    var set = Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(arguments[0]))!;
                    set.GetType().GetMethod("Add")!.Invoke(set, [Make(arguments[0], null, depth + 1)]);
                    return set;
                }
                if (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>))
                    return Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments));
            }
            if (type.IsInterface || type.IsAbstract || typeof(Delegate).IsAssignableFrom(type)) throw new CannotMake($"cannot make a {type.Name}");
            if (type.IsValueType && type.GetConstructors().Length == 0) return Activator.CreateInstance(type);
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
                ?? throw new CannotMake($"{type.Name} has no public constructor");
            return constructor.Invoke(constructor.GetParameters().Select(p => Make(p.ParameterType, p, depth + 1)).ToArray());
        }

        private object MakeList(Type element, int depth, bool array)
        {
            var one = Make(element, null, depth + 1);
            if (array)
            {
                var items = Array.CreateInstance(element, 1);
                items.SetValue(one, 0);
                return items;
            }
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(one);
            return list;
        }
    }
}
