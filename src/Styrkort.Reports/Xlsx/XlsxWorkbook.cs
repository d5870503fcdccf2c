using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Styrkort.Reports.Xlsx;

/// <summary>
/// An Excel workbook of <see cref="SheetBuilder"/> sheets sharing one set of styles: the board report's workbook and the
/// web application's exports are written by it. Sheet names follow Excel's rules (<see cref="XlsxSheets.SheetName"/>).
/// </summary>
public sealed class XlsxWorkbook
{
    private readonly StyleBook _styles = new();
    private readonly List<SheetBuilder> _sheets = [];
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A new sheet, named as near to <paramref name="name"/> as Excel allows (cut to 31 characters, unique).</summary>
    public SheetBuilder Sheet(string name)
    {
        var sheet = new SheetBuilder(XlsxSheets.SheetName(name, _names), _styles);
        _sheets.Add(sheet);
        return sheet;
    }

    public void Write(Stream output)
    {
        // The Open XML package needs to seek; a web response cannot, so it gets a finished copy.
        if (!output.CanSeek)
        {
            using var buffer = new MemoryStream();
            Write(buffer);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }
        using var document = SpreadsheetDocument.Create(output, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var list = workbook.Workbook.AppendChild(new Sheets());
        var filters = new DefinedNames();
        uint id = 1;
        foreach (var sheet in _sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = sheet.Build();
            list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = sheet.Name });
            // Excel keeps an autofilter's range as a hidden name of its sheet.
            if (sheet.FilterRange is { } range)
                filters.Append(new DefinedName { Name = "_xlnm._FilterDatabase", LocalSheetId = id - 1, Hidden = true, Text = $"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(range)}" });
            id++;
        }
        if (filters.HasChildren) workbook.Workbook.Append(filters);
        // The styles last: every sheet has asked for its number formats by now.
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = _styles.Build();
        workbook.Workbook.Save();
    }

    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(r => "$" + new string(r.TakeWhile(char.IsAsciiLetter).ToArray()) + "$" + new string(r.SkipWhile(char.IsAsciiLetter).ToArray())));
}
