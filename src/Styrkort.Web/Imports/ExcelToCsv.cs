using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Imports;

/// <summary>
/// Turns the first worksheet of an .xlsx workbook into CSV in the import format, so that an Excel export goes through
/// exactly the same checks as a CSV file. Dates become ISO dates; numbers use '.'.
/// </summary>
/// <remarks>
/// A workbook is a zip of XML written by whoever uploads it, so it is read as a stream (OpenXmlReader, never the DOM)
/// and measured before it is read: the zip's unpacked sizes and compression ratios, then cells, columns and shared
/// strings as they come. Whatever is wrong with it ends as an <see cref="InvalidDataException"/> with a message for the
/// uploader, never another exception and never unbounded memory.
/// </remarks>
public static class ExcelToCsv
{
    private const long RatioFloorBytes = 1024 * 1024;

    public static void Convert(Stream xlsx, string csvPath, WebLimits? limits = null)
    {
        limits ??= new WebLimits();
        try
        {
            CheckZip(xlsx, limits);
            xlsx.Position = 0;
            // MaxCharactersInPart also bounds a part whose zip header understates its size.
            using var document = SpreadsheetDocument.Open(xlsx, false, new OpenSettings { MaxCharactersInPart = limits.MaxXlsxUnpackedBytes });
            var book = document.WorkbookPart ?? throw Refused("the workbook has no sheets");
            var sheetId = FirstSheetId(book) ?? throw Refused("the workbook has no sheets");
            if (book.GetPartById(sheetId) is not WorksheetPart part) throw Refused("the first sheet is not a worksheet");
            var strings = SharedStrings(book, limits);
            var dateStyles = DateStyles(book);
            using var writer = new StreamWriter(csvPath, false, new UTF8Encoding(false));
            WriteRows(part, writer, strings, dateStyles, limits);
        }
        catch (RefusedException e)
        {
            throw new InvalidDataException(e.Message);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw new InvalidDataException("the file is not a readable Excel workbook (.xlsx); save it again from Excel or upload CSV", e);
        }
    }

    private sealed class RefusedException(string message) : Exception(message);

    private static RefusedException Refused(string message) => new(message);

    // Corrupt or hostile input surfaces as any of these from the zip, packaging, XML or OpenXml layers.
    private static bool IsUnreadable(Exception e) => e is InvalidDataException or OpenXmlPackageException or XmlException
        or FileFormatException or NotSupportedException or InvalidOperationException or ArgumentException
        or FormatException or OverflowException or InvalidCastException or KeyNotFoundException or EndOfStreamException;

    /// <summary>Sizes from the zip's central directory, before anything is unpacked.</summary>
    private static void CheckZip(Stream xlsx, WebLimits limits)
    {
        if (!xlsx.CanSeek) throw new ArgumentException("the workbook stream must be seekable", nameof(xlsx));
        xlsx.Position = 0;
        using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > limits.MaxXlsxUnpackedBytes)
                throw Refused($"the workbook unpacks to more than {limits.MaxXlsxUnpackedBytes / (1024 * 1024)} MB; split it or upload CSV");
            if (entry.Length > RatioFloorBytes && entry.Length > (long)limits.MaxXlsxCompressionRatio * Math.Max(1, entry.CompressedLength))
                throw Refused($"'{entry.FullName}' in the workbook is compressed more than {limits.MaxXlsxCompressionRatio}:1; it is refused as a possible zip bomb");
        }
    }

    private static string? FirstSheetId(WorkbookPart book)
    {
        using var reader = OpenXmlReader.Create(book);
        while (reader.Read())
            if (reader.ElementType == typeof(Sheet) && reader.IsStartElement)
                return reader.Attributes.FirstOrDefault(a => a.LocalName == "id" && a.NamespaceUri.Contains("relationships", StringComparison.Ordinal)).Value;
        return null;
    }

    private static List<string> SharedStrings(WorkbookPart book, WebLimits limits)
    {
        var strings = new List<string>();
        if (book.SharedStringTablePart is not { } part) return strings;
        long chars = 0;
        using var reader = OpenXmlReader.Create(part);
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var text = reader.LoadCurrentElement()!.InnerText;
                chars += text.Length;
                if (strings.Count >= limits.MaxXlsxSharedStrings || chars > limits.MaxXlsxSharedStringChars)
                    throw Refused($"the workbook has more text than an import takes (at most {limits.MaxXlsxSharedStrings:N0} texts of {limits.MaxXlsxSharedStringChars:N0} characters together)");
                strings.Add(text);
                more = !reader.EOF; // LoadCurrentElement has already moved on
                continue;
            }
            more = reader.Read();
        }
        return strings;
    }

    private static void WriteRows(WorksheetPart part, StreamWriter writer, List<string> strings, HashSet<uint> dateStyles, WebLimits limits)
    {
        long cellCount = 0;
        var cells = new List<string>();
        var inRow = false;
        void Flush()
        {
            writer.Write(string.Join(',', cells.Select(Quote)));
            writer.Write('\n');
            cells.Clear();
            inRow = false;
        }
        using var reader = OpenXmlReader.Create(part);
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType == typeof(Cell) && reader.IsStartElement)
            {
                var cell = (Cell)reader.LoadCurrentElement()!;
                if (++cellCount > limits.MaxXlsxCells)
                    throw Refused($"the worksheet has more than {limits.MaxXlsxCells:N0} cells; split it or upload CSV");
                var index = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                if (index >= limits.MaxXlsxColumns)
                    throw Refused($"the worksheet has more than {limits.MaxXlsxColumns:N0} columns");
                while (cells.Count < index) cells.Add("");
                cells.Add(Text(cell, strings, dateStyles));
                more = !reader.EOF; // LoadCurrentElement has already moved on
                continue;
            }
            if (reader.ElementType == typeof(Row))
            {
                // An empty <row/> may come as a start alone: the next row's start ends it.
                if (reader.IsStartElement)
                {
                    if (inRow) Flush();
                    inRow = true;
                }
                else if (reader.IsEndElement) Flush();
            }
            more = reader.Read();
        }
        if (inRow) Flush();
    }

    private static string Text(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var i) && i >= 0 && i < strings.Count) return strings[i];
        if (cell.DataType?.Value == CellValues.Boolean) return raw == "1" ? "true" : "false";
        if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
        {
            // OLE automation dates run from year 100 to 9999; a number outside that is shown as the number it is.
            if (cell.StyleIndex is { } style && dateStyles.Contains(style.Value)
                && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > -657435 and < 2958466)
                return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return number.ToString(CultureInfo.InvariantCulture);
        }
        return raw;
    }

    // Built-in date formats are ids 14–22 and 45–47; custom ones are recognised by their day/month/year letters.
    private static HashSet<uint> DateStyles(WorkbookPart book)
    {
        var result = new HashSet<uint>();
        if (book.WorkbookStylesPart is not { } part) return result;
        var custom = new HashSet<uint>();
        var formats = new List<uint>();
        var inCellFormats = false;
        using var reader = OpenXmlReader.Create(part);
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType == typeof(CellFormats)) inCellFormats = reader.IsStartElement;
            if (reader.IsStartElement && reader.ElementType == typeof(NumberingFormat))
            {
                var format = (NumberingFormat)reader.LoadCurrentElement()!;
                if (format.FormatCode?.Value is { } code && code.Contains('y', StringComparison.OrdinalIgnoreCase) && code.Contains('d', StringComparison.OrdinalIgnoreCase)
                    && format.NumberFormatId?.Value is { } id)
                    custom.Add(id);
                more = !reader.EOF;
                continue;
            }
            if (inCellFormats && reader.IsStartElement && reader.ElementType == typeof(CellFormat))
            {
                var format = (CellFormat)reader.LoadCurrentElement()!;
                formats.Add(format.NumberFormatId?.Value ?? 0);
                more = !reader.EOF;
                continue;
            }
            more = reader.Read();
        }
        for (var i = 0; i < formats.Count; i++)
            if (formats[i] is >= 14 and <= 22 or >= 45 and <= 47 || custom.Contains(formats[i])) result.Add((uint)i);
        return result;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
            if (index > 1_000_000) break; // far past any limit; stops an overflow on a silly reference
        }
        return index - 1;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
