using System.CommandLine;
using Spectre.Console;
using Styrkort.Core.Compilation;
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
        var command = new Command("check", "Validate a goal file: every error and warning; optionally show the SQL a metric compiles to") { goals, metric, period, dialect };
        command.SetAction(p => Commands.Guard(() =>
        {
            var path = p.GetValue(goals)!;
            // Every error at once, as a compiler lists them: fixing a file one run per error is slow.
            var check = GoalFileCheck.Run(path);
            FindingsOutput.Write(Console.Error, check.Findings());
            if (check.Errors.Count > 0)
            {
                Console.Error.WriteLine($"error: {FindingsOutput.Count(check.Errors.Count, check.Warnings.Count)} in {path}");
                return 1;
            }
            var file = check.File!;
            if (p.GetValue(metric) is { } name)
            {
                if (!file.Metrics.ContainsKey(name)) throw new ArgumentException($"unknown metric '{name}'; metrics: {string.Join(", ", file.Metrics.Keys)}");
                Console.WriteLine(MetricCompiler.Compile(file, name, Period.Parse(p.GetValue(period)!)).Sql(p.GetValue(dialect) == "postgresql" ? PostgresDialect.Instance : DuckDbDialect.Instance));
                return 0;
            }
            var warned = check.Warnings.Count > 0 ? $", {FindingsOutput.Count(0, check.Warnings.Count)}" : "";
            AnsiConsole.MarkupLine($"[green]ok[/]: {file.Datasets.Count} datasets, {file.Populations.Count} populations, {file.Metrics.Count} metrics, {file.Goals.Count} goals{warned}");
            return 0;
        }));
        return command;
    }
}
