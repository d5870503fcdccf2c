using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Core.Evaluation;
using Styrkort.Core.Periods;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;
using Styrkort.Web.Localization;

namespace Styrkort.Web.Api;

/// <summary>How a save ended: saved as a new version, or refused because it was edited from an older one.</summary>
public abstract record CheckInSave
{
    public sealed record Saved(CheckIn CheckIn) : CheckInSave;

    /// <summary>Someone saved <paramref name="Latest"/> after the version the save was edited from (null: it meant to write the first).</summary>
    public sealed record Stale(CheckInVersion Latest, int? BasedOn) : CheckInSave;
}

/// <summary>Check-ins are shared by the goal page and the API: one rule for who may write and how they are kept.</summary>
public static class CheckIns
{
    /// <summary>What is wrong with the goal, unit or period of a check-in (English), or null.</summary>
    public static string? Problem(SiteState site, string goal, string unit, string period, WebLimits? limits = null) =>
        Problem(site, goal, unit, period, new Texts(Core.Presentation.Language.En), limits);

    /// <summary>
    /// What is wrong with the goal, unit or period of a check-in, in the reader's language, or null: the goal and unit
    /// exist, the goal is followed in the unit, and the period is a quarter the check-in round can be about (see
    /// <see cref="LatestQuarter"/>).
    /// </summary>
    public static string? Problem(SiteState site, string goal, string unit, string period, Texts t, WebLimits? limits = null)
    {
        limits ??= new WebLimits();
        var snapshot = site.Current;
        var found = snapshot.Goals.Goals.FirstOrDefault(g => g.Id == goal);
        if (found is null) return Format(t["checkin_goal_unknown"], goal);
        if (RequestLimits.PeriodProblem(period ?? "", limits, out _, t) is { } bad) return bad;
        if (!site.TryPeriod(period, out var p, out var sane) || !sane) return Format(t["period_bad"], period);
        if (!snapshot.UnitIds.Contains(unit)) return Format(t["checkin_unit_unknown"], unit);
        if (!GoalScope.Follows(found, unit, snapshot.IsWithin)) return Format(t["checkin_not_followed"], found.Name.For(t.Lang), unit);
        return PeriodProblem(site, p, t);
    }

    /// <summary>
    /// Check-ins are written per quarter, for the quarters the data covers: from the quarter of the earliest date in the
    /// data up to <see cref="LatestQuarter"/>. An analysis of a quarter nothing is known about yet is a typing mistake.
    /// </summary>
    public static string? PeriodProblem(SiteState site, Period period, Texts t)
    {
        var snapshot = site.Current;
        if (period.Kind != PeriodKind.Quarter) return Format(t["checkin_quarter"], period);
        if (!snapshot.HasData) return t["nodata"];
        if (snapshot.FirstDate is { } first && period.End < first)
            return Format(t["checkin_before_data"], period, first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var latest = LatestQuarter(site);
        if (period.Start > latest.Start) return Format(t["checkin_future"], period, latest);
        return null;
    }

    /// <summary>
    /// The latest quarter a check-in may be written for: the quarter the pages show by default (the last complete one),
    /// or the quarter under way once data of it has been imported — never a quarter that has not begun.
    /// </summary>
    public static Period LatestQuarter(SiteState site)
    {
        var today = DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime);
        var current = new Period(PeriodKind.Quarter, today.Year, (today.Month + 2) / 3);
        return site.Current.LastDate is { } last && last >= current.Start ? current : site.DefaultQuarter;
    }

    /// <summary>Whether a check-in holds an analysis: the check-in round and the board report count a blank one as missing.</summary>
    public static bool IsWritten(string? analysis) => !string.IsNullOrWhiteSpace(analysis);

    /// <summary>
    /// What is wrong with a check-in's text, in the reader's language, or null: the limits keep one check-in from making
    /// every reader of the goal page wait, and control characters (NUL) out of the app store.
    /// </summary>
    public static string? Invalid(string? analysis, IReadOnlyList<CheckInAction> actions, WebLimits limits, Texts t)
    {
        analysis ??= "";
        if (analysis.Length > limits.MaxAnalysisChars) return Format(t["checkin_too_long"], limits.MaxAnalysisChars);
        var written = actions.Where(a => !string.IsNullOrWhiteSpace(a.What) || !string.IsNullOrWhiteSpace(a.Who)).ToList();
        if (written.Count > limits.MaxActions) return Format(t["checkin_too_many_actions"], limits.MaxActions);
        if (written.Any(a => (a.What?.Length ?? 0) > limits.MaxActionFieldChars || (a.Who?.Length ?? 0) > limits.MaxActionFieldChars))
            return Format(t["checkin_action_too_long"], limits.MaxActionFieldChars);
        if (RequestLimits.HasControlCharacter(analysis) || actions.Any(a => RequestLimits.HasControlCharacter(a.What ?? "") || RequestLimits.HasControlCharacter(a.Who ?? "") || RequestLimits.HasControlCharacter(a.State ?? "")))
            return t["checkin_control"];
        return null;
    }

    /// <summary>Admins and controllers write for every unit; a unit manager for the units they manage and their subtrees.</summary>
    public static async Task<bool> MayWrite(HttpContext http, AppDb db, string unit) => (await Writable(http)).Invoke(unit);

    /// <summary>Which units the signed-in user may write check-ins for, asked of the account store once (the round page asks for many).</summary>
    public static async Task<Func<string, bool>> Writable(HttpContext http)
    {
        if (http.User.IsInRole(Roles.Admin) || http.User.IsInRole(Roles.Controller)) return _ => true;
        var managed = await ManagedUnits(http);
        var snapshot = http.RequestServices.GetRequiredService<SiteState>().Current;
        return unit => unit is not null && managed.Any(m => snapshot.IsWithin(unit, m));
    }

    /// <summary>The units a unit manager manages (empty for the other roles).</summary>
    public static async Task<IReadOnlyList<string>> ManagedUnits(HttpContext http)
    {
        if (!http.User.IsInRole(Roles.UnitManager)) return [];
        var users = http.RequestServices.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(http.User);
        return user?.ManagedUnits.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
    }

    /// <summary>The latest version of a check-in, or null when none has been saved.</summary>
    public static Task<CheckInVersion?> LatestAsync(AppDb db, string goal, string unit, string period) =>
        db.CheckInVersions.AsNoTracking()
            .Where(v => db.CheckIns.Any(c => c.Id == v.CheckInId && c.GoalId == goal && c.UnitId == unit && c.Period == period))
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync();

    /// <summary>
    /// Saves a check-in as a new version, when <paramref name="basedOn"/> is the latest version (null or 0: there is
    /// none yet); otherwise nothing is saved and the newer version is given back. Audited in the same unit of work.
    /// </summary>
    public static async Task<CheckInSave> SaveAsync(AppDb db, SiteState site, string goal, string unit, string period, string analysis,
        List<CheckInAction> actions, string user, int? basedOn, WebLimits? limits = null)
    {
        // The callers check first and answer 400; this keeps any other caller from storing what they would refuse.
        if (Invalid(analysis, actions, limits ?? new WebLimits(), new Texts(Core.Presentation.Language.En)) is { } invalid) throw new InvalidDataException(invalid);
        var existing = await db.CheckIns.Include(c => c.Actions).FirstOrDefaultAsync(c => c.GoalId == goal && c.UnitId == unit && c.Period == period);
        // Without a check-in there is nothing to lose, whatever version the caller names.
        if (existing is not null && existing.Version != (basedOn ?? 0))
            return new CheckInSave.Stale((await LatestAsync(db, goal, unit, period))!, basedOn);
        if (existing is null)
        {
            existing = new CheckIn { GoalId = goal, UnitId = unit, Period = period };
            db.CheckIns.Add(existing);
        }
        var now = site.Clock.GetUtcNow().UtcDateTime;
        existing.Analysis = analysis;
        existing.UpdatedBy = user;
        existing.UpdatedAtUtc = now;
        existing.Version++;
        db.CheckInActions.RemoveRange(existing.Actions);
        existing.Actions = actions.Where(a => !string.IsNullOrWhiteSpace(a.What))
            .Select(a => new CheckInAction { What = a.What.Trim(), Who = a.Who.Trim(), Due = a.Due, State = ActionStates.All.Contains(a.State) ? a.State : ActionStates.Open })
            .ToList();
        existing.Versions.Add(new CheckInVersion
        {
            Number = existing.Version, Analysis = analysis, Actions = CheckInVersions.ToJson(existing.Actions), SavedBy = user, SavedAtUtc = now,
        });
        Audit.AuditTrail.Record(db, site.Clock, user, AuditActions.CheckIn, $"{goal} / {unit} / {period}",
            $"version {existing.Version}: {existing.Actions.Count} actions, analysis {analysis.Length} characters");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another save of the same check-in won the race (the version is the concurrency token, and the first
            // version of a check-in is unique by goal, unit and period): nothing of this one was stored.
            db.ChangeTracker.Clear();
            if (await LatestAsync(db, goal, unit, period) is { } newer && newer.Number != (basedOn ?? 0)) return new CheckInSave.Stale(newer, basedOn);
            throw;
        }
        return new CheckInSave.Saved(existing);
    }

    /// <summary>Why a save edited from an older version was refused: who saved the newer one, and when.</summary>
    public static string StaleMessage(CheckInSave.Stale stale, Texts t) =>
        Format(stale.BasedOn is null or 0 ? t["checkin_stale_new"] : t["checkin_stale"],
            stale.Latest.Number, stale.Latest.SavedBy, stale.Latest.SavedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), stale.BasedOn ?? 0);

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
