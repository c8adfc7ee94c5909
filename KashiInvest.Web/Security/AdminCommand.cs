using System.Text;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Persistence;

namespace KashiInvest.Web.Security;

/// <summary>
/// <c>create-admin &lt;user-name&gt;</c>: creates the first administrator. The password is read from standard input
/// (typed without echo at a terminal, or piped), never from the command line, where it would stay in the shell's
/// history and in every process listing.
/// </summary>
public static class AdminCommand
{
    public const string Name = "create-admin";
    public const string Usage = "usage: create-admin <user-name>   (then the password on standard input)";

    /// <summary>Runs the command; returns the process exit code (0 created, 1 refused, 2 wrong usage).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextReader input, bool interactive,
        TextWriter output, TextWriter error)
    {
        // Settings given as --Section:Key=value are the host's, not the command's.
        args = args.Where(a => !(a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))).ToList();
        if (args.Count != 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            error.WriteLine(Usage);
            if (args.Count > 2) error.WriteLine("The password is not accepted on the command line: it would stay in the shell history and process list.");
            return 2;
        }
        var userName = args[1].Trim();
        string? password;
        if (interactive)
        {
            error.Write($"Password for '{userName}': ");
            password = ReadHidden();
            error.Write("Repeat the password: ");
            if (ReadHidden() != password)
            {
                error.WriteLine("The two passwords differ; nothing was created.");
                return 1;
            }
        }
        else
        {
            password = await input.ReadLineAsync();
        }
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("No password was given on standard input; nothing was created.");
            return 2;
        }

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await services.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        await using var scope = services.CreateAsyncScope();
        var result = await AdminAccounts.CreateAsync(scope.ServiceProvider, userName, password);
        if (result.Succeeded) output.WriteLine($"Administrator '{userName}' created.");
        else error.WriteLine(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
        return result.Succeeded ? 0 : 1;
    }

    /// <summary>A line typed at the terminal, shown as nothing.</summary>
    private static string ReadHidden()
    {
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}
