namespace Styrkort.Reports.Xlsx;

/// <summary>
/// The cell styles one workbook uses: the fixed ones of <see cref="Style"/> first (their index is their number), then
/// one for each combination of a fixed style with a number format that a sheet asked for, numbered as they come.
/// </summary>
public sealed class StyleBook
{
    private readonly List<(Style Style, string Format)> _formatted = [];

    /// <summary>The index of a style, with a number format (an Excel format code) or none.</summary>
    public uint Index(Style style, string? format)
    {
        if (format is null) return (uint)style;
        var at = _formatted.IndexOf((style, format));
        if (at < 0)
        {
            _formatted.Add((style, format));
            at = _formatted.Count - 1;
        }
        return (uint)(Styles.FixedCount + at);
    }

    public DocumentFormat.OpenXml.Spreadsheet.Stylesheet Build() => Styles.Sheet(_formatted);
}
