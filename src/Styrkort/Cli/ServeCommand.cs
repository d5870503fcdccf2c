using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Styrkort.Web.Hosting;

namespace Styrkort.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var demo = new Option<string?>("--demo")
        {
            Description = "Load a sample and demo accounts into the data folder: almi (the Företagspartner sample, also --demo alone) or smb (a small company)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        demo.AcceptOnlyFromAmong("almi", "smb");
        var demoCompanies = new Option<int>("--demo-companies") { Description = "Companies in the --demo sample", DefaultValueFactory = _ => 20000 };
        var dataDir = new Option<string>("--data-dir") { Description = "Where the warehouse, the app store and the goal file live", DefaultValueFactory = _ => "styrkort-data" };
        var goals = new Option<string?>("--goals") { Description = "The first goal file (default: goals.yaml of the data folder, else the Företagspartner sample shipped with styrkort)" };
        var appDb = new Option<string?>("--app-db") { Description = "PostgreSQL connection string for the app store (default: SQLite in the data folder)" };
        var warehouse = new Option<string?>("--warehouse") { Description = "The warehouse: a DuckDB file or postgresql://user@host:port/database (default: warehouse.duckdb in the data folder; also Styrkort__Warehouse)" };
        var command = new Command("serve", "Start the web application (http://localhost:5080; --urls changes it)") { demo, demoCompanies, dataDir, goals, appDb, warehouse };
        command.TreatUnmatchedTokensAsErrors = false; // ASP.NET Core options such as --urls pass through
        command.SetAction(p => Commands.Guard(() =>
        {
            var companies = p.GetValue(demoCompanies);
            if (companies < 100) throw new ArgumentException("--demo-companies must be at least 100");
            var data = Path.GetFullPath(p.GetValue(dataDir)!);
            // --demo alone means the Företagspartner sample, as it always has.
            Startup.DemoSample? sample = p.GetResult(demo) is null ? null : p.GetValue(demo) == "smb" ? Startup.DemoSample.Smb : Startup.DemoSample.Almi;
            var options = new WebOptions(data, GoalFile(p.GetValue(goals), data, sample), p.GetValue(appDb), p.GetValue(warehouse));
            var app = StyrkortWeb.Build(options, p.UnmatchedTokens.ToArray());
            var isDemo = sample is not null;
            Startup.PrepareAsync(app, sample, Console.WriteLine, companies).GetAwaiter().GetResult();
            app.Start();
            foreach (var url in app.Urls) Console.WriteLine($"Styrkort is running at {url}");
            if (isDemo)
            {
                Console.WriteLine("Demo log-ins (user / password / role):");
                foreach (var a in Startup.AccountsFor(sample!.Value)) Console.WriteLine($"  {a.UserName,-11} {a.Password,-22} {a.Role}{(a.Units.Length > 0 ? " (" + a.Units + ")" : "")}");
            }
            app.WaitForShutdown();
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// The goal file lives in the data folder: the page that saves it must never write into the program's folder or a
    /// clone of the repository. Without --goals it is seeded once from the shipped sample, so serve starts from anywhere.
    /// </summary>
    private static string GoalFile(string? given, string data, Startup.DemoSample? sample)
    {
        if (given is not null) return Path.GetFullPath(given);
        var path = Path.Combine(data, ShippedFiles.GoalFileName);
        if (sample == Startup.DemoSample.Smb)
        {
            if (ShippedFiles.SeedSmbGoals(data)) Console.WriteLine($"wrote the small company's goal file to {path}");
        }
        else if (ShippedFiles.SeedAlmiGoals(path)) Console.WriteLine($"wrote the Företagspartner goal file to {path}");
        return path;
    }
}
