using Markdig;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Core.Compilation;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Insights;
using Styrkort.Core.Periods;
using Styrkort.Web.Api;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Drill;
using Styrkort.Web.Hosting;
using Styrkort.Web.Localization;
using Styrkort.Web.Presentation;

namespace Styrkort.Web.Pages;

/// <summary>One goal: its definition, its course quarter by quarter, its value per unit, the analyses, the data behind it.</summary>
public sealed class GoalModel(SiteState site, AppDb db) : PageModel
{
    // Analyses are Markdown written by users: raw HTML in them is shown as text, never run.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public Goal Goal { get; private set; } = null!;
    public Metric Metric { get; private set; } = null!;
    public string? ComparisonFormula { get; private set; }
    /// <summary>The strategic goal this goal serves, and the operational goals that serve it (serves:).</summary>
    public Goal? Serves { get; private set; }
    public IReadOnlyList<Goal> ServedBy { get; private set; } = [];
    public Period Period { get; private set; }
    public string Unit { get; private set; } = "";
    public IReadOnlyList<string> Quarters { get; private set; } = [];
    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];
    public IReadOnlyList<Outcome> Outcomes { get; private set; } = [];
    public IReadOnlyList<CheckIn> CheckIns { get; private set; } = [];
    public IReadOnlyList<(string Dataset, long Rows, DateTime? ImportedAt, string? File)> Lineage { get; private set; } = [];
    public bool MayWrite { get; private set; }
    /// <summary>The per-unit table's order (?sort=unit|value|status, ?dir=desc); null: the unit tree's order.</summary>
    public UnitTableSort? Sort { get; private set; }
    /// <summary>The goal's breakdowns for the unit shown, one per dimension.</summary>
    public IReadOnlyList<GoalBreakdown> Breakdowns { get; private set; } = [];
    public RowsBehind Rows { get; private set; } = new(null, [], null);
    private IReadOnlyList<(Period Period, Outcome? Outcome)> _series = [];
    /// <summary>The chart's periods and outcomes, shown beside it as a table (its text alternative).</summary>
    public IReadOnlyList<(Period Period, Outcome? Outcome)> History => _series;

    /// <summary>The period the insights are computed for (the default quarter), and whether they are still being computed.</summary>
    public Period InsightsPeriod { get; private set; }
    public bool InsightsPending { get; private set; }
    /// <summary>The goal's year-end forecast for the unit shown (or why there is none), its anomaly and what drove its change.</summary>
    public GoalForecast? Forecast { get; private set; }
    public Anomaly? Anomaly { get; private set; }
    public ChangeExplanation? Change { get; private set; }
    /// <summary>What drove the change since the board last saw the goal, only where that was not the period before.</summary>
    public ChangeExplanation? BoardChange { get; private set; }
    /// <summary>When the board last saw the goal before the period shown (its calendar read backwards); null: never within three years.</summary>
    public Period? BoardLook { get; private set; }
    /// <summary>The units of the per-unit table whose value is flagged as an anomaly.</summary>
    public IReadOnlySet<string> AnomalousUnits { get; private set; } = new HashSet<string>();

    /// <summary>A change's largest parts by size (the table beside its sentence), the rest left out.</summary>
    public static IReadOnlyList<ChangeContributor> Largest(ChangeExplanation? change, int count = 8) =>
        change is null ? [] : change.Contributors.Where(c => !c.Rest).OrderByDescending(c => Math.Abs(c.Effect)).Take(count).ToList();

    public async Task<IActionResult> OnGetAsync(string id, string? period, string? unit, string? sort, string? dir)
    {
        // One snapshot for the whole request: a goal-file version swapped in meanwhile does not mix with this one.
        var snapshot = site.Current;
        var goal = snapshot.Goals.Goals.FirstOrDefault(g => g.Id == id);
        if (goal is null) return NotFound();
        if (!snapshot.HasData) return Redirect("/");
        Goal = goal;
        Metric = snapshot.Goals.Metrics[goal.Metric];
        Serves = GoalStructure.Served(snapshot.Goals, goal);
        ServedBy = GoalStructure.ServedBy(snapshot.Goals, goal.Id);
        ComparisonFormula = goal.Comparison is { } c ? snapshot.Goals.Metrics[c].Formula.Text : null;
        Period = site.TryPeriod(period, out var p, out var sane) ? p : site.DefaultQuarter;
        if (!sane) return Hosting.ErrorResponses.RefusePage(HttpContext, 400, Localization.Texts.For(HttpContext).Format("period_range", period, site.SaneYears.First, site.SaneYears.Last));
        if (UnitTableSort.Parse(sort, dir, Texts.For(HttpContext), out var order) is { } badSort) return Hosting.ErrorResponses.RefusePage(HttpContext, 400, badSort);
        Sort = order;
        var evaluation = site.Outcomes(Period);
        Units = evaluation.Units;
        Outcomes = evaluation.Outcomes.Where(o => o.Goal == id).ToList();
        // A unit manager opens on their own unit, where they can write the analysis at once; a goal followed in some
        // units only opens on the first of them, not on a unit where it has no result.
        var managed = Units.Any(u => u.Id == unit) ? [] : await ManagedUnits.OfAsync(HttpContext, snapshot.UnitIds);
        Unit = Units.Any(u => u.Id == unit) ? unit!
            : managed.FirstOrDefault(m => Outcomes.Any(o => o.Unit == m))
              ?? Outcomes.FirstOrDefault(o => managed.Any(m => snapshot.IsWithin(o.Unit, m)))?.Unit
              ?? Outcomes.FirstOrDefault()?.Unit ?? Units[0].Id;
        Outcomes = Sort?.Apply(Outcomes, UnitName) ?? Outcomes;
        Breakdowns = evaluation.Breakdowns.Where(b => b.Goal == id && b.Unit == Unit).ToList();
        Rows = RowsBehind.Read(site, snapshot.Goals, goal, Unit, Period);
        Quarters = site.Choices(Period);
        var history = new List<Period> { Period };
        while (history.Count < 8) history.Insert(0, history[0].Previous());
        _series = site.Outcomes(history).Select(e => (e.Period, e.Outcomes.FirstOrDefault(o => o.Goal == id && o.Unit == Unit))).ToList();
        CheckIns = await db.CheckIns.AsNoTracking().Include(x => x.Actions)
            .Where(x => x.GoalId == id && x.Period == Period.ToString()).OrderBy(x => x.UnitId).ToListAsync();
        Lineage = MetricLineage.Datasets(snapshot.Goals, goal.Metric).Where(snapshot.Lineage.ContainsKey)
            .Select(d => snapshot.Lineage[d]).Select(l => (l.Dataset, l.Rows, l.ImportedAtUtc, l.File)).ToList();
        // Check-ins are per quarter of the data: a week, a month or a quarter outside it offers no writing.
        InsightsPeriod = site.DefaultQuarter;
        BoardLook = BoardCalendar.PreviousLook(goal, Period);
        InsightsPending = snapshot.Insights is null || snapshot.Insights.Period != InsightsPeriod;
        if (snapshot.Insights is { } insights)
        {
            Forecast = insights.Forecast(Period, id, Unit);
            Anomaly = insights.Anomaly(Period, id, Unit);
            Change = insights.Change(Period, id, Unit);
            BoardChange = insights.BoardChange(Period, id, Unit);
            AnomalousUnits = Outcomes.Where(o => insights.Anomaly(Period, id, o.Unit) is not null).Select(o => o.Unit).ToHashSet(StringComparer.Ordinal);
        }
        MayWrite = await Api.CheckIns.MayWrite(HttpContext, db, Unit) && Api.CheckIns.PeriodProblem(site, Period, Texts.For(HttpContext)) is null;
        return Page();
    }

    /// <summary>The goal page of another unit, same period and order.</summary>
    public string UnitHref(string unit) => Href(unit, Sort);

    /// <summary>A column header's link: sorts by it, or turns its order around when the table is sorted by it already.</summary>
    public string SortHref(UnitSortKey key) => Href(Unit, new UnitTableSort(key, Sort is { } s && s.Key == key && !s.Descending)) + "#per-unit";

    /// <summary>aria-sort of a column header: only the sorted column has one.</summary>
    public string? AriaSort(UnitSortKey key) => Sort is { } s && s.Key == key ? (s.Descending ? "descending" : "ascending") : null;

    public string RowsHref(string dataset, string format) =>
        $"/goals/{Uri.EscapeDataString(Goal.Id)}/rows?unit={Uri.EscapeDataString(Unit)}&period={Uri.EscapeDataString(Period.ToString())}&dataset={Uri.EscapeDataString(dataset)}&format={format}";

    private string Href(string unit, UnitTableSort? sort) =>
        $"/goals/{Uri.EscapeDataString(Goal.Id)}?period={Uri.EscapeDataString(Period.ToString())}&unit={Uri.EscapeDataString(unit)}{sort?.Query}";

    /// <summary>The label of the period picker, by the kind of period shown.</summary>
    public string PeriodLabelKey => PeriodLabel.Key(Period.Kind);

    /// <summary>A segment's key as the page names it: the empty key, yes and no, codes and numbers as they are.</summary>
    public static string SegmentLabel(Segment segment, Texts t) => segment.Key switch
    {
        null => t["segment_none"],
        bool b => b ? t["yes"] : t["no"],
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var k => k.ToString() ?? "",
    };

    /// <summary>A breakdown as horizontal bars, named and described by its table (<paramref name="tableId"/>).</summary>
    public string BreakdownChart(GoalBreakdown breakdown, string tableId, Texts t)
    {
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, t["breakdown_chart"], Goal.Name.For(t.Lang), breakdown.Dimension, UnitName(Unit), Period);
        var bars = breakdown.Segments.Select(s => new BarChart.Bar(SegmentLabel(s, t), s.Value?.AsDouble)).ToList();
        return BarChart.Svg(title, bars, v => Ui.Value(v, Metric.Unit, t), tableId);
    }

    public static string UntracedKey(Styrkort.Core.Planning.UntracedKind kind) => kind switch
    {
        Styrkort.Core.Planning.UntracedKind.Lookup => "rows_untraced_lookup",
        Styrkort.Core.Planning.UntracedKind.PopulationEntities => "rows_untraced_entities",
        Styrkort.Core.Planning.UntracedKind.RegionPopulation => "rows_untraced_region",
        _ => "rows_untraced_twice",
    };

    /// <summary>A change part's kind as the table names it.</summary>
    public static string KindKey(ChangeContributor c) => c.Rest ? "change_rest" : c.Kind switch
    {
        ChangeKind.Rate => "change_rate",
        ChangeKind.Mix => "change_mix",
        _ => "change_contribution",
    };

    public static string MethodKey(YearFromMonths method) => "forecast_method_" + method.ToString().ToLowerInvariant();

    /// <summary>A share or a probability as a whole percentage, in the page's language.</summary>
    public static string Percent(double share, Texts t) =>
        (share * 100).ToString("0", Styrkort.Core.Presentation.Figures.Numbers(t.Lang)) + " %";

    public string UnitName(string id) => Units.FirstOrDefault(u => u.Id == id)?.Name ?? id;

    public string AreaName(Core.Presentation.Language lang) => site.Goals.Areas.FirstOrDefault(a => a.Id == Goal.Area)?.Name.For(lang) ?? Goal.Area;

    public string Markdown(string text) => RenderMarkdown(text);

    /// <summary>
    /// An analysis as HTML: raw HTML shown as text, and links to anything but http, https, mailto or a relative address
    /// turned into text (the same rule as the board report).
    /// </summary>
    public static string RenderMarkdown(string text)
    {
        var document = Styrkort.Reports.Markdown.SafeLinks.Parse(text, Pipeline);
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    public string Chart(Texts t)
    {
        var labels = _series.Select(s => s.Period.ToString()).ToList();
        var series = new List<LineChart.Series>
        {
            new(t["value"], "value", _series.Select(s => s.Outcome?.Value?.AsDouble).ToList()),
        };
        if (Goal.Target.Kind == TargetRuleKind.Between)
        {
            series.Add(new(t["target"] + " min", "target", _series.Select(_ => (double?)(double)Goal.Target.Low!).ToList(), Dashed: true));
            series.Add(new(t["target"] + " max", "target", _series.Select(_ => (double?)(double)Goal.Target.High!).ToList(), Dashed: true));
        }
        else if (!Goal.Target.NeedsComparison)
            series.Add(new(t["target"], "target", _series.Select(s => s.Outcome?.Target.Level is { } l ? (double?)(double)l : null).ToList(), Dashed: true));
        if (Goal.Comparison is not null)
            series.Add(new(t["comparison"], "comparison", _series.Select(s => s.Outcome?.Comparison).ToList(), Dashed: true));
        var history = t[Period.Kind == PeriodKind.Week ? "history_week" : "history"];
        return LineChart.Svg(labels, series, v => Ui.Value(v, Metric.Unit, t),
            title: $"{t["chart_of"]}: {Goal.Name.For(t.Lang)}, {history.ToLowerInvariant()} — {UnitName(Unit)}", describedBy: "chart-table");
    }
}
