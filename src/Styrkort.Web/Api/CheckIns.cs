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
    /// <summary>Why a check-in cannot be for this goal, unit and period, in <paramref name="t"/>'s language (English, the API's, by default); null when it can.</summary>
    public static string? Problem(SiteState site, string goal, string unit, string period, WebLimits? limits = null, Localization.Texts? t = null)
    {
        limits ??= new WebLimits();
        t ??= new Localization.Texts(Core.Presentation.Language.En);
        if (site.Goals.Goals.All(g => g.Id != goal)) return t.Format("unknown_goal", goal);
        if (RequestLimits.PeriodProblem(period ?? "", limits, out _, t) is { } bad) return bad;
        if (!site.TryPeriod(period, out _, out var sane) || !sane) return t.Format("not_a_period", period);
        if (!site.Current.UnitIds.Contains(unit)) return t.Format("unknown_unit", unit);
        return null;
    }

    /// <summary>
    /// What is wrong with a check-in's text, in the reader's language, or null: the limits keep one check-in from making
    /// every reader of the goal page wait, and control characters (NUL) out of the app store.
    /// </summary>
    public static string? Invalid(string? analysis, IReadOnlyList<CheckInAction> actions, WebLimits limits, Localization.Texts t)
    {
        analysis ??= "";
        if (analysis.Length > limits.MaxAnalysisChars) return string.Format(System.Globalization.CultureInfo.InvariantCulture, t["checkin_too_long"], limits.MaxAnalysisChars);
        var written = actions.Where(a => !string.IsNullOrWhiteSpace(a.What) || !string.IsNullOrWhiteSpace(a.Who)).ToList();
        if (written.Count > limits.MaxActions) return string.Format(System.Globalization.CultureInfo.InvariantCulture, t["checkin_too_many_actions"], limits.MaxActions);
        if (written.Any(a => (a.What?.Length ?? 0) > limits.MaxActionFieldChars || (a.Who?.Length ?? 0) > limits.MaxActionFieldChars))
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, t["checkin_action_too_long"], limits.MaxActionFieldChars);
        if (RequestLimits.HasControlCharacter(analysis) || actions.Any(a => RequestLimits.HasControlCharacter(a.What ?? "") || RequestLimits.HasControlCharacter(a.Who ?? "") || RequestLimits.HasControlCharacter(a.State ?? "")))
            return t["checkin_control"];
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
        List<CheckInAction> actions, string user, WebLimits? limits = null)
    {
        // The callers check first and answer 400; this keeps any other caller from storing what they would refuse.
        if (Invalid(analysis, actions, limits ?? new WebLimits(), new Localization.Texts("en")) is { } invalid) throw new InvalidDataException(invalid);
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
        Audit.AuditTrail.Record(db, site.Clock, user, AuditActions.CheckIn, $"{goal} / {unit} / {period}", $"{existing.Actions.Count} actions, analysis {analysis.Length} characters");
        await db.SaveChangesAsync();
        return existing;
    }
}
