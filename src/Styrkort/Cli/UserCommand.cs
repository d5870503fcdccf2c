using System.CommandLine;
using System.Text;
using Styrkort.Web.Hosting;

namespace Styrkort.Cli;

internal static class UserCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "The user name to sign in with", Required = true };
        var role = new Option<string>("--role") { Description = "admin, controller, unit_manager or viewer", Required = true };
        role.AcceptOnlyFromAmong(Web.Auth.Roles.All);
        var units = new Option<string>("--units") { Description = "For a unit manager: the unit ids managed, separated by ';'", DefaultValueFactory = _ => "" };
        var dataDir = new Option<string>("--data-dir") { Description = "Where the app store lives", DefaultValueFactory = _ => "styrkort-data" };
        var appDb = new Option<string?>("--app-db") { Description = "PostgreSQL connection string for the app store" };
        var add = new Command("add", "Create an account; the password is read from standard input, never from the command line") { name, role, units, dataDir, appDb };
        add.SetAction(p => Commands.Guard(() =>
        {
            var password = ReadPassword();
            var options = new WebOptions(Path.GetFullPath(p.GetValue(dataDir)!), "", p.GetValue(appDb));
            var problem = AppStoreOnly.AddUserAsync(options, p.GetValue(name)!, password, p.GetValue(role)!, p.GetValue(units)!).GetAwaiter().GetResult();
            if (problem is not null) throw new ArgumentException(problem);
            Console.WriteLine($"created {p.GetValue(name)} ({p.GetValue(role)})");
            return 0;
        }));
        return new Command("user", "Manage accounts") { add };
    }

    // Typed at a prompt without echo, or piped: echo "$PASSWORD" | styrkort user add …
    private static string ReadPassword()
    {
        if (Console.IsInputRedirected) return Console.In.ReadLine()?.TrimEnd('\r') ?? "";
        Console.Error.Write("Password: ");
        var sb = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (sb.Length > 0) sb.Length--; continue; }
            sb.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return sb.ToString();
    }
}
