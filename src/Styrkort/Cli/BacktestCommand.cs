using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Styrkort.Core.Formatting;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Insights;

namespace Styrkort.Cli;

/// <summary>
/// <c>styrkort backtest</c>: the year-end forecast of <c>evaluate --forecast</c> made from past months of completed
/// years and set beside what the years turned out to be — the coverage of the 80 % interval, the mean absolute error
/// (in the goal's unit, and relative to the actual value), and the Brier score of the chance of meeting the target.
/// </summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var goals = new Option<string?>("--goals") { Description = "The goal file (YAML); default: goals.yaml in the --data folder" };
        var data = new Option<string?>("--data") { Description = "A folder of CSV files, one per dataset of the goal file" };
        var warehouse = new Option<string?>("--warehouse") { Description = "A warehouse made by 'styrkort import'" };
        var years = new Option<string>("--years") { Description = "The completed years to forecast, e.g. 2023,2024,2025", Required = true };
        var from = new Option<string>("--from") { Description = "The months (1–11) to forecast from, e.g. 3,6,9", DefaultValueFactory = _ => "3,6,9" };
        var unit = new Option<string?>("--unit") { Description = "Only this unit's subtree" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("backtest", "Forecast completed years from their past months and compare with what happened") { goals, data, warehouse, years, from, unit, format };
        command.SetAction(p => Commands.Guard(() =>
        {
            var yearList = Numbers(p.GetValue(years)!, "--years");
            var months = Numbers(p.GetValue(from)!, "--from");
            var file = EvaluateCommand.Load(ShippedFiles.GoalFileFor(p.GetValue(goals), p.GetValue(data)));
            using var store = EvaluateCommand.Open(file, p.GetValue(data), p.GetValue(warehouse));
            var result = Backtest.Run(file, store, yearList, months, p.GetValue(unit), CancellationToken.None);
            if (p.GetValue(format) == "json") WriteJson(result);
            else
            {
                if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
                WriteTable(AnsiConsole.Console, file, result);
            }
            return 0;
        }));
        return command;
    }

    private static List<int> Numbers(string text, string option)
    {
        var list = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            list.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{option}: '{part}' is not a whole number"));
        return list;
    }

    /// <summary>Coverage, mean absolute error, mean absolute percentage error and Brier score of a set of cases.</summary>
    public sealed record Summary(int Count, double Coverage, double Mae, double Mape, double? Brier);

    public static Summary Summarise(IReadOnlyCollection<BacktestCase> cases)
    {
        var judged = cases.Where(c => c.Met is not null && c.Forecast.ProbabilityMet is not null).ToList();
        var relative = cases.Where(c => c.Actual != 0).ToList();
        return new Summary(cases.Count,
            cases.Count == 0 ? 0 : cases.Count(c => c.Covered) / (double)cases.Count,
            cases.Count == 0 ? 0 : cases.Average(c => c.AbsoluteError),
            relative.Count == 0 ? 0 : relative.Average(c => c.AbsoluteError / Math.Abs(c.Actual)),
            judged.Count == 0 ? null : judged.Average(c => Math.Pow(c.Forecast.ProbabilityMet!.Value - (c.Met!.Value ? 1 : 0), 2)));
    }

    private static void WriteTable(IAnsiConsole console, GoalFile file, BacktestResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Backtest: year-end forecasts against the actual year[/]");
        table.AddColumns("Goal", "Method", "Forecasts", "80 % interval covers", "Mean abs. error", "Mean abs. % error", "Brier");
        foreach (var column in table.Columns.Skip(2)) column.RightAligned();
        foreach (var goal in file.Goals)
        {
            var cases = result.Cases.Where(c => c.Goal == goal.Id).ToList();
            if (cases.Count == 0) continue;
            var s = Summarise(cases);
            table.AddRow(Markup.Escape(goal.Id), InsightsJson.Method(cases[0].Forecast.Method), s.Count.ToString(CultureInfo.InvariantCulture),
                Percent(s.Coverage), Core.Presentation.Figures.Distance(s.Mae, file.Metrics[goal.Metric].Unit, Core.Presentation.Language.En), Percent(s.Mape),
                s.Brier is { } b ? b.ToString("0.000", CultureInfo.InvariantCulture) : "–");
        }
        foreach (var month in result.Cases.Select(c => c.Origin.Index).Distinct().Order())
        {
            var s = Summarise(result.Cases.Where(c => c.Origin.Index == month).ToList());
            table.AddRow($"[bold]all, from month {month}[/]", "", s.Count.ToString(CultureInfo.InvariantCulture), Percent(s.Coverage), "", Percent(s.Mape),
                s.Brier is { } b ? b.ToString("0.000", CultureInfo.InvariantCulture) : "–");
        }
        var all = Summarise(result.Cases);
        table.AddRow("[bold]all[/]", "", all.Count.ToString(CultureInfo.InvariantCulture), Percent(all.Coverage), "", Percent(all.Mape),
            all.Brier is { } ab ? ab.ToString("0.000", CultureInfo.InvariantCulture) : "–");
        console.Write(table);
        foreach (var missed in result.NotForecast.GroupBy(m => (m.Goal, m.NotForecast!.English)))
            console.MarkupLine($"[grey]not forecast: {Markup.Escape(missed.Key.Goal)} ({missed.Count()}×): {Markup.Escape(missed.Key.English)}[/]");
    }

    private static string Percent(double share) => (100 * share).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static void WriteJson(BacktestResult result)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout))
        {
            json.WriteStartObject();
            Write(json, "summary", Summarise(result.Cases));
            json.WriteStartArray("cases");
            foreach (var c in result.Cases)
            {
                json.WriteStartObject();
                json.WriteString("goal", c.Goal);
                json.WriteString("unit", c.Unit);
                json.WriteString("origin", c.Origin.ToString());
                json.WriteString("method", InsightsJson.Method(c.Forecast.Method));
                json.WriteNumber("value", c.Forecast.Value);
                json.WriteNumber("low", c.Forecast.Low);
                json.WriteNumber("high", c.Forecast.High);
                json.WritePropertyName("probability_met");
                if (c.Forecast.ProbabilityMet is { } pm) json.WriteNumberValue(pm); else json.WriteNullValue();
                json.WriteNumber("actual", c.Actual);
                json.WritePropertyName("met");
                if (c.Met is { } met) json.WriteBooleanValue(met); else json.WriteNullValue();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("not_forecast");
            foreach (var m in result.NotForecast.GroupBy(m => (m.Goal, m.NotForecast!.English)))
            {
                json.WriteStartObject();
                json.WriteString("goal", m.Key.Goal);
                json.WriteString("reason", m.Key.English);
                json.WriteNumber("count", m.Count());
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stdout.WriteByte((byte)'\n');
    }

    private static void Write(Utf8JsonWriter json, string name, Summary s)
    {
        json.WriteStartObject(name);
        json.WriteNumber("forecasts", s.Count);
        json.WriteNumber("coverage_80", s.Coverage);
        json.WriteNumber("mean_absolute_percentage_error", s.Mape);
        json.WritePropertyName("brier");
        if (s.Brier is { } b) json.WriteNumberValue(b); else json.WriteNullValue();
        json.WriteEndObject();
    }
}
