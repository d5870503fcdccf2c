using System.Globalization;
using Styrkort.Core.Evaluation;
using Styrkort.Core.Periods;

namespace Styrkort.Reports;

/// <summary>
/// How the report writes numbers: Swedish (1 234 567 kr, 83,5 %) or English (1,234,567 SEK, 83.5%), built by hand so
/// that a report does not depend on the machine's culture data. Public so that tests and the web page format alike.
/// </summary>
public static class ReportFormat
{
    private static readonly NumberFormatInfo Swedish = Core.Formatting.SwedishFormat.Numbers;

    private static readonly NumberFormatInfo English = new()
    {
        NumberDecimalSeparator = ".",
        NumberGroupSeparator = ",",
        NegativeSign = "\u2212",
    };

    public static NumberFormatInfo Numbers(string lang) => lang == "en" ? English : Swedish;

    /// <summary>A value by its metric's unit: percent (83,5 %), SEK (1 234 567 kr), count (1 234), else one decimal; – when missing.</summary>
    public static string Value(Quantity? value, string? unit, string lang) => value is { } v ? Number(v.AsDouble, unit, lang) : "–";

    public static string Value(double? value, string? unit, string lang) => value is { } v ? Number(v, unit, lang) : "–";

    public static string Number(double value, string? unit, string lang)
    {
        var en = lang == "en";
        var nf = Numbers(lang);
        return unit switch
        {
            "percent" => value.ToString("N1", nf) + (en ? "%" : "\u00a0%"),
            "SEK" when Math.Abs(value) >= MillionsFrom => (value / 1e6).ToString("N1", nf) + (en ? "\u00a0MSEK" : "\u00a0mnkr"),
            "SEK" => value.ToString("N0", nf) + (en ? "\u00a0SEK" : "\u00a0kr"),
            "count" => value.ToString("N0", nf),
            _ => value.ToString("N1", nf),
        };
    }

    /// <summary>Amounts from ten million kronor are written in millions (1 684,4 mnkr), as board papers do; the workbook keeps every krona.</summary>
    public const double MillionsFrom = 1e7;

    /// <summary>A change with its sign; percentages change in percentage points (p.e., pp).</summary>
    public static string Change(Quantity? change, string? unit, string lang)
    {
        if (change is not { } c) return "–";
        var d = c.AsDouble;
        var en = lang == "en";
        var nf = Numbers(lang);
        if (unit == "SEK" && Math.Abs(d) >= MillionsFrom) return (d > 0 ? "+" : "\u2212") + Number(Math.Abs(d), unit, lang);
        var (format, suffix) = unit switch
        {
            "percent" => ("N1", en ? "\u00a0pp" : "\u00a0p.e."),
            "SEK" => ("N0", en ? "\u00a0SEK" : "\u00a0kr"),
            "count" => ("N0", ""),
            _ => ("N1", ""),
        };
        var text = Math.Abs(d).ToString(format, nf);
        var zero = text.All(ch => ch is '0' or ',' or '.' or '\u00a0');
        return (zero ? "±" : d > 0 ? "+" : "\u2212") + text + suffix;
    }

    /// <summary>The target as it applied: ≥ 80,0 %, 2,0–4,0 %, &gt; jämförelse; – when a board level is missing.</summary>
    public static string Target(AppliedTarget target, string? unit, string lang)
    {
        var en = lang == "en";
        string N(decimal d) => Number((double)d, unit, lang);
        return target.Rule switch
        {
            "at_least" => target.Level is { } l ? "≥\u00a0" + N(l) : "–",
            "at_most" => target.Level is { } l ? "≤\u00a0" + N(l) : "–",
            "exactly" => target.Level is { } l ? "=\u00a0" + N(l) : "–",
            "between" => $"{N(target.Min!.Value)}\u2013{N(target.Max!.Value)}",
            "above_comparison" => en ? "> comparison" : "> jämförelse",
            _ => en ? "< comparison" : "< jämförelse",
        };
    }

    public static string Status(Status status, string lang) => (status, lang == "en") switch
    {
        (Core.Evaluation.Status.Met, false) => "Uppfyllt",
        (Core.Evaluation.Status.NotMet, false) => "Ej uppfyllt",
        (Core.Evaluation.Status.NoData, false) => "Data saknas",
        (Core.Evaluation.Status.AtRisk, false) => "I riskzonen",
        (_, false) => "Målnivå saknas",
        (Core.Evaluation.Status.Met, true) => "Met",
        (Core.Evaluation.Status.NotMet, true) => "Not met",
        (Core.Evaluation.Status.NoData, true) => "No data",
        (Core.Evaluation.Status.AtRisk, true) => "At risk",
        _ => "No target",
    };

    /// <summary>A result's status, and beside it the band its value fell in: "Uppfyllt · Full bonus".</summary>
    public static string Status(UnitResult result, string lang) =>
        result.Band is { } band ? $"{Status(result.Status, lang)} · {band.For(lang)}" : Status(result.Status, lang);

        /// <summary>A quarter, short: "K2 2026" / "Q2 2026"; a yearly goal's point is its year; any other period as written.</summary>
    public static string Period(Period period, string lang, bool yearly = false) =>
        yearly ? period.Year.ToString(CultureInfo.InvariantCulture)
        : period.Kind == PeriodKind.Quarter ? $"{(lang == "en" ? 'Q' : 'K')}{period.Index}\u00a0{period.Year}"
        : period.ToString();

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
