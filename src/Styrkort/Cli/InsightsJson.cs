using System.Globalization;
using System.Text.Json;
using Styrkort.Core.Insights;

namespace Styrkort.Cli;

/// <summary>What <c>evaluate --forecast</c>, <c>--anomalies</c> and <c>--explain</c> found, per (goal, unit).</summary>
public sealed record CliInsights(
    IReadOnlyDictionary<(string Goal, string Unit), GoalForecast>? Forecasts,
    IReadOnlyDictionary<(string Goal, string Unit), Anomaly>? Anomalies,
    IReadOnlyDictionary<(string Goal, string Unit), ChangeExplanation>? Changes)
{
    /// <summary>What <see cref="Changes"/> compare with (<c>--since</c>).</summary>
    public ChangeSince ChangesSince { get; init; }
}

/// <summary>
/// The insight keys of a result in <c>evaluate --format json</c>: <c>"forecast"</c> (absent where the goal is not
/// forecast — the table says why), <c>"anomaly"</c> (only on a flagged result) and <c>"change"</c> (only where the
/// value changed since the previous period, or with <c>--since board</c> since the board last saw the goal, then with
/// <c>"since": "board"</c>). Without the flags none of them is written.
/// </summary>
internal static class InsightsJson
{
    public static void Write(Utf8JsonWriter json, CliInsights insights, string goal, string unit, Core.Presentation.Language lang)
    {
        if (insights.Forecasts?.GetValueOrDefault((goal, unit))?.Forecast is { } f)
        {
            json.WriteStartObject("forecast");
            json.WriteString("period", f.Year.ToString());
            json.WriteNumber("value", f.Value);
            json.WriteNumber("low", f.Low);
            json.WriteNumber("high", f.High);
            json.WritePropertyName("probability_met");
            if (f.ProbabilityMet is { } p) json.WriteNumberValue(Math.Round(p, 4)); else json.WriteNullValue();
            json.WriteString("method", Method(f.Method));
            json.WriteNumber("months", f.Months);
            json.WriteEndObject();
        }
        if (insights.Anomalies?.GetValueOrDefault((goal, unit)) is { } a)
        {
            json.WriteStartObject("anomaly");
            json.WriteString("reason", a.Reason.For(lang));
            json.WriteString("month", a.Month.ToString());
            json.WriteNumber("value", a.Value);
            json.WriteNumber("expected", a.Expected);
            json.WritePropertyName("score");
            if (double.IsFinite(a.Score)) json.WriteNumberValue(Math.Round(a.Score, 2)); else json.WriteStringValue(a.Score > 0 ? "inf" : "-inf");
            json.WriteEndObject();
        }
        if (insights.Changes?.GetValueOrDefault((goal, unit)) is { } c)
        {
            json.WriteStartObject("change");
            json.WriteString("from", c.From.ToString());
            // Only with --since board: without it the object is exactly as it was.
            if (c.Since == ChangeSince.Board) json.WriteString("since", "board");
            json.WriteNumber("before", c.Before);
            json.WriteNumber("after", c.After);
            json.WriteNumber("change", c.Change);
            json.WriteBoolean("decomposed", c.Decomposed);
            json.WriteString("sentence", c.Sentence.For(lang));
            json.WriteStartArray("contributors");
            foreach (var k in c.Contributors)
            {
                json.WriteStartObject();
                json.WriteString("dimension", k.Dimension);
                json.WritePropertyName("key");
                switch (k.Key)
                {
                    case null: json.WriteNullValue(); break;
                    case long l: json.WriteNumberValue(l); break;
                    case decimal d: json.WriteNumberValue(d); break;
                    case bool b: json.WriteBooleanValue(b); break;
                    default: json.WriteStringValue(Convert.ToString(k.Key, CultureInfo.InvariantCulture)); break;
                }
                if (k.Rest) json.WriteBoolean("rest", true);
                json.WriteString("kind", k.Kind switch { ChangeKind.Mix => "mix", ChangeKind.Rate => "rate", _ => "contribution" });
                json.WriteNumber("effect", k.Effect);
                json.WriteNumber("share", double.IsFinite(k.Share) ? Math.Round(k.Share, 4) : 0);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    public static string Method(YearFromMonths method) => method switch
    {
        YearFromMonths.Flows => "flows",
        YearFromMonths.Ratio => "ratio",
        YearFromMonths.Path => "path",
        _ => "none",
    };
}
