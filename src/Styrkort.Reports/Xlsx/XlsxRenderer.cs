using Styrkort.Reports.Xlsx;

namespace Styrkort.Reports;

/// <summary>
/// The board report as an Excel workbook: the summary, one sheet per goal with every unit's and every period's raw,
/// unrounded values, and the data sources, so that a controller can check and reuse the numbers.
/// </summary>
public static class XlsxRenderer
{
    public static void Render(BoardReportModel model, Stream output)
    {
        var book = new XlsxWorkbook();
        XlsxSheets.Summary(model, book);
        foreach (var goal in model.Goals) XlsxSheets.Goal(model, goal, book.Sheet($"{goal.Number} {goal.Id}"));
        if (model.MissingCheckIns is { } missing) XlsxSheets.Missing(model, missing, book.Sheet(ReportText.For(model.Language).MissingCheckIns));
        XlsxSheets.Sources(model, book.Sheet(ReportText.For(model.Language).Sources));
        book.Write(output);
    }
}
