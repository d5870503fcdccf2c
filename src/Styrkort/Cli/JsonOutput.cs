using System.Globalization;
using System.Text.Json;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Presentation;
using Language = Styrkort.Core.Presentation.Language;

namespace Styrkort.Cli;

/// <summary>
/// The public JSON contract of <c>evaluate --format json</c>: one object with the period and one result per goal and unit,
/// and, on a result whose goal is broken down, its segments per dimension. Fields are only ever added, at the end.
/// </summary>
public static class JsonOutput
{
    /// <param name="file">The goal file evaluated: its goals' <c>serves</c>, <c>owner</c> and <c>deadline</c> are written where set.</param>
    /// <param name="lang">The language of the band labels ; the rest is numbers and machine keys.</param>
    /// <param name="insights">With <c>--forecast</c>, <c>--anomalies</c> or <c>--explain</c>: written after everything else of a
    /// result, each key only where there is something to say (<see cref="InsightsJson"/>); null writes the output of before.</param>
    public static void Write(Evaluation evaluation, Stream output, GoalFile? file = null, Language lang = default, CliInsights? insights = null)
    {
        var goals = file?.Goals.DistinctBy(g => g.Id).ToDictionary(g => g.Id, StringComparer.Ordinal) ?? [];
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("period", evaluation.Period.ToString());
        json.WriteStartArray("results");
        var breakdowns = evaluation.Breakdowns.ToLookup(b => (b.Goal, b.Unit));
        foreach (var o in evaluation.Outcomes)
        {
            json.WriteStartObject();
            json.WriteString("goal", o.Goal);
            json.WriteString("unit", o.Unit);
            json.WritePropertyName("value");
            Value(json, o.Value);
            json.WritePropertyName("comparison");
            if (o.Comparison is { } c) json.WriteNumberValue(c); else json.WriteNullValue();
            json.WriteString("status", StatusName(o.Status));
            json.WriteBoolean("scheduled", o.Scheduled);
            json.WriteStartObject("target");
            json.WriteString("rule", o.Target.Rule.Key());
            json.WriteString("source", o.Target.Source);
            Number(json, "level", o.Target.Level);
            if (o.Target.Phased) Number(json, "annual_level", o.Target.AnnualLevel);
            if (o.Target.Min is not null) Number(json, "min", o.Target.Min);
            if (o.Target.Max is not null) Number(json, "max", o.Target.Max);
            json.WriteBoolean("phased", o.Target.Phased);
            if (o.Target.Warning is not null) Number(json, "warning", o.Target.Warning);
            json.WriteEndObject();
            // Absent, not empty, on results without breakdowns: the output of goal files without any stays byte for byte as it was.
            if (breakdowns.Contains((o.Goal, o.Unit))) Breakdowns(json, breakdowns[(o.Goal, o.Unit)]);
            if (o.Band is { } band) json.WriteString("band", band.For(lang));
            if (goals.TryGetValue(o.Goal, out var goal)) Structure(json, goal);
            if (insights is not null) InsightsJson.Write(json, insights, o.Goal, o.Unit, lang);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Where the goal stands in the goal structure; each field absent when not set, as in goal files without them.</summary>
    private static void Structure(Utf8JsonWriter json, Goal goal)
    {
        if (goal.Serves is { } serves) json.WriteString("serves", serves.Id);
        if (!string.IsNullOrWhiteSpace(goal.Owner)) json.WriteString("owner", goal.Owner);
        if (goal.Deadline is { } deadline) json.WriteString("deadline", deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static void Breakdowns(Utf8JsonWriter json, IEnumerable<GoalBreakdown> breakdowns)
    {
        json.WriteStartArray("breakdowns");
        foreach (var b in breakdowns)
        {
            json.WriteStartObject();
            json.WriteString("dimension", b.Dimension);
            json.WriteStartArray("segments");
            foreach (var s in b.Segments)
            {
                json.WriteStartObject();
                json.WritePropertyName("key");
                Key(json, s.Key);
                json.WritePropertyName("value");
                Value(json, s.Value);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>A segment's key in its JSON type: a region code stays the text "04", a year the number 2025.</summary>
    private static void Key(Utf8JsonWriter json, object? key)
    {
        switch (key)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case long l: json.WriteNumberValue(l); break;
            case int i: json.WriteNumberValue(i); break;
            case decimal d: json.WriteNumberValue(d); break;
            case double d: json.WriteNumberValue(d); break;
            case bool b: json.WriteBooleanValue(b); break;
            default: json.WriteStringValue(Convert.ToString(key, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>Exact values (sums of amounts) as the decimal they are, others as doubles: a total and its segments alike.</summary>
    private static void Value(Utf8JsonWriter json, Quantity? value)
    {
        if (value is { Exact: { } exact }) json.WriteNumberValue(exact);
        else if (value is { Approximate: { } approx }) json.WriteNumberValue(approx);
        else json.WriteNullValue();
    }

    private static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        json.WritePropertyName(name);
        if (value is { } v) json.WriteNumberValue(v); else json.WriteNullValue();
    }

    public static string StatusName(Status status) => Statuses.Key(status);
}
