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
    public static string Value(double value, string? unit, string lang = "sv")
    {
        var nf = lang == "en" ? English : Numbers;
        return unit switch
        {
            "percent" => value.ToString("N1", nf) + (lang == "en" ? "%" : "\u00a0%"),
            "SEK" => value.ToString("N0", nf) + (lang == "en" ? " SEK" : "\u00a0kr"),
            "count" => value.ToString("N0", nf),
            "days" => value.ToString("N1", nf) + (lang == "en" ? " days" : "\u00a0dagar"),
            "times" => value.ToString("N2", nf) + (lang == "en" ? " times" : "\u00a0ggr"),
            _ => value.ToString("N1", nf),
        };
    }
}
