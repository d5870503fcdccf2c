using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Reports.Xlsx;
using Styrkort.Web.Localization;

namespace Styrkort.Web.Exports;

/// <summary>
/// A goal's workbook: its table per unit for the period (as on the goal page) and its history — the periods the goal
/// page's chart shows, for the chosen unit or, without one, every unit — each a sheet with a frozen, filtered header.
/// </summary>
internal static class GoalWorkbook
{
    public static XlsxWorkbook Build(GoalFile goals, Goal goal, Evaluation now, IReadOnlyList<Evaluation> history, string? unit, Texts t, DateOnly today)
    {
        var book = new XlsxWorkbook();
        var unitOfMeasure = goals.Metrics[goal.Metric].Unit;
        var names = now.Units.ToDictionary(u => u.Id, u => u.Name);
        var perUnit = book.Sheet(t["perunit"]).TableHeader([t["unit_id"], t["unit"], .. OutcomeColumns.Headers(t)]);
        foreach (var o in now.Outcomes.Where(o => o.Goal == goal.Id))
            perUnit.Row([o.Unit, names.GetValueOrDefault(o.Unit, o.Unit), .. OutcomeColumns.Cells(o, unitOfMeasure, t)]);

        var course = book.Sheet(t["history_sheet"]).TableHeader([t["period"], t["period_start"], t["unit_id"], t["unit"], .. OutcomeColumns.Headers(t)]);
        foreach (var e in history)
            foreach (var o in e.Outcomes.Where(o => o.Goal == goal.Id && (unit is null || o.Unit == unit)))
                course.Row([e.Period.ToString(), e.Period.Start, o.Unit, names.GetValueOrDefault(o.Unit, o.Unit), .. OutcomeColumns.Cells(o, unitOfMeasure, t)]);

        OverviewWorkbook.Selection(book, t, goals.Organisation, now.Period, today)
            .Row(t["goal"], goal.Name.For(t.Lang))
            .Row(t["goal_id"], goal.Id)
            .Row(t["unit"], unit is null ? t["all"] : names.GetValueOrDefault(unit, unit))
            .Row(t["formula"], goals.Metrics[goal.Metric].Formula.Text);
        return book;
    }
}
