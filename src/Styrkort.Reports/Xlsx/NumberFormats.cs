using Styrkort.Core.Presentation;

namespace Styrkort.Reports.Xlsx;

/// <summary>
/// The Excel number format of a metric's unit (goal files' <c>unit:</c>), so that a cell holds the value itself and
/// shows it as the pages do: the decimals and the unit after the digits are <see cref="Figures"/>' own (83,5 %,
/// 1 234 567 kr, 42,0 dagar, 3,25 ggr, 1 234), rendered as a format code. A per-cent value is a number of per cent
/// (83.5), not a fraction, so the format adds the sign as text rather than Excel's % (which multiplies by 100). Format
/// codes are written with Excel's invariant separators; Excel shows them in the reader's locale. Kronor stay in kronor:
/// the cell is the exact amount, and a reader who wants millions picks them in Excel.
/// </summary>
public static class NumberFormats
{
    public static string For(string? unit, Language lang)
    {
        var measure = Measures.Of(unit);
        var decimals = Figures.Decimals(measure);
        var digits = (Grouped(measure) ? "#,##0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : "");
        // Excel's literal text in quotes; a plain space, as Excel's own formats write it, for the page's non-breaking one.
        var suffix = Figures.Suffix(measure, millions: false, lang).Replace('\u00a0', ' ');
        return suffix.Length == 0 ? digits : $"{digits}\"{suffix}\"";
    }

    /// <summary>
    /// Amounts, counts, days and plain numbers group their thousands; per cent and times, ratios that seldom reach a
    /// thousand, are written without, as exported workbooks always have been (their format codes stay the same).
    /// </summary>
    private static bool Grouped(Measure measure) => measure is not (Measure.Percent or Measure.Times);
}
