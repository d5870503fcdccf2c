using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Web.Api;
using Styrkort.Web.AppStore;
using Styrkort.Web.Hosting;
using Styrkort.Web.Localization;
using Styrkort.Web.Presentation;

namespace Styrkort.Web.Pages;

/// <summary>
/// A check-in's versions: who saved which and when, and what a version changed against the one before (the latest
/// unless another is asked for). Everyone who reads the goal page reads its history.
/// </summary>
public sealed class CheckInHistoryModel(SiteState site, AppDb db, WebLimits limits) : PageModel
{
    public sealed record Row(int Number, string SavedBy, DateTime SavedAtUtc, int Characters, int Actions);

    public string GoalId { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public string Period { get; private set; } = "";
    public IReadOnlyList<Row> Versions { get; private set; } = [];
    /// <summary>The version whose changes are shown, and what they are against the version before it.</summary>
    public CheckInVersion? Shown { get; private set; }
    public IReadOnlyList<LineDiff.Line?> Diff { get; private set; } = [];
    public bool MayWrite { get; private set; }
    public string UnitName => site.Current.Units.FirstOrDefault(u => u.Id == Unit)?.Name ?? Unit;
    public string GoalName(Core.Presentation.Language lang) => site.Goals.Goals.First(g => g.Id == GoalId).Name.For(lang);

    public async Task<IActionResult> OnGetAsync(string id, string? unit, string? period, int? diff)
    {
        if (site.Goals.Goals.All(g => g.Id != id) || unit is null || period is null || !site.Current.UnitIds.Contains(unit)) return NotFound();
        // Any quarter, even one outside today's data (its check-ins stay readable); anything else is no check-in period.
        var t = Texts.For(HttpContext);
        if (RequestLimits.PeriodProblem(period, limits, out _, t) is { } bad) return ErrorResponses.RefusePage(HttpContext, StatusCodes.Status400BadRequest, bad);
        if (!site.TryPeriod(period, out var parsed, out var sane) || !sane)
            return ErrorResponses.RefusePage(HttpContext, StatusCodes.Status400BadRequest, string.Format(System.Globalization.CultureInfo.InvariantCulture, t["period_bad"], period));
        if (parsed.Kind != Core.Periods.PeriodKind.Quarter)
            return ErrorResponses.RefusePage(HttpContext, StatusCodes.Status400BadRequest, string.Format(System.Globalization.CultureInfo.InvariantCulture, t["checkin_quarter"], period));
        (GoalId, Unit, Period) = (id, unit, period);
        var versions = await db.CheckInVersions.AsNoTracking()
            .Where(v => db.CheckIns.Any(c => c.Id == v.CheckInId && c.GoalId == id && c.UnitId == unit && c.Period == period))
            .OrderByDescending(v => v.Number).ToListAsync();
        Versions = versions.Select(v => new Row(v.Number, v.SavedBy, v.SavedAtUtc, v.Analysis.Length, CheckInVersions.Actions(v).Count)).ToList();
        MayWrite = await CheckIns.MayWrite(HttpContext, db, unit);
        if (versions.Count == 0) return Page();
        Shown = diff is { } number ? versions.FirstOrDefault(v => v.Number == number) : versions[0];
        if (Shown is null) return NotFound();
        var before = versions.FirstOrDefault(v => v.Number == Shown.Number - 1);
        Diff = CheckInVersions.Diff(before is null ? "" : CheckInVersions.Text(before, t), CheckInVersions.Text(Shown, t));
        return Page();
    }
}
