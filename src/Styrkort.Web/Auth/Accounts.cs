using Microsoft.AspNetCore.Identity;
using Styrkort.Web.AppStore;

namespace Styrkort.Web.Auth;

/// <summary>Creating accounts, shared by the admin page, `styrkort user add` and the demo.</summary>
public static class Accounts
{
    /// <returns>null on success, else what was wrong.</returns>
    public static async Task<string?> CreateAsync(UserManager<AppUser> users, string userName, string displayName, string password, string role, string units)
    {
        if (!Roles.All.Contains(role)) return $"unknown role '{role}'; expected one of: {string.Join(", ", Roles.All)}";
        var user = new AppUser { UserName = userName, DisplayName = displayName, ManagedUnits = units };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return string.Join(" ", created.Errors.Select(e => e.Description));
        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? null : string.Join(" ", added.Errors.Select(e => e.Description));
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }
}
