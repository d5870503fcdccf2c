using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Samples.Almi;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;

namespace Styrkort.Web.Hosting;

/// <summary>What happens before the first request: migrations, roles, the demo data and accounts, the outcomes.</summary>
public static class Startup
{
    public sealed record DemoAccount(string UserName, string Password, string Role, string Units);

    // Demo log-ins are printed on purpose: they exist only in a --demo data folder.
    public static readonly DemoAccount[] DemoAccounts =
    [
        new("admin", "demo-admin-2026", Roles.Admin, ""),
        new("controller", "demo-controller-2026", Roles.Controller, ""),
        new("skane", "demo-skane-2026", Roles.UnitManager, "skane"),
        new("board", "demo-board-2026", Roles.Viewer, ""),
    ];

    public static async Task PrepareAsync(WebApplication app, bool demo, Action<string> report, int demoCompanies = 20000)
    {
        await AppStoreSetup.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        await Accounts.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        var site = services.GetRequiredService<SiteState>();
        var db = services.GetRequiredService<AppDb>();
        if (demo)
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            foreach (var account in DemoAccounts)
                if (await users.FindByNameAsync(account.UserName) is null
                    && await Accounts.CreateAsync(users, account.UserName, account.UserName, account.Password, account.Role, account.Units) is { } problem)
                    throw new InvalidOperationException($"demo account {account.UserName}: {problem}");
            if (!site.UseWarehouse(w => w.HasUnits))
            {
                var options = services.GetRequiredService<WebOptions>();
                var folder = Path.Combine(options.DataDirectory, "sample");
                report($"generating the Företagspartner sample ({demoCompanies:N0} companies) in {folder} …");
                AlmiSampleGenerator.Write(folder, new AlmiSampleOptions(Companies: demoCompanies, Seed: 7));
                report("importing it into the warehouse …");
                var imported = site.UseWarehouse(w => w.Import(site.Goals, folder, site.Clock));
                var now = site.Clock.GetUtcNow().UtcDateTime;
                db.ImportBatches.AddRange(imported.Select(i => new ImportBatch
                    { Dataset = i.Dataset, FileName = Path.GetFileName(i.File), Sha256 = i.Sha256, Rows = i.Rows, ImportedBy = "demo", ImportedAtUtc = now }));
                await db.SaveChangesAsync();
            }
        }
        if (site.UseWarehouse(w => w.HasUnits))
        {
            report("computing the outcomes …");
            site.Recompute(AppStoreSetup.DecidedLevels(db));
        }
    }
}
