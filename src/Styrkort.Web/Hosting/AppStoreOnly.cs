using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;

namespace Styrkort.Web.Hosting;

// The samples bring the Styrkort.Accounts namespace (SIE) along; Accounts here is the user accounts of the web app.
using Accounts = Styrkort.Web.Auth.Accounts;

/// <summary>The app store without the web server: for `styrkort user add`.</summary>
public static class AppStoreOnly
{
    public static async Task<string?> AddUserAsync(WebOptions options, string userName, string password, string role, string units)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAppStore(options);
        services.AddIdentityCore<AppUser>(StyrkortWeb.IdentityRules).AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDb>();
        await using var provider = services.BuildServiceProvider();
        await AppStoreSetup.MigrateAsync(provider);
        using var scope = provider.CreateScope();
        await Accounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var problem = await Accounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), userName, userName, password, role, units);
        if (problem is not null) return problem;
        // Accounts made on the server's command line are changes like any other: in the audit trail, by the operating
        // system's user who ran the command.
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        Audit.AuditTrail.Record(db, TimeProvider.System, $"cli:{Environment.UserName}", AuditActions.AccountCreate, userName,
            $"role {role}; units '{units}'; from the command line");
        await db.SaveChangesAsync();
        return null;
    }
}
