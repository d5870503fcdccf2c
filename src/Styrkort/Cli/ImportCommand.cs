using Styrkort.Core.Formatting;
using System.CommandLine;
using Spectre.Console;
using Styrkort.Core.Warehouse;

namespace Styrkort.Cli;

internal static class ImportCommand
{
    public static Command Create()
    {
        var goals = new Option<string?>("--goals") { Description = "The goal file (YAML) declaring the datasets; default: goals.yaml in the --data folder" };
        var data = new Option<string>("--data") { Description = "A folder of CSV files", Required = true };
        var warehouse = new Option<string>("--warehouse") { Description = "The warehouse to create or update: a DuckDB file, or postgresql://user:password@host:port/database", Required = true };
        var command = new Command("import", "Load a folder of CSV files into a warehouse (DuckDB or PostgreSQL), all or nothing") { goals, data, warehouse };
        command.SetAction(p => Commands.Guard(() =>
        {
            var file = EvaluateCommand.Load(ShippedFiles.GoalFileFor(p.GetValue(goals), p.GetValue(data)));
            using var store = Warehouse.Open(p.GetValue(warehouse));
            var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            var progress = new Progress<ImportProgress>(x => err.MarkupLine($"[grey]({x.Index}/{x.Count}) {Markup.Escape(x.Dataset)}[/]"));
            var imported = store.Import(file, p.GetValue(data)!, TimeProvider.System, progress);
            var table = new Table().AddColumns("dataset", "file", "format", "rows", "sha256");
            table.Columns[3].RightAligned();
            table.Columns[2].NoWrap();
            table.Columns[4].NoWrap();
            foreach (var f in imported)
                table.AddRow(f.Dataset, Markup.Escape(f.File), Markup.Escape(f.Format?.Describe() ?? ""), f.Rows.ToString("N0", SwedishFormat.Numbers), f.Sha256[..12]);
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[green]imported[/] {imported.Count} file(s) into {Markup.Escape(Warehouse.Describe(p.GetValue(warehouse)!))}");
            return 0;
        }));
        return command;
    }
}
