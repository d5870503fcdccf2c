using Styrkort.Core.Formatting;
using System.CommandLine;
using Spectre.Console;
using Styrkort.Samples.Almi;
using Styrkort.Samples.Smb;

namespace Styrkort.Cli;

internal static class SampleCommand
{
    public static Command Create()
    {
        var outDir = new Option<string>("--out") { Description = "The folder to write the CSV files and the goal file (goals.yaml) to", Required = true };
        var companies = new Option<int>("--companies") { Description = "Companies in the population", DefaultValueFactory = _ => 20000 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same files", DefaultValueFactory = _ => 7 };
        var almi = new Command("almi", "The Företagspartner sample: units, companies, statements, loans, efforts, ledger, surveys, KYC, targets")
            { outDir, companies, seed };
        almi.SetAction(p => Commands.Guard(() =>
        {
            var count = p.GetValue(companies);
            if (count < 100) throw new ArgumentException("--companies must be at least 100");
            var options = new AlmiSampleOptions(Companies: count, Seed: p.GetValue(seed));
            GenerationSummary? summary = null;
            var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            err.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    summary = AlmiSampleGenerator.Write(p.GetValue(outDir)!, options, new SynchronousProgress<GenerationProgress>(x =>
                    {
                        if (!tasks.TryGetValue(x.File, out var task)) tasks[x.File] = task = ctx.AddTask(x.File, maxValue: Math.Max(1, x.Total));
                        task.Value = x.Done;
                    }));
                    foreach (var task in tasks.Values) task.Value = task.MaxValue;
                });
            // The goal file goes with its data, so that evaluate --data DIR needs nothing else (and no clone of the repository).
            File.Copy(ShippedFiles.AlmiGoals, Path.Combine(p.GetValue(outDir)!, ShippedFiles.GoalFileName), overwrite: true);
            foreach (var (file, rows) in summary!.RowsPerFile)
                Console.WriteLine($"{file,-28} {rows.ToString("N0", SwedishFormat.Numbers),12} rows");
            Console.WriteLine($"{ShippedFiles.GoalFileName,-28} {"the goal file",17}");
            return 0;
        }));
        return new Command("sample", "Write a sample data set") { almi, Smb() };
    }

    private static Command Smb()
    {
        var outDir = new Option<string>("--out") { Description = "The folder to write the CSV files, the SIE file and the goal file (goals.yaml) to", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same files", DefaultValueFactory = _ => new SmbSampleOptions().Seed };
        var smb = new Command("smb", "The small-company sample: staff, customers, invoices, funnel, campaigns, web, NPS, budgets, activities and its SIE file")
            { outDir, seed };
        smb.SetAction(p => Commands.Guard(() =>
        {
            var folder = p.GetValue(outDir)!;
            SmbSummary? summary = null;
            var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            err.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("smb", maxValue: 1);
                    summary = SmbSampleGenerator.Write(folder, new SmbSampleOptions(p.GetValue(seed)), new SynchronousProgress<SmbProgress>(x =>
                    {
                        task.MaxValue = x.Total;
                        task.Description = x.File;
                        task.Value = x.Done;
                    }));
                    task.Value = task.MaxValue;
                });
            // The goal file and its data declarations go with the data, so that evaluate --data DIR needs nothing else.
            foreach (var (shipped, name) in ShippedFiles.SmbSample)
                File.Copy(shipped, Path.Combine(folder, name), overwrite: true);
            foreach (var (file, rows) in summary!.RowsPerFile)
                Console.WriteLine($"{file,-28} {rows.ToString("N0", SwedishFormat.Numbers),12} rows");
            Console.WriteLine($"{SmbSampleGenerator.SieFile,-28} {"the accounts (SIE 4), also as sie_*.csv",17}");
            Console.WriteLine($"{ShippedFiles.GoalFileName,-28} {"the goal file",17}");
            return 0;
        }));
        return smb;
    }
}
