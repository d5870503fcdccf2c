using System.Globalization;
using Styrkort.Core.Presentation;

namespace Styrkort.Core.Formatting;

/// <summary>
/// The number formats of <see cref="Figures"/> under the names callers have long used, with the language as a
/// <see cref="Presentation.Language"/> (Swedish when left out). New code calls <see cref="Figures"/> directly.
/// </summary>
public static class SwedishFormat
{
    /// <summary>Swedish digits: decimal comma, a non-breaking space between thousands, a true minus sign.</summary>
    public static NumberFormatInfo Numbers => Figures.Numbers(Presentation.Language.Sv);

    /// <summary>A value on its own by its metric's unit: 83,5 %, 1 234 567 kr, 1 234, 42,0 dagar, 3,25 ggr (<see cref="Figures.Value(double, string?, Presentation.Language)"/>).</summary>
    public static string Value(double value, string? unit, Presentation.Language language = default) => Figures.Value(value, unit, language);

    /// <summary>A value beside the levels it is judged against, with the decimals it takes to tell it from them (<see cref="Figures.Beside"/>).</summary>
    public static string Beside(double value, IEnumerable<double> levels, string? unit, Presentation.Language language = default) =>
        Figures.Beside(value, levels, unit, language);

    /// <summary>A level as it was typed or decided, with its own decimals and no more (<see cref="Figures.Exact"/>).</summary>
    public static string Exact(decimal value, string? unit, Presentation.Language language = default) => Figures.Exact(value, unit, language);
}
