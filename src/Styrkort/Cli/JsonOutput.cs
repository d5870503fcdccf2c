using System.Text.Json;
using Styrkort.Core.Evaluation;

namespace Styrkort.Cli;

/// <summary>The public JSON contract of <c>evaluate --format json</c>: one object with the period and one result per goal and unit.</summary>
public static class JsonOutput
{
    public static void Write(Evaluation evaluation, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("period", evaluation.Period.ToString());
        json.WriteStartArray("results");
        foreach (var o in evaluation.Outcomes)
        {
            json.WriteStartObject();
            json.WriteString("goal", o.Goal);
            json.WriteString("unit", o.Unit);
            json.WritePropertyName("value");
            if (o.Value is { Exact: { } exact }) json.WriteNumberValue(exact);
            else if (o.Value is { Approximate: { } approx }) json.WriteNumberValue(approx);
            else json.WriteNullValue();
            json.WritePropertyName("comparison");
            if (o.Comparison is { } c) json.WriteNumberValue(c); else json.WriteNullValue();
            json.WriteString("status", StatusName(o.Status));
            json.WriteBoolean("scheduled", o.Scheduled);
            json.WriteStartObject("target");
            json.WriteString("rule", o.Target.Rule);
            json.WriteString("source", o.Target.Source);
            Number(json, "level", o.Target.Level);
            if (o.Target.Phased) Number(json, "annual_level", o.Target.AnnualLevel);
            if (o.Target.Min is not null) Number(json, "min", o.Target.Min);
            if (o.Target.Max is not null) Number(json, "max", o.Target.Max);
            json.WriteBoolean("phased", o.Target.Phased);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        json.WritePropertyName(name);
        if (value is { } v) json.WriteNumberValue(v); else json.WriteNullValue();
    }

    public static string StatusName(Status status) => status switch
    {
        Status.Met => "met",
        Status.NotMet => "not_met",
        Status.NoData => "no_data",
        _ => "no_target",
    };
}
