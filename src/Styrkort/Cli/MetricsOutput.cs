using System.Text.Json;
using Spectre.Console;
using Styrkort.Core.Evaluation;
using Styrkort.Core.Formatting;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Cli;

/// <summary>
/// <c>evaluate --metrics</c>: the metrics no goal names (as its metric or comparison), per unit, for checking a goal
/// file before a goal uses them. JSON: <c>{"period": …, "metrics": [{"metric": …, "unit": …, "value": …}, …]}</c>, one
/// entry per metric and unit in the goal file's and the unit tree's order, <c>value</c> null where there is none.
/// </summary>
internal static class MetricsOutput
{
    /// <summary>The metrics of the goal file that no goal names, in the file's order.</summary>
    public static IReadOnlyList<string> Unused(GoalFile file)
    {
        var used = file.Goals.SelectMany(g => g.Comparison is null ? [g.Metric] : new[] { g.Metric, g.Comparison })
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return file.Metrics.Keys.Where(m => !used.Contains(m)).ToList();
    }

    public static void WriteJson(string period, IReadOnlyList<string> metrics, IReadOnlyList<UnitInfo> units,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, Quantity>> values, Stream output)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("period", period);
        json.WriteStartArray("metrics");
        foreach (var metric in metrics)
            foreach (var unit in units)
            {
                json.WriteStartObject();
                json.WriteString("metric", metric);
                json.WriteString("unit", unit.Id);
                json.WritePropertyName("value");
                if (values[metric].TryGetValue(unit.Id, out var value))
                {
                    if (value.Exact is { } exact) json.WriteNumberValue(exact);
                    else json.WriteNumberValue(value.AsDouble);
                }
                else json.WriteNullValue();
                json.WriteEndObject();
            }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteTable(IAnsiConsole console, GoalFile file, IReadOnlyList<string> metrics, IReadOnlyList<UnitInfo> units,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, Quantity>> values, Core.Presentation.Language lang)
    {
        if (metrics.Count == 0)
        {
            console.WriteLine(lang.Pick("Varje mått i målfilen används av ett mål.", "Every metric of the goal file is used by a goal."));
            return;
        }
        var table = new Table().AddColumn(lang.Pick("enhet", "unit"));
        foreach (var metric in metrics) table.AddColumn(new TableColumn(Markup.Escape(metric)).RightAligned());
        foreach (var unit in units)
            table.AddRow([Markup.Escape(new string(' ', 2 * unit.Depth) + unit.Name),
                .. metrics.Select(m => values[m].TryGetValue(unit.Id, out var v) ? Markup.Escape(SwedishFormat.Value(v.AsDouble, file.Metrics[m].Unit, lang)) : "–")]);
        console.Write(table);
    }
}
