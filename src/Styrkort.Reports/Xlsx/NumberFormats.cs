using Styrkort.Core.Presentation;

namespace Styrkort.Reports.Xlsx;

/// <summary>
/// The Excel number format of a metric's unit (goal files' <c>unit:</c>), so that a cell holds the value itself and
/// shows it as the pages do: per cent (83,5 %), kronor (1 234 567 kr), days, times, counts. A per-cent value is a
/// number of per cent (83.5), not a fraction, so the format adds the sign as text rather than Excel's % (which
/// multiplies by 100). Format codes are written with Excel's invariant separators; Excel shows them in the reader's locale.
/// </summary>
public static class NumberFormats
{
    public static string For(string? unit, Language lang) => unit switch
    {
        "percent" => lang.Pick("0.0\" %\"", "0.0\"%\""),
        "SEK" => lang.Pick("#,##0\" kr\"", "#,##0\" SEK\""),
        "count" => "#,##0",
        "days" => lang.Pick("#,##0.0\" dagar\"", "#,##0.0\" days\""),
        "times" => lang.Pick("0.00\" ggr\"", "0.00\" times\""),
        _ => "#,##0.0",
    };
}
