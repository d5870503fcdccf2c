using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Samples.Almi;
using Styrkort.Samples.Smb;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Imports;

namespace Styrkort.Web.Hosting;

// The samples bring the Styrkort.Accounts namespace (SIE) along; Accounts here is the user accounts of the web app.
using Accounts = Styrkort.Web.Auth.Accounts;

/// <summary>What happens before the first request: migrations, roles, the goal file in force, the demo data and accounts, the outcomes.</summary>
public static class Startup
{
    public sealed record DemoAccount(string UserName, string Password, string Role, string Units);

    /// <summary>Which sample a --demo data folder is filled with.</summary>
    public enum DemoSample { Almi, Smb }

    // Demo log-ins are printed on purpose: they exist only in a --demo data folder.
    public static readonly DemoAccount[] DemoAccounts =
    [
        new("admin", "demo-admin-2026", Roles.Admin, ""),
        new("controller", "demo-controller-2026", Roles.Controller, ""),
        new("skane", "demo-skane-2026", Roles.UnitManager, "skane"),
        new("board", "demo-board-2026", Roles.Viewer, ""),
    ];

    /// <summary>The small company's demo: its controller, the sales manager (the Sales unit) and one salesperson.</summary>
    public static readonly DemoAccount[] SmbDemoAccounts =
    [
        new("admin", "demo-admin-2026", Roles.Admin, ""),
        new("controller", "demo-controller-2026", Roles.Controller, ""),
        new("saljchef", "demo-saljchef-2026", Roles.UnitManager, "sales"),
        new("anna", "demo-anna-2026", Roles.UnitManager, "anna_lindqvist"),
        new("board", "demo-board-2026", Roles.Viewer, ""),
    ];

    public static IReadOnlyList<DemoAccount> AccountsFor(DemoSample sample) => sample == DemoSample.Smb ? SmbDemoAccounts : DemoAccounts;

    public static Task PrepareAsync(WebApplication app, bool demo, Action<string> report, int demoCompanies = 20000) =>
        PrepareAsync(app, demo ? DemoSample.Almi : null, report, demoCompanies);

    public static async Task PrepareAsync(WebApplication app, DemoSample? demo, Action<string> report, int demoCompanies = 20000)
    {
        await AppStoreSetup.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        await Accounts.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        var site = services.GetRequiredService<SiteState>();
        var db = services.GetRequiredService<AppDb>();
        var store = services.GetRequiredService<GoalFileStore>();
        // The latest version in the app store is in force; the file given at start only seeds the first.
        var version = await store.EnsureSeededAsync(db);
        var goals = store.Load(version);
        if (demo is { } sample)
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            foreach (var account in AccountsFor(sample))
                if (await users.FindByNameAsync(account.UserName) is null
                    && await Accounts.CreateAsync(users, account.UserName, account.UserName, account.Password, account.Role, account.Units) is { } problem)
                    throw new InvalidOperationException($"demo account {account.UserName}: {problem}");
            if (!site.Write(w => w.HasUnits))
            {
                var options = services.GetRequiredService<WebOptions>();
                var folder = Path.Combine(options.DataDirectory, "sample");
                if (sample == DemoSample.Smb)
                {
                    report($"generating the small-company sample (Nordvik Analys AB) in {folder} …");
                    SmbSampleGenerator.Write(folder, new SmbSampleOptions());
                }
                else
                {
                    report($"generating the Företagspartner sample ({demoCompanies:N0} companies) in {folder} …");
                    AlmiSampleGenerator.Write(folder, new AlmiSampleOptions(Companies: demoCompanies, Seed: 7));
                }
                report("importing it into the warehouse …");
                // The same unit of work as an upload: warehouse, batches and audit entries together.
                services.GetRequiredService<ImportService>().Commit(db, goals, folder,
                    goals.Datasets.Values.ToDictionary(d => d.Name, d => Path.GetFileName(d.File)), "demo");
            }
        }
        report("computing the outcomes …");
        var snapshot = await site.BuildAsync(db, goals, version.Number);
        site.Publish(snapshot);
        // Forecasts and anomalies in the background once the site runs: it starts without waiting for them.
        Jobs.InsightsJob.Enqueue(services.GetRequiredService<Jobs.JobQueue>(), site, snapshot, "system");
    }
}
