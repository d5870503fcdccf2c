using System.CommandLine;
using Spectre.Console;
using Styrkort.Core.Compilation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Sql;

namespace Styrkort.Cli;

internal static class CheckCommand
{
    public static Command Create()
    {
        var goals = new Option<string>("--goals") { Description = "The goal file (YAML)", Required = true };
        var metric = new Option<string?>("--sql") { Description = "Print the SQL of this metric" };
        var period = new Option<string>("--period") { Description = "The period for --sql", DefaultValueFactory = _ => "2026-Q2" };
        var dialect = new Option<string>("--dialect") { Description = "The SQL dialect of --sql: duckdb or postgresql", DefaultValueFactory = _ => "duckdb" };
        dialect.AcceptOnlyFromAmong("duckdb", "postgresql");
        var command = new Command("check", "Validate a goal file; optionally show the SQL a metric compiles to") { goals, metric, period, dialect };
        command.SetAction(p => Commands.Guard(() =>
        {
            var file = GoalFileReader.Read(p.GetValue(goals)!);
            // Every formula and breakdown error at once, as a compiler lists them: fixing a file one run per error is slow.
            var errors = MetricCompiler.Diagnostics(file);
            if (errors.Count > 0)
            {
                foreach (var error in errors) Console.Error.WriteLine(error.Message);
                Console.Error.WriteLine($"error: {errors.Count} error{(errors.Count == 1 ? "" : "s")} in {p.GetValue(goals)}");
                return 1;
            }
            if (p.GetValue(metric) is { } name)
            {
                if (!file.Metrics.ContainsKey(name)) throw new ArgumentException($"unknown metric '{name}'; metrics: {string.Join(", ", file.Metrics.Keys)}");
                Console.WriteLine(MetricCompiler.Compile(file, name, Period.Parse(p.GetValue(period)!)).Sql(p.GetValue(dialect) == "postgresql" ? PostgresDialect.Instance : DuckDbDialect.Instance));
                return 0;
            }
            AnsiConsole.MarkupLine($"[green]ok[/]: {file.Datasets.Count} datasets, {file.Populations.Count} populations, {file.Metrics.Count} metrics, {file.Goals.Count} goals");
            return 0;
        }));
        return command;
    }
}
