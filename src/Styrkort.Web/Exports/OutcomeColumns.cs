using Styrkort.Core.Evaluation;
using Styrkort.Reports.Xlsx;
using Styrkort.Web.Localization;
using Styrkort.Web.Presentation;

namespace Styrkort.Web.Exports;

/// <summary>
/// An outcome's columns as the exports write them: value, target level, its bounds, comparison as numbers in the
/// metric's number format (never rounded: the cell holds the outcome), then the status in words on its colour.
/// </summary>
internal static class OutcomeColumns
{
    public static string[] Headers(Texts t) =>
        [t["value"], t["target"], t["target"] + " min", t["target"] + " max", t["comparison"], t["status"], t["rule"]];

    public static object?[] Cells(Outcome? o, string? unit, Texts t)
    {
        if (o is null) return [null, null, null, null, null, null, null];
        var format = NumberFormats.For(unit, t.Lang);
        NumberCell? Number(object? value) => value is null ? null : new NumberCell(value, format);
        var status = Ui.StatusKey(o.Status);
        return
        [
            Number(SheetBuilder.Raw(o.Value)), Number(o.Target.Level), Number(o.Target.Min), Number(o.Target.Max), Number(o.Comparison),
            ($"{Ui.StatusIcon(o.Status)} {t[status]}", SheetBuilder.StatusStyle(o.Status)), Ui.Target(o.Target, unit, t),
        ];
    }
}
