using System.CommandLine;
using Spectre.Console;
using Styrkort.Core;
using Styrkort.Core.Binding;
using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Warehouse;

namespace Styrkort.Cli;

internal static class EvaluateCommand
{
    public static Command Create()
    {
        var goals = new Option<string?>("--goals") { Description = "The goal file (YAML); default: goals.yaml in the --data folder" };
        var data = new Option<string?>("--data") { Description = "A folder of CSV files, one per dataset of the goal file" };
        var warehouse = new Option<string?>("--warehouse") { Description = "A warehouse made by 'styrkort import': a DuckDB file, or postgresql://user:password@host:port/database" };
        var period = new Option<string>("--period") { Description = "2026-Q2, 2026-03, 2026 or the ISO week 2026-W12", Required = true };
        var unit = new Option<string?>("--unit") { Description = "Limit the output to this unit's subtree" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var lang = LanguageOption.Create();
        var by = new Option<string[]>("--by")
        {
            Description = "Also break down every goal whose metric allows it by this column; may be repeated",
            HelpName = "dataset.column",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var plan = new Option<bool>("--plan") { Description = "Print the SQL the evaluation runs (one query for every goal, unit and breakdown) instead of running it" };
        var metrics = new Option<bool>("--metrics") { Description = "Evaluate the metrics no goal uses, per unit, instead of the goals (to check a goal file)" };
        var forecast = new Option<bool>("--forecast") { Description = "Forecast each goal with a level for the year to the year's end (value, 80 % interval, chance of meeting it) and flag anomalies" };
        var anomalies = new Option<bool>("--anomalies") { Description = "Flag values far outside their own history (robust z-score of the seasonal residual)" };
        var explain = new Option<bool>("--explain") { Description = "Decompose each change since the previous period by child unit and breakdown dimension" };
        var since = new Option<string?>("--since") { Description = "With --explain: the change since the previous period (default) or since the board last saw the goal", HelpName = "previous|board" };
        since.AcceptOnlyFromAmong("previous", "board");
        var command = new Command("evaluate", "Evaluate every goal for every unit in a period") { goals, data, warehouse, period, unit, format, lang, by, plan, metrics, forecast, anomalies, explain, since };
        command.SetAction(p => Commands.Guard(() =>
        {
            if (!Period.TryParse(p.GetValue(period), out var when))
                throw new ArgumentException(Period.MissingWeek(p.GetValue(period))
                                            ?? $"'{p.GetValue(period)}' is not a period; expected 2026-Q2, 2026-03, 2026 or 2026-W12");
            var file = Load(ShippedFiles.GoalFileFor(p.GetValue(goals), p.GetValue(data)));
            var dimensions = (p.GetValue(by) ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (p.GetValue(metrics) && (dimensions.Count > 0 || p.GetValue(plan)))
                throw new ArgumentException("--metrics evaluates the metrics no goal uses; --by and --plan are for the goals");
            var wantsInsights = p.GetValue(forecast) || p.GetValue(anomalies) || p.GetValue(explain);
            if (wantsInsights && (p.GetValue(metrics) || p.GetValue(plan)))
                throw new ArgumentException("--forecast, --anomalies and --explain are for the goals' outcomes, not for --metrics or --plan");
            if (p.GetValue(since) is not null && !p.GetValue(explain))
                throw new ArgumentException("--since says what --explain compares with; give it with --explain");
            var changeSince = p.GetValue(since) == "board" ? Core.Insights.ChangeSince.Board : Core.Insights.ChangeSince.Previous;
            if (dimensions.Count > Limits.Breakdowns) throw new ArgumentException($"--by is given {dimensions.Count} times; at most {Limits.Breakdowns} dimensions at once");
            // Refused before the data is read: a mistyped dimension should not cost a minute of import first.
            foreach (var dimension in dimensions) RequireSomeGoalAllows(file, dimension);
            using var store = Open(file, p.GetValue(data), p.GetValue(warehouse));
            if (p.GetValue(plan))
            {
                Console.WriteLine(new Evaluator(file, store) { By = dimensions }.Explain([when]));
                return 0;
            }
            if (p.GetValue(metrics))
            {
                WriteUnusedMetrics(file, store, when, p.GetValue(unit), p.GetValue(format)!, p.GetValue(lang));
                return 0;
            }
            var evaluation = new Evaluator(file, store) { By = dimensions }.Evaluate(when, p.GetValue(unit));
            var insights = wantsInsights ? Insights(file, store, evaluation, p.GetValue(forecast), p.GetValue(forecast) || p.GetValue(anomalies), p.GetValue(explain), changeSince, dimensions) : null;
            if (p.GetValue(format) == "json")
            {
                using var stdout = Console.OpenStandardOutput();
                JsonOutput.Write(evaluation, stdout, file, p.GetValue(lang), insights);
                stdout.WriteByte((byte)'\n');
            }
            else
            {
                // Piped output has no terminal width; give the tables room instead of wrapping every cell.
                if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
                TableOutput.Write(AnsiConsole.Console, file, evaluation, p.GetValue(lang));
                if (insights is not null) InsightsTable.Write(AnsiConsole.Console, file, evaluation, insights, p.GetValue(lang));
            }
            return 0;
        }));
        return command;
    }

    /// <summary>The forecasts and anomalies from one query over the monthly history, the changes from one over this period and the ones compared with.</summary>
    private static CliInsights Insights(GoalFile file, IWarehouse store, Evaluation evaluation, bool forecast, bool anomalies, bool explain,
        Core.Insights.ChangeSince since, IReadOnlyList<string> by)
    {
        var found = forecast || anomalies
            ? new Core.Insights.GoalInsights(file, store).Analyse(evaluation, forecast, anomalies, CancellationToken.None)
            : null;
        var changes = explain ? new Core.Insights.ChangeExplainer(file, store).Explain(evaluation, by, since, CancellationToken.None) : null;
        return new CliInsights(forecast ? found!.Forecasts : null, anomalies ? found!.Anomalies : null, changes) { ChangesSince = since };
    }

    private static void WriteUnusedMetrics(GoalFile file, IWarehouse store, Period when, string? subtreeOf, string format, Core.Presentation.Language lang)
    {
        var unused = MetricsOutput.Unused(file);
        var units = store.Units();
        if (subtreeOf is not null)
        {
            if (!units.Any(u => u.Id == subtreeOf)) throw new ArgumentException($"unknown unit '{subtreeOf}'; units: {string.Join(", ", units.Select(u => u.Id))}");
            var inside = store.Subtree(subtreeOf);
            units = units.Where(u => inside.Contains(u.Id)).ToList();
        }
        var values = unused.Count == 0
            ? new Dictionary<string, IReadOnlyDictionary<string, Quantity>>()
            : new Evaluator(file, store).Metrics(unused, [when], CancellationToken.None)[0];
        if (format == "json")
        {
            using var stdout = Console.OpenStandardOutput();
            MetricsOutput.WriteJson(when.ToString(), unused, units, values, stdout);
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
            MetricsOutput.WriteTable(AnsiConsole.Console, file, unused, units, values, lang);
        }
    }

    /// <summary>
    /// A <c>--by</c> dimension must break down at least one goal; the others are left out silently, as a look at
    /// <c>loans.phase</c> has nothing to say about NPS. When none allows it, says why for the first goal.
    /// </summary>
    private static void RequireSomeGoalAllows(GoalFile file, string dimension)
    {
        var bound = BoundGoalFile.Of(file);
        var reasons = new List<(string Goal, string Reason)>();
        foreach (var goal in file.Goals)
        {
            if (bound.Breakdown(goal.Metric, dimension, out var error) is not null) return;
            reasons.Add((goal.Id, error ?? "not allowed"));
        }
        if (reasons.Count == 0) throw new ArgumentException($"--by {dimension}: the goal file has no goals to break down");
        // An unknown dataset or column reads the same for every goal: say it once, without naming a goal.
        if (reasons.All(r => r.Reason == reasons[0].Reason))
            throw new ArgumentException($"--by {dimension}: {reasons[0].Reason}");
        throw new ArgumentException($"--by {dimension}: no goal's metric can be broken down by it; goal '{reasons[0].Goal}': {reasons[0].Reason}");
    }

    /// <summary>The goal file, refused with all its errors when it has any; its warnings are check's to show.</summary>
    public static GoalFile Load(string path) => GoalFileCheck.Run(path).Accepted();

    /// <summary>The warehouse to read: one made by import (a DuckDB file or a PostgreSQL URL), or an in-memory one loaded from the CSV folder.</summary>
    public static IWarehouse Open(GoalFile file, string? data, string? warehouseLocation)
    {
        if ((data is null) == (warehouseLocation is null)) throw new ArgumentException("give exactly one of --data FOLDER and --warehouse FILE|URL");
        if (warehouseLocation is not null)
        {
            var shown = Warehouse.Describe(warehouseLocation);
            if (!Core.Warehouse.Postgres.PostgresAddress.IsUrl(warehouseLocation) && !File.Exists(warehouseLocation))
                throw new StyrkortException(new SourceLocation(shown, 0, 0), "warehouse file not found; make it with styrkort import");
            var existing = Warehouse.Open(warehouseLocation);
            try
            {
                existing.RequireLoaded(file, shown);
            }
            catch
            {
                existing.Dispose();
                throw;
            }
            return existing;
        }
        var memory = Warehouse.Open(null);
        try
        {
            // Loading a large folder takes a while: say what is being read, on a terminal only.
            IProgress<ImportProgress>? progress = Console.IsErrorRedirected
                ? null
                : new SynchronousProgress<ImportProgress>(x => Console.Error.Write($"\rreading {x.Dataset} ({x.Index}/{x.Count})…".PadRight(60)));
            memory.Import(file, data!, TimeProvider.System, progress);
            if (progress is not null) Console.Error.Write("\r".PadRight(61) + "\r");
            return memory;
        }
        catch
        {
            memory.Dispose();
            throw;
        }
    }
}
