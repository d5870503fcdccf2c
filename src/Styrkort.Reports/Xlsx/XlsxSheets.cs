using Language = Styrkort.Core.Presentation.Language;
using System.Globalization;
using System.Text;

namespace Styrkort.Reports.Xlsx;

/// <summary>The sheets of the workbook: what each holds, row by row.</summary>
internal static class XlsxSheets
{
    public static SheetBuilder Summary(BoardReportModel model, XlsxWorkbook book)
    {
        var t = ReportText.For(model.Language);
        var en = model.English;
        var sheet = book.Sheet(t.Summary)
            .Title($"{t.Title} – {model.Organisation} – {ReportFormat.Period(model.Period, model.Language)}")
            .Row(t.Unit, model.Unit.Name, model.Unit.Id)
            .Row(t.Period, model.Period.ToString())
            .Row(t.Produced, ReportFormat.Date(model.ProducedOn))
            .Blank()
            .Header([t.Area, "#", en ? "Goal id" : "Mål-id", t.Goal, ..ResultHeaders(t, en)]);
        foreach (var goal in model.Goals)
            sheet.Row([goal.AreaName, goal.Number, goal.Id, goal.Name, ..ResultCells(goal, goal.Result, model.Language)]);
        return sheet;
    }

    public static SheetBuilder Goal(BoardReportModel model, GoalSection goal, SheetBuilder sheet)
    {
        var t = ReportText.For(model.Language);
        var en = model.English;
        sheet
            .Title($"{goal.Number}. {goal.Name}")
            .Row(t.Area, goal.AreaName)
            .Row(t.Formula, goal.Definition.Formula)
            .Row(t.TargetRuleLabel, goal.Definition.TargetRule);
        if (goal.WhatChanged is { } changed) sheet.Row(t.WhatChanged, changed);
        sheet
            .Blank()
            .Header([en ? "Unit id" : "Enhets-id", t.Unit, ..ResultHeaders(t, en)]);
        foreach (var r in goal.Subunits.Prepend(goal.Result))
            sheet.Row([r.Unit.Id, r.Unit.Name, ..ResultCells(goal, r, model.Language)]);
        sheet.Blank()
            .Title(goal.Yearly ? t.LastYears : t.LastQuarters)
            .Header(t.Period, t.Value, t.Target, en ? "Annual level" : "Årsnivå", t.Min, t.Max, t.Comparison, t.Status);
        foreach (var p in goal.History)
            sheet.Row(p.Period.ToString(), SheetBuilder.Raw(p.Value), p.Target.Level, p.Target.AnnualLevel, p.Target.Min, p.Target.Max, p.Comparison,
                (ReportFormat.Status(p.Status, model.Language), SheetBuilder.StatusStyle(p.Status)));
        return sheet;
    }

    /// <summary>One row per goal and unit without an analysis, so that the list can be filtered and followed up.</summary>
    public static SheetBuilder Missing(BoardReportModel model, IReadOnlyList<MissingCheckIns> missing, SheetBuilder sheet)
    {
        var t = ReportText.For(model.Language);
        sheet.Title(t.MissingCheckIns);
        if (missing.Count == 0) return sheet.Row(t.NoneMissing);
        sheet.Header("#", t.GoalId, t.Goal, t.Owner, t.UnitId, t.Unit);
        foreach (var m in missing)
            foreach (var u in m.Units)
                sheet.Row(m.Number, m.GoalId, m.GoalName, m.Owner, u.Id, u.Name);
        return sheet;
    }

    public static SheetBuilder Sources(BoardReportModel model, SheetBuilder sheet)
    {
        var t = ReportText.For(model.Language);
        sheet.Header(t.Dataset, t.File, t.Rows, t.Imported, "SHA-256", model.English ? "Batch" : "Omgång");
        foreach (var s in model.Sources)
            sheet.Row(s.Dataset, s.File, s.Rows, s.ImportedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), s.Sha256, s.Batch);
        return sheet;
    }

    private static string[] ResultHeaders(ReportText t, bool en) =>
    [
        t.Value, t.Target, en ? "Annual level" : "Årsnivå", t.Min, t.Max, t.Comparison, t.Status, t.PreviousReport,
        en ? "Previous value" : "Föregående utfall", t.Change, en ? "Measure" : "Enhet för mått",
    ];

    private static object?[] ResultCells(GoalSection goal, UnitResult r, Language lang) =>
    [
        SheetBuilder.Raw(r.Value), r.Target.Level, r.Target.AnnualLevel, r.Target.Min, r.Target.Max, r.Comparison,
        (ReportFormat.Status(r, lang), SheetBuilder.StatusStyle(r.Status)),
        r.Previous?.Period.ToString(), SheetBuilder.Raw(r.Previous?.Value), SheetBuilder.Raw(r.Change), goal.MeasureUnit,
    ];

    /// <summary>Excel's rules for a sheet name: at most 31 characters, none of []:*?/\, unique in the workbook.</summary>
    public static string SheetName(string wanted, HashSet<string> used)
    {
        var clean = new StringBuilder();
        foreach (var c in wanted) clean.Append("[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '_' : c);
        var name = clean.ToString().Trim('\'');
        if (name.Length > 31) name = name[..31];
        for (var n = 2; !used.Add(name); n++) name = $"{name[..Math.Min(name.Length, 27)]} ({n})";
        return name;
    }
}
