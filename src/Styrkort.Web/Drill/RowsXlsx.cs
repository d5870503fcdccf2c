using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Styrkort.Core.GoalFiles;
using DataColumn = Styrkort.Core.GoalFiles.Column;
using SheetColumn = DocumentFormat.OpenXml.Spreadsheet.Column;

namespace Styrkort.Web.Drill;

/// <summary>
/// Rows of a dataset as one worksheet, written as a stream (OpenXmlWriter: a million rows never sit in memory as a
/// document tree). Numbers are numbers, dates are dates (a serial with a date format; a month column as yyyy-mm),
/// booleans are booleans; the header row is bold and frozen. Text is always an inline string, never a formula, so a
/// value beginning with = is shown, not run.
/// </summary>
public static class RowsXlsx
{
    private const uint Plain = 0, Header = 1, Date = 2, Month = 3;

    public static void Write(Stream output, string sheetName, IReadOnlyList<DataColumn> columns, IEnumerable<object?[]> rows)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetViews());
            writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
            writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(new Columns());
            for (var i = 0; i < columns.Count; i++)
                writer.WriteElement(new SheetColumn { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(columns[i].Name.Length + 4, 12, 40), CustomWidth = true });
            writer.WriteEndElement();
            writer.WriteStartElement(new SheetData());
            writer.WriteStartElement(new Row { RowIndex = 1 });
            foreach (var column in columns) Text(writer, column.Name, Header);
            writer.WriteEndElement();
            uint index = 1;
            foreach (var row in rows)
            {
                writer.WriteStartElement(new Row { RowIndex = ++index });
                for (var i = 0; i < columns.Count; i++) Cell(writer, row[i], columns[i]);
                writer.WriteEndElement();
            }
            writer.WriteEndElement(); // sheetData
            writer.WriteEndElement(); // worksheet
        }
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = SheetName(sheetName) }));
        workbook.Workbook.Save();
    }

    private static void Cell(OpenXmlWriter writer, object? value, DataColumn column)
    {
        switch (value)
        {
            case null:
                writer.WriteElement(new Cell());
                return;
            case bool b:
                writer.WriteElement(new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") });
                return;
            case DateTime or DateOnly:
                var date = RowCells.Date(value)!.Value;
                var serial = date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
                writer.WriteElement(new Cell { StyleIndex = column.Type == ColumnType.Month ? Month : Date, CellValue = new CellValue(serial.ToString(CultureInfo.InvariantCulture)) });
                return;
            case decimal or double or float or long or int or short:
                var number = value is double d && !double.IsFinite(d) ? null : RowCells.Csv(value, column);
                if (number is null) writer.WriteElement(new Cell());
                else writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(number) });
                return;
            default:
                Text(writer, RowCells.Csv(value, column), Plain);
                return;
        }
    }

    private static void Text(OpenXmlWriter writer, string text, uint style) =>
        writer.WriteElement(new Cell
        {
            DataType = CellValues.InlineString, StyleIndex = style,
            InlineString = new InlineString(new Text(Reports.Xlsx.XlsxText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
        });

    // Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? '_' : c).ToArray());
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "rows" : clean;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm" }) { Count = 2 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }) { Count = 4 });
}
