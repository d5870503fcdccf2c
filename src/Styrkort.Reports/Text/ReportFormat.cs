using System.Globalization;
using Styrkort.Core.Evaluation;
using Styrkort.Core.Periods;
using Styrkort.Core.Presentation;
using Language = Styrkort.Core.Presentation.Language;

namespace Styrkort.Reports;

/// <summary>
/// How the report writes numbers, statuses and targets: the shared vocabulary (<see cref="Figures"/>,
/// <see cref="Statuses"/>, <see cref="TargetText"/>) with the report's language as its code, plus the report's own
/// periods and dates. Public so that tests and the web page format alike.
/// </summary>
public static class ReportFormat
{
    public static NumberFormatInfo Numbers(Language lang) => Figures.Numbers(lang);

    /// <summary>A value on its own by its metric's unit: 83,5 %, 1 234 567 kr, 1 684,4 mnkr, 1 234; – when missing.</summary>
    public static string Value(Quantity? value, string? unit, Language lang) => Figures.Value(value?.AsDouble, unit, lang);

    public static string Value(double? value, string? unit, Language lang) => Figures.Value(value, unit, lang);

    public static string Number(double value, string? unit, Language lang) => Figures.Value(value, unit, lang);

    /// <summary>Amounts from ten million kronor are written in millions (1 684,4 mnkr), as board papers do; the workbook keeps every krona.</summary>
    public const double MillionsFrom = Figures.MillionsFrom;

    /// <summary>A change with its sign; percentages change in percentage points (p.e., pp).</summary>
    public static string Change(Quantity? change, string? unit, Language lang) => Figures.Change(change?.AsDouble, unit, lang);

    /// <summary>The figures of one result — value, target, comparison — in one scale and decimals, the value told apart from its levels.</summary>
    public static FigureColumn Row(UnitResult result, string? unit, Language lang) =>
        FigureColumn.Of(unit, lang, [new FigureRow(result.Value?.AsDouble,
            new[] { result.Target.Level, result.Target.Min, result.Target.Max }.OfType<decimal>().Select(d => (double)d)
                .Concat(result.Comparison is { } c ? [c] : []).ToList())]);

    /// <summary>The target as it applied: ≥ 80,0 %, 2,0 %–4,0 %, &gt; jämförelse; – when a board level is missing.</summary>
    public static string Target(AppliedTarget target, string? unit, Language lang) =>
        TargetText.Applied(target, FigureColumn.Of(unit, lang, new[] { target.Level, target.Min, target.Max }.OfType<decimal>().Select(d => new FigureRow((double)d, []))));

    public static string Status(Status status, Language lang) => Statuses.Name(status, lang);

    /// <summary>A result's status, and beside it the band its value fell in: "Uppfyllt · Full bonus".</summary>
    public static string Status(UnitResult result, Language lang) => Statuses.Name(result.Status, result.Band, lang);

    /// <summary>A quarter, short: "K2 2026" / "Q2 2026"; a yearly goal's point is its year; any other period as written.</summary>
    public static string Period(Period period, Language lang, bool yearly = false) =>
        yearly ? period.Year.ToString(CultureInfo.InvariantCulture)
        : period.Kind == PeriodKind.Quarter ? $"{lang.Pick("K", "Q")}{period.Index}\u00a0{period.Year}"
        : period.ToString();

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
