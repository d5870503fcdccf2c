using System.Diagnostics;
using System.Globalization;
using Styrkort.Bench;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Warehouse;
using Styrkort.Samples.Almi;

// Measures the engine as ratios against references run in the same process on the same data,
// so that the figures compare across machines: see bench/README.md.
var options = BenchOptions.Parse(args);
var work = Directory.CreateTempSubdirectory("styrkort-bench-").FullName;
try
{
    var data = options.Data ?? Path.Combine(work, "data");
    if (options.Data is null)
    {
        Console.Error.WriteLine($"generating {options.Companies:N0} companies …");
        AlmiSampleGenerator.Write(data, new AlmiSampleOptions(Companies: options.Companies, Seed: 7));
    }
    var file = GoalFileReader.Read(options.Goals);
    var period = Period.Parse(options.Period);
    var results = new List<(string Name, double Seconds, double Reference, string ReferenceName)>();

    // Import (read, check every cell, keys, references, unit tree) against DuckDB's own CSV load of the same files.
    var importSeconds = Median(options.Runs, () =>
    {
        var path = Path.Combine(work, $"w{Guid.NewGuid():N}.duckdb");
        using var warehouse = Warehouse.Open(path);
        return Time(() => warehouse.Import(file, data, TimeProvider.System));
    });
    var loadSeconds = Median(options.Runs, () => Time(() => References.PlainLoad(file, data, Path.Combine(work, $"p{Guid.NewGuid():N}.duckdb"))));
    results.Add(("import", importSeconds, loadSeconds, "plain read_csv of the same files"));

    var warehousePath = Path.Combine(work, "bench.duckdb");
    using (var w = Warehouse.Open(warehousePath)) w.Import(file, data, TimeProvider.System);
    using var store = Warehouse.Open(warehousePath);
    var evaluator = new Evaluator(file, store);
    evaluator.Evaluate(period); // warm-up
    var evaluateSeconds = Median(options.Runs, () => Time(() => evaluator.Evaluate(period)));
    var scanSeconds = Median(options.Runs, () => Time(() => References.ScanAll(store, file)));
    results.Add(("evaluate all goals × units", evaluateSeconds, scanSeconds, "one full scan of every dataset"));

    var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
    Console.WriteLine($"# Styrkort bench — {options.Companies:N0} companies, period {period}, median of {options.Runs} runs");
    Console.WriteLine();
    Console.WriteLine("| measure | seconds | reference | reference seconds | ratio |");
    Console.WriteLine("|---|---:|---|---:|---:|");
    foreach (var r in results)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Seconds:F3} | {r.ReferenceName} | {r.Reference:F3} | {r.Seconds / r.Reference:F2} |"));
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {peak:F0} MiB"));
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static double Time(Action action)
{
    var sw = Stopwatch.StartNew();
    action();
    return sw.Elapsed.TotalSeconds;
}

static double Median(int runs, Func<double> measure)
{
    var values = Enumerable.Range(0, runs).Select(_ => measure()).Order().ToList();
    return values[values.Count / 2];
}
