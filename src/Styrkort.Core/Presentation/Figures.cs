using System.Globalization;

namespace Styrkort.Core.Presentation;

/// <summary>
/// Numbers as a reader sees them, in Swedish (1 234 567 kr, 83,5 %) or English (1,234,567 SEK, 83.5%), built by hand
/// so that no output depends on the machine's culture data. The CLI, the web app and the board report all format here.
/// <para>The decimals rule, the same everywhere:</para>
/// <list type="number">
/// <item>Each measure has its decimals: per cent 1, days 1, times 2, kronor 0, counts 0, other numbers 1. Kronor from
/// ten million (<see cref="MillionsFrom"/>) are written in millions with 1 decimal (1 684,4 mnkr / MSEK).</item>
/// <item>Figures shown side by side — a table column of one goal, an overview row across units, an outcome with its
/// target and comparison — share one <see cref="FigureColumn"/>: one scale (kronor or millions, chosen by the largest)
/// and one number of decimals, so that 7,4 % never stands beside 5,5000 %.</item>
/// <item>An outcome beside the levels it is judged against gets as many more decimals (at most
/// <see cref="MostExtraDecimals"/>) as it takes never to read equal to a level it differs from: 4,04 % against
/// "≥ 4,0 %" is shown as 4,04 % and the level as 4,00 %. A column takes the most any of its rows needs.</item>
/// <item>A decided level on its own (the targets page, a rule's definition) reads as decided: <see cref="Exact"/>
/// keeps its own decimals and adds none.</item>
/// </list>
/// </summary>
public static class Figures
{
    /// <summary>Amounts from ten million kronor are written in millions (1 684,4 mnkr), as board papers do.</summary>
    public const double MillionsFrom = 1e7;

    /// <summary>The most decimals added to tell a value from its level; past that they read equal (a difference of 0,00001 %).</summary>
    public const int MostExtraDecimals = 4;

    private static readonly NumberFormatInfo Swedish = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = "\u00a0",
        NegativeSign = "\u2212",
        PercentDecimalSeparator = ",",
        PercentGroupSeparator = "\u00a0",
    };

    private static readonly NumberFormatInfo English = new()
    {
        NumberDecimalSeparator = ".",
        NumberGroupSeparator = ",",
        NegativeSign = "\u2212",
    };

    /// <summary>The digits of a language: a decimal comma and a non-breaking space between thousands in Swedish.</summary>
    public static NumberFormatInfo Numbers(Language language) => language.IsEnglish ? English : Swedish;

    /// <summary>The decimals of a measure by rule 1.</summary>
    public static int Decimals(Measure measure, bool millions = false) => measure switch
    {
        Measure.Percent => 1,
        Measure.Kronor => millions ? 1 : 0,
        Measure.Count => 0,
        Measure.Days => 1,
        Measure.Times => 2,
        _ => 1,
    };

    /// <summary>A value on its own, by its metric's unit: 83,5 %, 1 234 567 kr, 1 684,4 mnkr, 1 234, 42,0 dagar, 3,25 ggr.</summary>
    public static string Value(double value, string? unit, Language language) =>
        FigureColumn.Of(unit, language, [value]).Value(value);

    /// <summary>As <see cref="Value(double, string?, Language)"/>; a dash when there is no value.</summary>
    public static string Value(double? value, string? unit, Language language) => value is { } v ? Value(v, unit, language) : Dash;

    /// <summary>A value beside the levels it is judged against (rule 3): 4,04 % against 4,0 %, 3,3 % against 4,0 %.</summary>
    public static string Beside(double value, IEnumerable<double> levels, string? unit, Language language) =>
        FigureColumn.Of(unit, language, [new FigureRow(value, levels.ToList())]).Value(value);

    /// <summary>
    /// A level as it was typed or decided, with its own decimals and no more (55,75 % stays 55,75 %, 56 % stays 56 %):
    /// a board decision must read exactly as decided, never rounded to the unit's usual decimals.
    /// </summary>
    public static string Exact(decimal value, string? unit, Language language) =>
        value.ToString("#,0.############################", Numbers(language)) + Suffix(Measures.Of(unit), false, language);

    /// <summary>A change with its sign (+1,2 / −0,4 / ±0,0); per cent changes in percentage points (p.e., pp).</summary>
    public static string Change(double? change, string? unit, Language language)
    {
        if (change is not { } c) return Dash;
        var (digits, suffix) = DistanceParts(c, unit, language);
        var zero = digits.All(ch => ch is '0' or ',' or '.' or '\u00a0');
        return (zero ? "±" : c > 0 ? "+" : "\u2212") + digits + suffix;
    }

    /// <summary>A distance without sign — an error, a spread; of per cent in percentage points, as a change is.</summary>
    public static string Distance(double distance, string? unit, Language language)
    {
        var (digits, suffix) = DistanceParts(distance, unit, language);
        return digits + suffix;
    }

    private static (string Digits, string Suffix) DistanceParts(double distance, string? unit, Language language)
    {
        var measure = Measures.Of(unit);
        var millions = measure == Measure.Kronor && Math.Abs(distance) >= MillionsFrom;
        var digits = Digits(Math.Abs(distance), measure, millions, Decimals(measure, millions), language);
        var suffix = measure == Measure.Percent ? language.Pick("\u00a0p.e.", "\u00a0pp") : Suffix(measure, millions, language);
        return (digits, suffix);
    }

    /// <summary>What stands where there is no value.</summary>
    public const string Dash = "–";

    internal static string Format(double value, Measure measure, bool millions, int decimals, Language language) =>
        Digits(value, measure, millions, decimals, language) + Suffix(measure, millions, language);

    private static string Digits(double value, Measure measure, bool millions, int decimals, Language language) =>
        (millions ? value / 1e6 : value).ToString("N" + decimals, Numbers(language));

    /// <summary>The unit after the digits, joined by a non-breaking space so that a line never breaks inside a figure.</summary>
    public static string Suffix(Measure measure, bool millions, Language language) => measure switch
    {
        Measure.Percent => language.Pick("\u00a0%", "%"),
        Measure.Kronor when millions => language.Pick("\u00a0mnkr", "\u00a0MSEK"),
        Measure.Kronor => language.Pick("\u00a0kr", "\u00a0SEK"),
        Measure.Days => language.Pick("\u00a0dagar", "\u00a0days"),
        Measure.Times => language.Pick("\u00a0ggr", "\u00a0times"),
        _ => "",
    };
}
