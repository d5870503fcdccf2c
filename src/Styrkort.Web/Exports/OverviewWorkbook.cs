using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Reports.Xlsx;
using Styrkort.Web.Localization;

namespace Styrkort.Web.Exports;

/// <summary>
/// The overview as a workbook: one row per goal and unit (in the page's order: goal areas, goals as a tree, units as a
/// tree), filtered by unit and goal area as on the page, with a sheet that says what was chosen.
/// </summary>
internal static class OverviewWorkbook
{
    public static XlsxWorkbook Build(GoalFile goals, Evaluation evaluation, IReadOnlyList<UnitInfo> units, string? area, Texts t, DateOnly today, string? unitFilter)
    {
        var book = new XlsxWorkbook();
        var sheet = book.Sheet(t["overview"]);
        sheet.TableHeader([t["area"], t["goal_id"], t["goal"], t["board_short"], t["unit_id"], t["unit"], .. OutcomeColumns.Headers(t)]);
        var outcomes = evaluation.Outcomes.ToDictionary(o => (o.Goal, o.Unit));
        var tree = GoalStructure.Tree(goals).Select(g => g.Goal).ToList();
        foreach (var a in goals.Areas.Where(a => area is null || a.Id == area))
            foreach (var goal in tree.Where(g => g.Area == a.Id))
            {
                var unitOfMeasure = goals.Metrics[goal.Metric].Unit;
                var board = TargetJudge.Scheduled(goal, evaluation.Period) ? "★" : "";
                foreach (var u in units)
                    if (outcomes.TryGetValue((goal.Id, u.Id), out var o))
                        sheet.Row([a.Name.For(t.Lang), goal.Id, goal.Name.For(t.Lang), board, u.Id, u.Name, .. OutcomeColumns.Cells(o, unitOfMeasure, t)]);
            }
        Matrix(book.Sheet(t["matrix"]), goals, evaluation, units, area, t, tree, outcomes);
        Selection(book, t, goals.Organisation, evaluation.Period, today)
            .Row(t["unit"], unitFilter is null ? t["all"] : units.FirstOrDefault(u => u.Id == unitFilter)?.Name ?? unitFilter)
            .Row(t["area"], area is null ? t["all"] : goals.Areas.FirstOrDefault(x => x.Id == area)?.Name.For(t.Lang) ?? area);
        return book;
    }

    /// <summary>
    /// The page's own layout: a goal per row under its goal area's row, a unit per column, each cell the value as a
    /// number on its status's colour (the long sheet has the target and status in words).
    /// </summary>
    private static void Matrix(SheetBuilder sheet, GoalFile goals, Evaluation evaluation, IReadOnlyList<UnitInfo> units, string? area, Texts t,
        IReadOnlyList<Goal> tree, Dictionary<(string Goal, string Unit), Outcome> outcomes)
    {
        sheet.TableHeader([t["goal"], .. units.Select(u => u.Name)]);
        foreach (var a in goals.Areas.Where(a => area is null || a.Id == area))
        {
            sheet.StyledRow(Style.Header, a.Name.For(t.Lang));
            foreach (var goal in tree.Where(g => g.Area == a.Id))
            {
                var format = NumberFormats.For(goals.Metrics[goal.Metric].Unit, t.Lang);
                sheet.Row([goal.Name.For(t.Lang), .. units.Select(u => outcomes.TryGetValue((goal.Id, u.Id), out var o)
                    ? new NumberCell(SheetBuilder.Raw(o.Value), format, SheetBuilder.StatusStyle(o.Status))
                    : null)]);
            }
        }
    }

    /// <summary>The sheet that says what a workbook holds: organisation, period (with its dates) and when it was made.</summary>
    public static SheetBuilder Selection(XlsxWorkbook book, Texts t, string organisation, Period period, DateOnly today) =>
        book.Sheet(t["selection"])
            .Row(t["organisation"], organisation)
            .Row(t["period"], period.ToString())
            .Row(t["period_start"], period.Start)
            .Row(t["period_end"], period.End)
            .Row(t["exported"], today);
}
