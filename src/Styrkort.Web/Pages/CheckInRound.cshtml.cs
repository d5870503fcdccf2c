using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Web.Api;
using Styrkort.Web.AppStore;
using Styrkort.Web.Hosting;
using Styrkort.Web.Localization;

namespace Styrkort.Web.Pages;

/// <summary>
/// The check-in round of a quarter: for every goal and every unit it is followed in, whether an analysis is written,
/// by whom and when, with the goal's owner and a link to write the missing ones. Unit managers land on their own units.
/// </summary>
public sealed class CheckInRoundModel(SiteState site, AppDb db) : PageModel
{
    public const string AllUnits = "all", MyUnits = "mine";

    /// <summary>One goal and unit of the round; <paramref name="Written"/> null when there is no analysis.</summary>
    public sealed record Entry(UnitInfo Unit, Written? Written, bool MayWrite);

    public sealed record Written(string By, DateTime AtUtc, int Version);

    /// <summary>A goal of the round with its units in the filter.</summary>
    public sealed record GoalRound(Goal Goal, bool OnBoardAgenda, IReadOnlyList<Entry> Entries)
    {
        public int Missing => Entries.Count(e => e.Written is null);
    }

    public Period Period { get; private set; }
    public IReadOnlyList<string> Quarters { get; private set; } = [];
    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];
    public IReadOnlyList<GoalArea> Areas { get; private set; } = [];
    public string? AreaFilter { get; private set; }
    public string UnitFilter { get; private set; } = AllUnits;
    /// <summary>The units a unit manager manages; empty for other roles (who get no "my units" choice).</summary>
    public IReadOnlyList<string> Managed { get; private set; } = [];
    public IReadOnlyList<GoalRound> Goals { get; private set; } = [];
    /// <summary>Why no check-in can be written for the quarter (before the data, not begun), or null.</summary>
    public string? PeriodNote { get; private set; }
    public bool HasData { get; private set; }
    public int Total => Goals.Sum(g => g.Entries.Count);
    public int Missing => Goals.Sum(g => g.Missing);

    public async Task<IActionResult> OnGetAsync(string? period, string? area, string? unit)
    {
        var t = Texts.For(HttpContext);
        var snapshot = site.Current;
        var latest = CheckIns.LatestQuarter(site);
        Period = site.DefaultQuarter;
        if (period is not null)
        {
            if (!site.TryPeriod(period, out var p, out var sane) || !sane || p.Kind != PeriodKind.Quarter)
                return ErrorResponses.RefusePage(HttpContext, 400, string.Format(System.Globalization.CultureInfo.InvariantCulture, t["checkin_quarter"], period));
            Period = p;
        }
        Quarters = site.Quarters.Append(latest).Append(Period).Distinct().OrderByDescending(q => q.End).Select(q => q.ToString()).ToList();
        HasData = snapshot.HasData;
        if (!HasData) return Page();
        PeriodNote = CheckIns.PeriodProblem(site, Period, t);
        Areas = snapshot.Goals.Areas;
        AreaFilter = Areas.Any(a => a.Id == area) ? area : null;
        Managed = await CheckIns.ManagedUnits(HttpContext);
        // A unit manager lands on the units they manage; anyone may widen the view to all units or one unit's subtree.
        UnitFilter = unit is not null && (unit == AllUnits || (unit == MyUnits && Managed.Count > 0) || snapshot.UnitIds.Contains(unit)) ? unit
            : Managed.Count > 0 ? MyUnits : AllUnits;
        Units = snapshot.Units;
        var shown = UnitFilter switch
        {
            AllUnits => Units,
            MyUnits => Units.Where(u => Managed.Any(m => snapshot.IsWithin(u.Id, m))).ToList(),
            var one => Units.Where(u => snapshot.IsWithin(u.Id, one)).ToList(),
        };

        var quarter = Period.ToString();
        // Only whether an analysis is written, by whom and when: the texts stay in the database.
        var written = (await db.CheckIns.AsNoTracking().Where(c => c.Period == quarter && c.Analysis.Trim() != "")
                .Select(c => new { c.GoalId, c.UnitId, c.UpdatedBy, c.UpdatedAtUtc, c.Version }).ToListAsync())
            .ToDictionary(c => (c.GoalId, c.UnitId), c => new Written(c.UpdatedBy, c.UpdatedAtUtc, c.Version));
        var mayWrite = PeriodNote is null ? await CheckIns.Writable(HttpContext) : _ => false;
        Goals = GoalStructure.Tree(snapshot.Goals).Select(x => x.Goal)
            .Where(g => AreaFilter is null || g.Area == AreaFilter)
            .Select(g => new GoalRound(g, TargetJudge.Scheduled(g, Period), shown.Where(u => GoalScope.Follows(g, u.Id, snapshot.IsWithin))
                .Select(u => new Entry(u, written.GetValueOrDefault((g.Id, u.Id)), mayWrite(u.Id))).ToList()))
            .Where(g => g.Entries.Count > 0)
            .ToList();
        return Page();
    }

    public string AreaName(string id, Core.Presentation.Language lang) => Areas.FirstOrDefault(a => a.Id == id)?.Name.For(lang) ?? id;
}
