using System.Text.Encodings.Web;
using System.Text.Json;
using Styrkort.Accounts.Ratios;
using Styrkort.Core.Evaluation;

namespace Styrkort.Cli;

/// <summary>
/// The public JSON contract of <c>ratios --format json</c>: {"company", "org_nr", "years": [{"index", "start", "end",
/// "ratios": {name: value}}]}, values unrounded, null where there is no value. With --industry each year also carries
/// "industry": {"sni", "size_class", "medians": {name: value}}.
/// </summary>
public static class RatiosJson
{
    public static void Write(RatioReport report, Stream output)
    {
        // Company names are Swedish: write Ö as Ö, not \u00D6.
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("company", report.Company);
        json.WriteString("org_nr", report.OrgNr);
        json.WriteStartArray("years");
        foreach (var year in report.Years)
        {
            json.WriteStartObject();
            json.WriteNumber("index", year.Index);
            Span(json, year.Start, year.End, report.Ratios, year.Values);
            if (year.Industry is { } industry)
            {
                json.WriteStartObject("industry");
                json.WriteString("sni", industry.Sni);
                json.WriteString("size_class", industry.SizeClass);
                json.WriteStartObject("medians");
                foreach (var (name, median) in industry.Medians) json.WriteNumber(name, median);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// <c>ratios --period</c>: {"company", "org_nr", "periods": [{"period", "start", "end", "ratios": {name: value}}]},
    /// the period asked first, then the same period a year before.
    /// </summary>
    public static void Write(RatioPeriodReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("company", report.Company);
        json.WriteString("org_nr", report.OrgNr);
        json.WriteStartArray("periods");
        foreach (var period in report.Periods)
        {
            json.WriteStartObject();
            json.WriteString("period", period.Period);
            Span(json, period.Start, period.End, report.Ratios, period.Values);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A year's or a period's bounds and its ratios, in the library's order.</summary>
    private static void Span(Utf8JsonWriter json, DateOnly start, DateOnly end, IReadOnlyList<RatioDefinition> ratios, IReadOnlyDictionary<string, Quantity?> values)
    {
        json.WriteString("start", start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("end", end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteStartObject("ratios");
        foreach (var ratio in ratios)
        {
            json.WritePropertyName(ratio.Name);
            Value(json, values.GetValueOrDefault(ratio.Name));
        }
        json.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter json, Quantity? value)
    {
        if (value is { Exact: { } exact }) json.WriteNumberValue(exact);
        else if (value is { Approximate: { } approx } && double.IsFinite(approx)) json.WriteNumberValue(approx);
        else json.WriteNullValue();
    }
}
