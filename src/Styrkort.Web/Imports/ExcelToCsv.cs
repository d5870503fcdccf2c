using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Styrkort.Web.Imports;

/// <summary>
/// Turns the first worksheet of an .xlsx workbook into CSV in the import format, so that an Excel export goes through
/// exactly the same checks as a CSV file. Dates become ISO dates; numbers use '.'.
/// </summary>
public static class ExcelToCsv
{
    public static void Convert(Stream xlsx, string csvPath)
    {
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var book = document.WorkbookPart ?? throw new InvalidDataException("the workbook has no sheets");
        var sheet = book.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("the workbook has no sheets");
        var part = (WorksheetPart)book.GetPartById(sheet.Id!);
        var strings = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var dateStyles = DateStyles(book);
        using var writer = new StreamWriter(csvPath, false, new UTF8Encoding(false));
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var index = ColumnIndex(cell.CellReference?.Value);
                while (cells.Count < index) cells.Add("");
                cells.Add(Text(cell, strings, dateStyles));
            }
            writer.Write(string.Join(',', cells.Select(Quote)));
            writer.Write('\n');
        }
    }

    private static string Text(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var i) && i < strings.Count) return strings[i];
        if (cell.DataType?.Value == CellValues.Boolean) return raw == "1" ? "true" : "false";
        if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
        {
            if (cell.StyleIndex is { } style && dateStyles.Contains(style.Value)
                && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
                return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return number.ToString(CultureInfo.InvariantCulture);
        }
        return raw;
    }

    // Built-in date formats are ids 14–22 and 45–47; custom ones are recognised by their day/month/year letters.
    private static HashSet<uint> DateStyles(WorkbookPart book)
    {
        var styles = book.WorkbookStylesPart?.Stylesheet;
        var custom = styles?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.FormatCode?.Value is { } code && code.Contains('y', StringComparison.OrdinalIgnoreCase) && code.Contains('d', StringComparison.OrdinalIgnoreCase))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        var result = new HashSet<uint>();
        var formats = styles?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || custom.Contains(id)) result.Add((uint)i);
        }
        return result;
    }

    private static int ColumnIndex(string? reference)
    {
        if (reference is null) return 0;
        var index = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return index - 1;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
