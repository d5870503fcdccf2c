using Language = Styrkort.Core.Presentation.Language;
using SkiaSharp;

namespace Styrkort.Reports.Pdf;

/// <summary>The summary: every goal the board sees this quarter, by goal area, with value, target, comparison, status and change.</summary>
internal static class SummaryPages
{
    public static void Draw(PageWriter w, BoardReportModel model)
    {
        var t = ReportText.For(model.Language);
        var lang = model.Language;
        w.NewPage();
        w.Heading(t.Summary, 18);
        w.Text($"{model.Unit.Name} · {t.Quarter(model.Period)}", 10, Face.Bold);
        w.Text(t.SummaryIntro, 9, Face.Regular, PageWriter.Muted);
        w.Space(8);
        if (model.Goals.Count == 0) { w.Text(t.NoGoals); return; }

        var columns = Columns(t.Goal, t.Change, t);
        foreach (var area in model.Areas)
        {
            w.Heading(area.Name, 11, before: 6, after: 2);
            var rows = area.Goals.Select(g => Row(g, g.Result, lang, $"{g.Number}  {g.Name}", indent: g.Depth * 10, previousPeriod: true)).ToList();
            PdfTable.Draw(w, columns, rows, 8.5f);
        }
    }

    /// <summary>
    /// The columns of a results table, in points. Unit tables are set smaller than the summary, so their first column
    /// can hold a subsidiary's name on one line; without a comparison the other columns share its room.
    /// </summary>
    public static TableColumn[] Columns(string first, string change, ReportText t, bool comparison = true, bool units = false) => (comparison, units) switch
    {
        (true, false) => [new(first, 140), new(t.Value, 68, true), new(t.Target, 82, true), new(t.Comparison, 58, true), new(t.Status, 67), new(change, 68, true)],
        (true, true) => [new(first, 150), new(t.Value, 62, true), new(t.Target, 72, true), new(t.Comparison, 62, true), new(t.Status, 66), new(change, 71, true)],
        _ => [new(first, 160), new(t.Value, 76, true), new(t.Target, 82, true), new(t.Status, 75), new(change, 90, true)],
    };

    /// <summary>One result as a table row; shared with the per-unit tables of the goal pages.</summary>
    public static IReadOnlyList<TableCell> Row(GoalSection goal, UnitResult r, Language lang, string name, float indent = 0, bool previousPeriod = false, bool comparison = true)
    {
        var unit = goal.MeasureUnit;
        var muted = PageWriter.Muted;
        var change = new List<Run> { new(ReportFormat.Change(r.Change, unit, lang)) };
        if (previousPeriod && r.Previous is { } p) change.Add(new Run("\n" + ReportText.For(lang).Since(p.Period, goal.Yearly), Face.Regular, muted));
        var figures = ReportFormat.Row(r, unit, lang);
        var cells = new List<TableCell>
        {
            new([new Run(name)], Indent: indent),
            figures.Value(r.Value),
            figures.Target(r.Target),
        };
        if (comparison) cells.Add(r.Comparison is null ? "" : figures.Value(r.Comparison));
        cells.Add(new TableCell([new Run(ReportFormat.Status(r, lang))], SKColor.Parse(StatusColors.Hex(r.Status))));
        cells.Add(new TableCell(change));
        return cells;
    }
}
