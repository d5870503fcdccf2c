using Markdig;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Core.Compilation;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Web.Api;
using Styrkort.Web.AppStore;
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
    private IReadOnlyList<(Period Period, Outcome? Outcome)> _series = [];
    /// <summary>The chart's periods and outcomes, shown beside it as a table (its text alternative).</summary>
    public IReadOnlyList<(Period Period, Outcome? Outcome)> History => _series;

    public async Task<IActionResult> OnGetAsync(string id, string? period, string? unit)
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
        if (!sane) return BadRequest($"'{period}' is outside the years {site.SaneYears.First}–{site.SaneYears.Last}");
        var evaluation = site.Outcomes(Period);
        Units = evaluation.Units;
        Outcomes = evaluation.Outcomes.Where(o => o.Goal == id).ToList();
        // A goal followed in some units only opens on the first of them, not on a unit where it has no result.
        Unit = Units.Any(u => u.Id == unit) ? unit! : Outcomes.FirstOrDefault()?.Unit ?? Units[0].Id;
        Quarters = site.Choices(Period);
        var history = new List<Period> { Period };
        while (history.Count < 8) history.Insert(0, history[0].Previous());
        _series = site.Outcomes(history).Select(e => (e.Period, e.Outcomes.FirstOrDefault(o => o.Goal == id && o.Unit == Unit))).ToList();
        CheckIns = await db.CheckIns.AsNoTracking().Include(x => x.Actions)
            .Where(x => x.GoalId == id && x.Period == Period.ToString()).OrderBy(x => x.UnitId).ToListAsync();
        Lineage = MetricLineage.Datasets(snapshot.Goals, goal.Metric).Where(snapshot.Lineage.ContainsKey)
            .Select(d => snapshot.Lineage[d]).Select(l => (l.Dataset, l.Rows, l.ImportedAtUtc, l.File)).ToList();
        MayWrite = await Api.CheckIns.MayWrite(HttpContext, db, Unit);
        return Page();
    }

    public string UnitName(string id) => Units.FirstOrDefault(u => u.Id == id)?.Name ?? id;

    public string AreaName(string lang) => site.Goals.Areas.FirstOrDefault(a => a.Id == Goal.Area)?.Name.For(lang) ?? Goal.Area;

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
