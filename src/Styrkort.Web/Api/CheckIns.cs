using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Core.Periods;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Api;

/// <summary>Check-ins are shared by the goal page and the API: one rule for who may write and how they are kept.</summary>
public static class CheckIns
{
    public static string? Problem(SiteState site, string goal, string unit, string period)
    {
        if (site.Goals.Goals.All(g => g.Id != goal)) return $"unknown goal '{goal}'";
        if (!site.TryPeriod(period, out _, out var sane) || !sane) return $"'{period}' is not a period";
        if (!site.Current.UnitIds.Contains(unit)) return $"unknown unit '{unit}'";
        return null;
    }

    /// <summary>Admins and controllers write for every unit; a unit manager for the units they manage and their subtrees.</summary>
    public static async Task<bool> MayWrite(HttpContext http, AppDb db, string unit)
    {
        if (http.User.IsInRole(Roles.Admin) || http.User.IsInRole(Roles.Controller)) return true;
        if (!http.User.IsInRole(Roles.UnitManager)) return false;
        var users = http.RequestServices.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(http.User);
        if (user is null) return false;
        var site = http.RequestServices.GetRequiredService<SiteState>();
        var managed = user.ManagedUnits.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var snapshot = site.Current;
        return managed.Any(m => snapshot.IsWithin(unit, m));
    }

    public static async Task<CheckIn> SaveAsync(AppDb db, SiteState site, string goal, string unit, string period, string analysis,
        List<CheckInAction> actions, string user)
    {
        var existing = await db.CheckIns.Include(c => c.Actions).FirstOrDefaultAsync(c => c.GoalId == goal && c.UnitId == unit && c.Period == period);
        if (existing is null)
        {
            existing = new CheckIn { GoalId = goal, UnitId = unit, Period = period };
            db.CheckIns.Add(existing);
        }
        existing.Analysis = analysis;
        existing.UpdatedBy = user;
        existing.UpdatedAtUtc = site.Clock.GetUtcNow().UtcDateTime;
        db.CheckInActions.RemoveRange(existing.Actions);
        existing.Actions = actions.Where(a => !string.IsNullOrWhiteSpace(a.What))
            .Select(a => new CheckInAction { What = a.What.Trim(), Who = a.Who.Trim(), Due = a.Due, State = ActionStates.All.Contains(a.State) ? a.State : ActionStates.Open })
            .ToList();
        await db.SaveChangesAsync();
        return existing;
    }
}
