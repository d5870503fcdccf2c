using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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
        // The Open XML package needs to seek; a web response cannot, so it gets a finished copy.
        if (!output.CanSeek)
        {
            using var buffer = new MemoryStream();
            Render(model, buffer);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }
        var sheets = new List<SheetBuilder> { XlsxSheets.Summary(model) };
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { sheets[0].Name };
        foreach (var goal in model.Goals) sheets.Add(XlsxSheets.Goal(model, goal, XlsxSheets.SheetName($"{goal.Number} {goal.Id}", used)));
        if (model.MissingCheckIns is { } missing) sheets.Add(XlsxSheets.Missing(model, missing, XlsxSheets.SheetName(ReportText.For(model.Language).MissingCheckIns, used)));
        sheets.Add(XlsxSheets.Sources(model, XlsxSheets.SheetName(ReportText.For(model.Language).Sources, used)));

        using var document = SpreadsheetDocument.Create(output, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles.Sheet();
        var list = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = sheet.Build();
            list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }
        workbook.Workbook.Save();
    }
}
