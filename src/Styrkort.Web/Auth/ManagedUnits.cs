using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Web.AppStore;

namespace Styrkort.Web.Auth;

/// <summary>The units a signed-in unit manager manages (AppUser.ManagedUnits), as the pages use them to open on "their" units.</summary>
public static class ManagedUnits
{
    /// <summary>
    /// The managed unit ids in the order the account lists them, only those in <paramref name="known"/>; empty for
    /// every other role (admins, controllers and viewers look at the whole organisation).
    /// </summary>
    public static async Task<IReadOnlyList<string>> OfAsync(HttpContext http, IReadOnlySet<string> known)
    {
        if (!http.User.IsInRole(Roles.UnitManager)) return [];
        var users = http.RequestServices.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(http.User);
        if (user is null) return [];
        return user.ManagedUnits.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(known.Contains).Distinct(StringComparer.Ordinal).ToList();
    }
}
