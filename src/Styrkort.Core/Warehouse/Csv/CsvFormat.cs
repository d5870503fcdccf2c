namespace Styrkort.Core.Warehouse.Csv;

/// <summary>The character encodings an import reads; anything else is read as Windows-1252 (see <see cref="CsvSniffer"/>).</summary>
public enum TextEncoding { Utf8, Utf8Bom, Utf16LE, Utf16BE, Windows1252 }

/// <summary>The field separators an import reads: a comma, or a semicolon (Swedish Excel's default, with decimal commas).</summary>
public enum FieldSeparator { Comma, Semicolon }

/// <summary>
/// How a CSV file was written, as detected: its encoding and separator. Stored with the import record as its
/// <see cref="ToString"/> ("windows-1252;semicolon") and named on the pages and the command line.
/// </summary>
public sealed record CsvFormat(TextEncoding Encoding, FieldSeparator Separator)
{
    /// <summary>What the loader reads without a copy: UTF-8 without a byte-order mark, comma-separated.</summary>
    public static readonly CsvFormat Plain = new(TextEncoding.Utf8, FieldSeparator.Comma);

    /// <summary>An Excel workbook converted to CSV: its cells are already values, whatever the file's bytes were.</summary>
    public static readonly CsvFormat Excel = new(TextEncoding.Utf8, FieldSeparator.Comma) { FromExcel = true };

    public bool FromExcel { get; init; }

    public char SeparatorChar => Separator == FieldSeparator.Semicolon ? ';' : ',';

    public string EncodingName => Encoding switch
    {
        TextEncoding.Utf8 => "UTF-8",
        TextEncoding.Utf8Bom => "UTF-8 BOM",
        TextEncoding.Utf16LE => "UTF-16 LE",
        TextEncoding.Utf16BE => "UTF-16 BE",
        _ => "Windows-1252",
    };

    /// <summary>The format in English words, as the command line prints it: "Windows-1252, semicolon".</summary>
    public string Describe() => Describe(Presentation.Language.En);

    /// <summary>The format in the reader's words: "Windows-1252, semikolon" / "Windows-1252, semicolon".</summary>
    public string Describe(Presentation.Language language) => FromExcel
        ? "Excel (.xlsx)"
        : $"{EncodingName}, {(Separator == FieldSeparator.Semicolon ? language.Pick("semikolon", "semicolon") : language.Pick("komma", "comma"))}";

    public override string ToString() => FromExcel ? "xlsx" : $"{Encoding.ToString().ToLowerInvariant()};{Separator.ToString().ToLowerInvariant()}";

    /// <summary>The stored form back; null for a record from before formats were recorded, or text it does not know.</summary>
    public static CsvFormat? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text == "xlsx") return Excel;
        var parts = text.Split(';');
        return parts.Length == 2 && Enum.TryParse<TextEncoding>(parts[0], true, out var e) && Enum.TryParse<FieldSeparator>(parts[1], true, out var s)
            ? new CsvFormat(e, s) : null;
    }
}
