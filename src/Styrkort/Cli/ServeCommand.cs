using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Styrkort.Web.Hosting;

namespace Styrkort.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Load the Företagspartner sample and demo accounts into the data folder" };
        var dataDir = new Option<string>("--data-dir") { Description = "Where the warehouse and the app store live", DefaultValueFactory = _ => "styrkort-data" };
        var goals = new Option<string>("--goals") { Description = "The goal file served", DefaultValueFactory = _ => "samples/almi/goals.yaml" };
        var appDb = new Option<string?>("--app-db") { Description = "PostgreSQL connection string for the app store (default: SQLite in the data folder)" };
        var command = new Command("serve", "Start the web application (http://localhost:5080; --urls changes it)") { demo, dataDir, goals, appDb };
        command.TreatUnmatchedTokensAsErrors = false; // ASP.NET Core options such as --urls pass through
        command.SetAction(p => Commands.Guard(() =>
        {
            var options = new WebOptions(Path.GetFullPath(p.GetValue(dataDir)!), p.GetValue(goals)!, p.GetValue(appDb));
            var app = StyrkortWeb.Build(options, p.UnmatchedTokens.ToArray());
            var isDemo = p.GetValue(demo);
            Startup.PrepareAsync(app, isDemo, Console.WriteLine).GetAwaiter().GetResult();
            app.Start();
            foreach (var url in app.Urls) Console.WriteLine($"Styrkort is running at {url}");
            if (isDemo)
            {
                Console.WriteLine("Demo log-ins (user / password / role):");
                foreach (var a in Startup.DemoAccounts) Console.WriteLine($"  {a.UserName,-11} {a.Password,-22} {a.Role}{(a.Units.Length > 0 ? " (" + a.Units + ")" : "")}");
            }
            app.WaitForShutdown();
            return 0;
        }));
        return command;
    }
}
