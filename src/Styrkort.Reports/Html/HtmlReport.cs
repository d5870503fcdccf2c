using Language = Styrkort.Core.Presentation.Language;
using System.Globalization;
using System.Text;
using Styrkort.Reports.Charts;
using static Styrkort.Reports.Html.HtmlText;

namespace Styrkort.Reports.Html;

/// <summary>The report's sections as HTML, in the order and with the content of the PDF.</summary>
internal static class HtmlReport
{
    public static string Write(BoardReportModel model)
    {
        var t = ReportText.For(model.Language);
        var lang = model.Language;
        var h = new StringBuilder();
        h.Append("<article class=\"board-report\">\n<style>").Append(HtmlStyles.Css).Append("</style>\n");

        h.Append("<header class=\"cover\">")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"org\">{Encode(model.Organisation)}</p><h1>{Encode(t.Title)}</h1><p class=\"quarter\">{Encode(t.Quarter(model.Period))}</p><dl>")
            .Append(CultureInfo.InvariantCulture, $"<dt>{Encode(t.Unit)}</dt><dd>{Encode(model.Unit.Name)}</dd>")
            .Append(CultureInfo.InvariantCulture, $"<dt>{Encode(t.Period)}</dt><dd>{ReportFormat.Date(model.Period.Start)} – {ReportFormat.Date(model.Period.End)}</dd>")
            .Append(CultureInfo.InvariantCulture, $"<dt>{Encode(t.Produced)}</dt><dd>{ReportFormat.Date(model.ProducedOn)}</dd></dl></header>\n");

        h.Append(CultureInfo.InvariantCulture, $"<section id=\"summary\"><h2>{Encode(t.Summary)}</h2><p class=\"muted\">{Encode(t.SummaryIntro)}</p>");
        if (model.Goals.Count == 0) h.Append(CultureInfo.InvariantCulture, $"<p>{Encode(t.NoGoals)}</p>");
        foreach (var area in model.Areas)
        {
            h.Append(CultureInfo.InvariantCulture, $"<h3>{Encode(area.Name)}</h3>");
            Table(h, t, t.Goal, t.Change, true, area.Goals.Select(g => (g, g.Result, $"{(g.Depth > 0 ? string.Concat(Enumerable.Repeat("&nbsp;&nbsp;", g.Depth)) + "↳ " : "")}<a href=\"#goal-{Encode(g.Id)}\">{g.Number}&nbsp; {Encode(g.Name)}</a>", true)), lang);
        }
        h.Append("</section>\n");

        foreach (var goal in model.Goals) Goal(h, model, goal, t);
        if (model.MissingCheckIns is { } missing) Missing(h, missing, t);
        Appendix(h, model, t);
        h.Append("</article>");
        return h.ToString();
    }

    private static void Goal(StringBuilder h, BoardReportModel model, GoalSection goal, ReportText t)
    {
        var lang = model.Language;
        var r = goal.Result;
        var since = t.Since(goal.PreviousReport, goal.Yearly);
        h.Append(CultureInfo.InvariantCulture, $"<section class=\"goal\" id=\"goal-{Encode(goal.Id)}\"><h2>{goal.Number}&nbsp; {Encode(goal.Name)}</h2>");
        h.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{Encode($"{t.Area}: {goal.AreaName} · {t.GoalType}: {goal.TypeLetter} ({(goal.TypeLetter == "Ä" ? t.OwnersDecide : t.BoardDecides)}) · {t.Agenda}: {t.Calendar(goal.BoardQuarters)}{goal.Structure(t)}")}</p>");
        if (goal.Definition.Description is { } about) h.Append(CultureInfo.InvariantCulture, $"<p><em>{Encode(about)}</em></p>");
        h.Append("<div class=\"figures\">");
        var figures = ReportFormat.Row(r, goal.MeasureUnit, lang);
        Figure(h, t.Value, figures.Value(r.Value));
        Figure(h, t.Target, figures.Target(r.Target));
        if (goal.Definition.ComparisonMetric is not null) Figure(h, t.Comparison, figures.Value(r.Comparison));
        Figure(h, t.Status, $"<span class=\"dot\" style=\"background:{StatusColors.Hex(r.Status)}\"></span>{Encode(ReportFormat.Status(r, lang))}", encoded: true);
        Figure(h, $"{t.Change} {since}", ReportFormat.Change(r.Change, goal.MeasureUnit, lang));
        h.Append("</div>");
        if (goal.WhatChanged is { } changed)
            h.Append(CultureInfo.InvariantCulture, $"<h4>{Encode(t.WhatChanged)}</h4><p class=\"what-changed\">{Encode(changed)}</p>");

        var (plot, legend) = HistoryChart.Create(goal, lang);
        plot.ScaleFactor = 2;
        var png = plot.GetImageBytes(960, 350, ScottPlot.ImageFormat.Png);
        h.Append(CultureInfo.InvariantCulture, $"<h4>{Encode(goal.Yearly ? t.LastYears : t.LastQuarters)}</h4>")
            .Append(CultureInfo.InvariantCulture, $"<img class=\"chart\" width=\"960\" height=\"350\" alt=\"{Encode($"{goal.Name}: {string.Join(", ", goal.History.Select(p => $"{p.Label} {ReportFormat.Value(p.Value, goal.MeasureUnit, lang)}"))}")}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">");
        h.Append("<p class=\"legend\">");
        foreach (var item in legend)
            h.Append(CultureInfo.InvariantCulture, $"<span class=\"swatch {item.Swatch.ToString().ToLowerInvariant()}\" style=\"--c:{item.Color}\"></span>{Encode(item.Label)} ");
        h.Append("</p>");

        if (goal.Subunits.Count > 0)
        {
            h.Append(CultureInfo.InvariantCulture, $"<h4>{Encode(t.ByUnit)}</h4>");
            var depth = r.Unit.Depth;
            Table(h, t, t.Unit, $"{t.Change} {since}", goal.Definition.ComparisonMetric is not null,
                goal.Subunits.Prepend(r).Select(u => (goal, u, $"<span style=\"padding-left:{(u.Unit.Depth - depth) * 1.2:0.#}em\">{Encode(u.Unit.Name)}</span>", false)), lang, emphasiseFirst: true);
        }

        foreach (var checkIn in goal.CheckIns) CheckIn(h, checkIn, t);
        h.Append("</section>\n");
    }

    /// <summary>A goal owner's analysis and actions, as a goal's section prints them (and the web app's preview shows them).</summary>
    public static void CheckIn(StringBuilder h, GoalCheckIn checkIn, ReportText t)
    {
        h.Append(CultureInfo.InvariantCulture, $"<h4>{Encode(t.Analysis)}</h4><div class=\"analysis\">{HtmlText.Markdown(checkIn.Analysis)}</div>");
        if (checkIn.WrittenBy is not null || checkIn.WrittenOn is not null)
            h.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\"><em>{Encode(string.Join(", ", new[] { checkIn.WrittenBy is { } by ? $"{t.WrittenBy} {by}" : null, checkIn.WrittenOn is { } on ? ReportFormat.Date(on) : null }.OfType<string>()))}</em></p>");
        if (checkIn.Actions.Count == 0) return;
        h.Append(CultureInfo.InvariantCulture, $"<h4>{Encode(t.Actions)}</h4><table><thead><tr><th>{Encode(t.What)}</th><th>{Encode(t.Who)}</th><th>{Encode(t.Due)}</th><th>{Encode(t.State)}</th></tr></thead><tbody>");
        foreach (var a in checkIn.Actions)
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(a.What)}</td><td>{Encode(a.Who)}</td><td>{(a.Due is { } d ? ReportFormat.Date(d) : "–")}</td><td>{Encode(t.ActionState(a.State))}</td></tr>");
        h.Append("</tbody></table>");
    }

    private static void Missing(StringBuilder h, IReadOnlyList<MissingCheckIns> missing, ReportText t)
    {
        h.Append(CultureInfo.InvariantCulture, $"<section id=\"missing-checkins\"><h2>{Encode(t.MissingCheckIns)}</h2><p class=\"muted\">{Encode(t.MissingIntro)}</p>");
        if (missing.Count == 0) h.Append(CultureInfo.InvariantCulture, $"<p>{Encode(t.NoneMissing)}</p>");
        else
        {
            h.Append(CultureInfo.InvariantCulture, $"<table><thead><tr><th>{Encode(t.Goal)}</th><th>{Encode(t.Owner)}</th><th>{Encode(t.UnitsWithout)}</th></tr></thead><tbody>");
            foreach (var m in missing)
                h.Append(CultureInfo.InvariantCulture, $"<tr data-goal=\"{Encode(m.GoalId)}\"><td>{m.Number}&nbsp; {Encode(m.GoalName)}</td><td>{Encode(m.Owner ?? "–")}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td>{Encode(string.Join(", ", m.Units.Select(u => u.Name)))} <small class=\"muted\">({Encode(t.Of(m.Units.Count, m.Expected))})</small></td></tr>");
            h.Append("</tbody></table>");
        }
        h.Append("</section>\n");
    }

    private static void Figure(StringBuilder h, string label, string value, bool encoded = false) =>
        h.Append(CultureInfo.InvariantCulture, $"<div><span class=\"label\">{Encode(label)}</span><span class=\"value\">{(encoded ? value : Encode(value))}</span></div>");

    private static void Table(StringBuilder h, ReportText t, string first, string change, bool comparison,
        IEnumerable<(GoalSection Goal, UnitResult Result, string FirstHtml, bool Since)> rows, Language lang, bool emphasiseFirst = false)
    {
        h.Append(CultureInfo.InvariantCulture, $"<table class=\"results\"><thead><tr><th>{Encode(first)}</th><th class=\"num\">{Encode(t.Value)}</th><th class=\"num\">{Encode(t.Target)}</th>");
        if (comparison) h.Append(CultureInfo.InvariantCulture, $"<th class=\"num\">{Encode(t.Comparison)}</th>");
        h.Append(CultureInfo.InvariantCulture, $"<th>{Encode(t.Status)}</th><th class=\"num\">{Encode(change)}</th></tr></thead><tbody>");
        var firstRow = true;
        foreach (var (goal, r, firstHtml, since) in rows)
        {
            var unit = goal.MeasureUnit;
            var figures = ReportFormat.Row(r, unit, lang);
            h.Append(emphasiseFirst && firstRow ? "<tr class=\"total\">" : "<tr>").Append(CultureInfo.InvariantCulture, $"<td>{firstHtml}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Encode(figures.Value(r.Value))}</td><td class=\"num\">{Encode(figures.Target(r.Target))}</td>");
            if (comparison) h.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{(r.Comparison is null ? "" : Encode(figures.Value(r.Comparison)))}</td>");
            h.Append(CultureInfo.InvariantCulture, $"<td><span class=\"dot\" style=\"background:{StatusColors.Hex(r.Status)}\"></span>{Encode(ReportFormat.Status(r, lang))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Encode(ReportFormat.Change(r.Change, unit, lang))}");
            if (since && r.Previous is { } p) h.Append(CultureInfo.InvariantCulture, $"<br><small>{Encode(t.Since(p.Period, goal.Yearly))}</small>");
            h.Append("</td></tr>");
            firstRow = false;
        }
        h.Append("</tbody></table>");
    }

    private static void Appendix(StringBuilder h, BoardReportModel model, ReportText t)
    {
        h.Append(CultureInfo.InvariantCulture, $"<section id=\"appendix\"><h2>{Encode(t.Appendix)}</h2><h3>{Encode(t.Definitions)}</h3>");
        foreach (var goal in model.Goals)
        {
            var d = goal.Definition;
            h.Append(CultureInfo.InvariantCulture, $"<h4>{goal.Number}&nbsp; {Encode(goal.Name)}</h4>");
            if ((d.Description ?? d.Label) is { } about) h.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\"><em>{Encode(about)}</em></p>");
            h.Append(CultureInfo.InvariantCulture, $"<p><strong>{Encode(t.Formula)}:</strong> {Encode(d.Metric)}</p><pre>{Encode(d.Formula)}</pre>");
            if (d.ComparisonMetric is { } c) h.Append(CultureInfo.InvariantCulture, $"<p><strong>{Encode(t.ComparisonFormula)}:</strong> {Encode(c)}</p><pre>{Encode(d.ComparisonFormula)}</pre>");
            h.Append(CultureInfo.InvariantCulture, $"<p><strong>{Encode(t.TargetRuleLabel)}:</strong> {Encode(d.TargetRule)}<br><strong>{Encode(t.Data)}:</strong> {Encode(string.Join(", ", d.Datasets))}</p>");
        }
        if (model.SharedDefinitions.Count > 0)
        {
            h.Append(CultureInfo.InvariantCulture, $"<h3>{Encode(t.SharedTerms)}</h3>");
            foreach (var kind in model.SharedDefinitions.GroupBy(s => s.Kind))
            {
                h.Append(CultureInfo.InvariantCulture, $"<h4>{Encode(t.SharedKind(kind.Key))}</h4>");
                foreach (var s in kind)
                    h.Append(CultureInfo.InvariantCulture, $"<p><strong>{Encode(s.Name)}</strong>{(s.Description is { } about ? ": " + Encode(about) : "")}</p><pre>{Encode(s.Text)}</pre>");
            }
        }
        h.Append(CultureInfo.InvariantCulture, $"<h3>{Encode(t.Sources)}</h3><p class=\"muted\">{Encode(t.SourcesIntro)}</p>");
        // An upload through the web app is recorded by its own file name, without a folder.
        foreach (var folder in model.Sources.Select(s => s.Folder).Where(f => f.Length > 0).Distinct())
            h.Append(CultureInfo.InvariantCulture, $"<p><strong>{Encode(t.Folder)}:</strong> {Encode(folder)}</p>");
        h
            .Append(CultureInfo.InvariantCulture, $"<table><thead><tr><th>{Encode(t.Dataset)}</th><th>{Encode(t.File)}</th><th class=\"num\">{Encode(t.Rows)}</th><th>{Encode(t.Imported)}</th><th>SHA-256</th></tr></thead><tbody>");
        foreach (var s in model.Sources)
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(s.Dataset)}</td><td title=\"{Encode(s.File)}\">{Encode(s.FileName)}</td><td class=\"num\">{s.Rows.ToString("N0", ReportFormat.Numbers(model.Language))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{s.ImportedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</td><td><code title=\"{Encode(s.Sha256)}\">{Encode(s.Sha256[..Math.Min(12, s.Sha256.Length)])}</code></td></tr>");
        h.Append("</tbody></table></section>\n");
    }
}
