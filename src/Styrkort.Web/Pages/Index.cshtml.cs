using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;
using Styrkort.Web.Localization;
using Styrkort.Web.Presentation;

namespace Styrkort.Web.Pages;

/// <summary>Goals × units for a quarter, from the snapshot's outcomes.</summary>
public sealed class IndexModel(SiteState site) : PageModel
{
    private Dictionary<(string, string), Outcome> _now = [];
    private Dictionary<(string, string), Outcome> _before = [];

    public string Organisation => site.Goals.Organisation;
    public Period Period { get; private set; }
    public IReadOnlyList<string> Quarters { get; private set; } = [];
    public IReadOnlyList<UnitInfo> AllUnits { get; private set; } = [];
    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];
    public IReadOnlyList<GoalArea> Areas => site.Goals.Areas;
    /// <summary>The goals as a tree: each operational goal right under the goal it serves (file order where none serves another).</summary>
    public IReadOnlyList<Goal> Goals => Tree.Select(t => t.Goal).ToList();

    /// <summary>How far under a strategic goal a goal stands: 0 for one that serves none.</summary>
    public int Depth(Goal goal) => Tree.First(t => t.Goal == goal).Depth;

    private IReadOnlyList<(Goal Goal, int Depth)> Tree => _tree ??= GoalStructure.Tree(site.Goals);
    private IReadOnlyList<(Goal Goal, int Depth)>? _tree;
    public string? UnitFilter { get; private set; }
    public string? AreaFilter { get; private set; }
    public bool HasData { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? period, string? unit, string? area)
    {
        Period = site.TryPeriod(period, out var p, out var sane) ? p : site.DefaultQuarter;
        if (!sane) return Hosting.ErrorResponses.RefusePage(HttpContext, 400, Localization.Texts.For(HttpContext).Format("period_range", period, site.SaneYears.First, site.SaneYears.Last));
        Quarters = site.Choices(Period);
        AreaFilter = string.IsNullOrEmpty(area) ? null : area;
        HasData = site.Current.HasData;
        if (!HasData) return Page();
        var now = site.Outcomes(Period);
        AllUnits = now.Units;
        UnitFilter = AllUnits.Any(u => u.Id == unit) ? unit : null;
        Units = UnitFilter is null ? AllUnits : SubtreeOf(UnitFilter, AllUnits);
        Units = ManagedFirst(Units, await ManagedUnits.OfAsync(HttpContext, site.Current.UnitIds));
        _now = now.Outcomes.ToDictionary(o => (o.Goal, o.Unit));
        _insights = site.Current.Insights;
        _before = site.Outcomes(Period.Previous()).Outcomes.ToDictionary(o => (o.Goal, o.Unit));
        return Page();
    }

    private static List<UnitInfo> SubtreeOf(string root, IReadOnlyList<UnitInfo> all)
    {
        var inside = new HashSet<string> { root };
        foreach (var u in all) // ordered by path, so parents come before their children
            if (u.Parent is not null && inside.Contains(u.Parent)) inside.Add(u.Id);
        return all.Where(u => inside.Contains(u.Id)).ToList();
    }

    /// <summary>
    /// A unit manager's own units (their subtrees, in tree order) come first, the others after: their columns are the
    /// first they see, and the rest of the organisation stays one scroll away for comparison rather than hidden behind
    /// a filter they would have to undo. Everyone else sees the tree's order.
    /// </summary>
    private List<UnitInfo> ManagedFirst(IReadOnlyList<UnitInfo> units, IReadOnlyList<string> managed)
    {
        if (managed.Count == 0) return units.ToList();
        var snapshot = site.Current;
        bool Own(UnitInfo u) => managed.Any(m => snapshot.IsWithin(u.Id, m));
        return units.Where(Own).Concat(units.Where(u => !Own(u))).ToList();
    }

    /// <summary>The label of the period picker, by the kind of period shown.</summary>
    public string PeriodLabelKey => PeriodLabel.Key(Period.Kind);

    /// <summary>Where a cell leads: the goal page for that unit and period.</summary>
    public string CellHref(Goal goal, UnitInfo unit) =>
        $"/goals/{Uri.EscapeDataString(goal.Id)}?period={Uri.EscapeDataString(Period.ToString())}&unit={Uri.EscapeDataString(unit.Id)}";

    /// <summary>The cell's accessible name: goal, unit, value and status in words ("NPS, Skåne: 7,3, uppfyllt").</summary>
    /// <summary>
    /// What a cell's link is about, for screen readers only ("NPS, Skåne: "): read before the cell's own text (value,
    /// status in words, target), which thus stays part of the link's name (axe: label-content-name-mismatch).
    /// </summary>
    public string CellContext(Goal goal, UnitInfo unit, Texts t) => $"{goal.Name.For(t.Lang)}, {unit.Name}: ";

    /// <summary>Whether some goal has a warning zone: only then does the legend name the status at risk.</summary>
    public bool HasWarnings => Goals.Any(g => g.Target.Warning is not null);

    public Outcome? Outcome(string goal, string unit) => _now.GetValueOrDefault((goal, unit));

    private Hosting.SnapshotInsights? _insights;

    /// <summary>The anomaly flagged on a cell (only for the quarter the insights are computed for); null for none.</summary>
    public Styrkort.Core.Insights.Anomaly? Anomaly(string goal, string unit) => _insights?.Anomaly(Period, goal, unit);
    public Outcome? Previous(string goal, string unit) => _before.GetValueOrDefault((goal, unit));
    public bool IsScheduled(Goal goal) => TargetJudge.Scheduled(goal, Period);
    public string? MetricUnit(Goal goal) => site.Goals.Metrics[goal.Metric].Unit;
}
