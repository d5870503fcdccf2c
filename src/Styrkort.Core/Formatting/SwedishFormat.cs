using System.Globalization;

namespace Styrkort.Core.Formatting;

/// <summary>Swedish number formats (1 234 567, 83,5 %), built by hand so that output does not depend on the machine's ICU data.</summary>
public static class SwedishFormat
{
    public static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = "\u00a0",
        NegativeSign = "−",
        PercentDecimalSeparator = ",",
        PercentGroupSeparator = "\u00a0",
    };

    private static readonly NumberFormatInfo English = CultureInfo.GetCultureInfo("en-GB").NumberFormat;

    /// <summary>Formats a value by its metric's unit: percent (83,5 %), SEK (1 234 567 kr), count (1 234), days (42,0 dagar),
    /// times (3,25 ggr), else one decimal.</summary>
    public static string Value(double value, string? unit, string lang = "sv") => Value(value, unit, lang, extraDecimals: 0);

    /// <summary>
    /// Formats a value next to the levels it is judged against, with as many more decimals (up to four) as it takes to
    /// tell it from them: 4,0 % against "2,0 % – 4,0 %" reads as met, so a value of 4.04 shows as 4,04 %.
    /// </summary>
    public static string Beside(double value, IEnumerable<double> levels, string? unit, string lang = "sv")
    {
        var others = levels.Where(l => l != value).ToList();
        for (var extra = 0; extra < 4; extra++)
        {
            var text = Value(value, unit, lang, extra);
            if (others.All(l => Value(l, unit, lang, extra) != text)) return text;
        }
        return Value(value, unit, lang, 4);
    }

    private static string Value(double value, string? unit, string lang, int extraDecimals)
    {
        var nf = lang == "en" ? English : Numbers;
        string N(int decimals) => value.ToString("N" + (decimals + extraDecimals), nf);
        return unit switch
        {
            "percent" => N(1),
            "SEK" => N(0),
            "count" => N(0),
            "days" => N(1),
            "times" => N(2),
            _ => N(1),
        } + Suffix(unit, lang);
    }

    /// <summary>
    /// A level as it was typed or decided, with its own decimals and no more (55,75 % stays 55,75 %, 56 % stays 56 %):
    /// a board decision must read exactly as decided, never rounded to the unit's usual decimals.
    /// </summary>
    public static string Exact(decimal value, string? unit, string lang = "sv") =>
        value.ToString("#,0.############################", lang == "en" ? English : Numbers) + Suffix(unit, lang);

    private static string Suffix(string? unit, string lang) => unit switch
    {
        "percent" => lang == "en" ? "%" : "\u00a0%",
        "SEK" => lang == "en" ? " SEK" : "\u00a0kr",
        "days" => lang == "en" ? " days" : "\u00a0dagar",
        "times" => lang == "en" ? " times" : "\u00a0ggr",
        _ => "",
    };
}
