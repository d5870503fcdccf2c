namespace Styrkort.Core.Presentation;

/// <summary>What a metric's numbers measure, read from its <c>unit:</c> in the goal file; it decides decimals and suffix.</summary>
public enum Measure { Number, Percent, Kronor, Count, Days, Times }

public static class Measures
{
    /// <summary>The goal file's unit names (percent, SEK, count, days, times); anything else, or none, is a plain number.</summary>
    public static Measure Of(string? unit) => unit switch
    {
        "percent" => Measure.Percent,
        "SEK" => Measure.Kronor,
        "count" => Measure.Count,
        "days" => Measure.Days,
        "times" => Measure.Times,
        _ => Measure.Number,
    };
}
