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

    /// <summary>The managed units as stored: ids separated by ';', each once.</summary>
    public static string NormaliseUnits(string? units) =>
        string.Join(";", (units ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal));

    /// <returns>null when every unit id is in the unit tree, else which are not.</returns>
    public static string? UnknownUnits(string units, IReadOnlySet<string> unitTree) =>
        units.Split(';', StringSplitOptions.RemoveEmptyEntries).Where(u => !unitTree.Contains(u)).ToList() is { Count: > 0 } unknown
            ? "unknown unit: " + string.Join(", ", unknown) : null;

    /// <summary>Whether taking this account's admin rights (demoting, disabling, deleting) would leave no admin who can act.</summary>
    public static async Task<bool> IsLastAdminAsync(UserManager<AppUser> users, AppUser user) =>
        !user.Disabled && await users.IsInRoleAsync(user, Roles.Admin)
        && (await users.GetUsersInRoleAsync(Roles.Admin)).Count(a => !a.Disabled) <= 1;

    /// <summary>Whether the account may act at all: not disabled by an admin, not locked out after failed sign-ins.</summary>
    public static async Task<bool> IsUsableAsync(UserManager<AppUser> users, AppUser user) =>
        !user.Disabled && !await users.IsLockedOutAsync(user);

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }
}
