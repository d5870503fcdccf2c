using Microsoft.EntityFrameworkCore;
using Styrkort.Web.AppStore;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Alerts;

/// <summary>
/// What an account may be told about. Today every role reads every unit (a unit manager writes check-ins only for
/// their own units but reads the whole organisation), so an account with any role may read every unit of the tree; an
/// account without a role, or disabled, is told nothing. Should reading ever be restricted by unit, it is restricted here.
/// </summary>
public sealed record AlertAccess(IReadOnlyList<string> Roles, IReadOnlyList<string> ManagedUnits)
{
    /// <summary>
    /// What each of the accounts may read, for those that are enabled and have a role; the others are left out. Asked
    /// when alerts are recorded and again when they are delivered, so that an account disabled (or stripped of its
    /// role) in between is not sent what was recorded for it.
    /// </summary>
    public static async Task<Dictionary<string, AlertAccess>> OfUsersAsync(AppDb db, IEnumerable<string> userIds, CancellationToken cancellation)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.Disabled).ToListAsync(cancellation);
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
                .ToListAsync(cancellation))
            .GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Name!).ToList());
        return users.Select(u => (u.Id, Access: Of(u, roles.GetValueOrDefault(u.Id) ?? [])))
            .Where(x => x.Access.MayReadAnything).ToDictionary(x => x.Id, x => x.Access);
    }

    public static AlertAccess Of(AppUser user, IReadOnlyList<string> roles) =>
        new(roles, user.ManagedUnits.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public bool MayReadAnything => Roles.Count > 0;

    public bool MayRead(string unit, SiteSnapshot site) => MayReadAnything && site.UnitIds.Contains(unit);

    /// <summary>Why an alert can no longer be sent on a channel: its subscription or its e-mail was removed, or its account disabled or left without a role.</summary>
    public static string? Undeliverable(AlertRecord alert, IReadOnlyDictionary<int, AlertSubscription> subscriptions, IReadOnlyDictionary<string, AlertAccess> reachable, bool webhook = false) =>
        !subscriptions.TryGetValue(alert.SubscriptionId, out var subscription) || (webhook ? subscription.WebhookUrl : subscription.Email) is null
            ? "prenumerationen finns inte längre"
            : !reachable.ContainsKey(alert.UserId) ? "kontot är avstängt eller saknar roll" : null;
}
