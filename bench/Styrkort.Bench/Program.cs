using System.Diagnostics;
using System.Globalization;
using Styrkort.Bench;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Warehouse;

// Measures the engine as ratios against references on the same data, so that the figures compare across machines:
// the classic ratios (import against plain read_csv, evaluation against one scan of everything) and, for issue 8,
// the engine against hand-written SQL for the same answers (bench/reference). See bench/README.md.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
if (options.Cold is not null) return ColdRun.Child(options);

var file = GoalFileReader.Read(options.Goals);
var period = Period.Parse(options.Period);
var measures = options.Measures;
var scaling = new List<Scaling>();
var failed = false;
var work = Directory.CreateTempSubdirectory("styrkort-bench-").FullName;
using var postgresServer = options.Engine == "postgresql" && options.Postgres is null ? new BenchPostgres() : null;
try
{
    // Smallest first: the warm process's peak working set only grows, so each row holds the largest size so far: its own.
    foreach (var companies in options.Companies.Order())
    {
        var data = BenchData.Prepare(options, companies, file, work);
        if (options.Engine == "postgresql")
        {
            failed |= !PostgresRun.Measure(options, file, period, data, companies, work, postgresServer);
            continue;
        }
        Console.WriteLine($"# Styrkort bench — {options.Size(companies)}, period {period}, {options.Runs} run(s)");
        Console.WriteLine();
        if (measures.Contains("import") || measures.Contains("evaluate"))
            Classic(data, companies);
        if (measures.Contains("periods")) Periods(data, companies);
        if (!(measures.Contains("check") || measures.Contains("warm") || measures.Contains("cold"))) continue;

        var reference = ReferenceQuery.Load(options.Reference, file, period);
        var row = new Scaling(companies);
        using (var store = Styrkort.Core.Warehouse.DuckDb.DuckDbWarehouse.Open(data.Warehouse))
        {
            if (measures.Contains("check"))
            {
                Console.WriteLine("check: the engine against the hand-written SQL, every metric × unit, to 1e-9 relative");
                var engineValues = EngineValues.Of(file, new Evaluator(file, store).Evaluate(period));
                var referenceValues = reference.Run(store.Connection);
                var agree = Agreement.Check(engineValues, referenceValues, Console.Out);
                Console.WriteLine(agree ? "check: every value agrees" : "check: FAILED, values differ (above)");
                Console.WriteLine();
                failed |= !agree;
            }
            if (measures.Contains("warm"))
            {
                // One of each first: the first run pays for loading the table data into DuckDB's buffers.
                new Evaluator(file, store).Evaluate(period);
                reference.Run(store.Connection);
                var (engine, handWritten) = Interleaved(options.Runs,
                    () => Time(() => new Evaluator(file, store).Evaluate(period)),
                    () => Time(() => reference.Run(store.Connection)));
                row = row with
                {
                    EngineWarm = Median(engine), ReferenceWarm = Median(handWritten), WarmPeak = Process.GetCurrentProcess().PeakWorkingSet64,
                    FastestWarm = (engine.Min(), handWritten.Min()),
                };
            }
        }
        if (measures.Contains("cold"))
        {
            // Only now: the children open the warehouse file, which one process at a time may hold.
            var engine = new List<(double Seconds, long Peak)>();
            var handWritten = new List<(double Seconds, long Peak)>();
            var open = new List<(double Seconds, long Peak)>();
            for (var i = 0; i < options.Runs; i++)
            {
                engine.Add(ColdRun.Measure("engine", options, data.Warehouse));
                handWritten.Add(ColdRun.Measure("reference", options, data.Warehouse));
                open.Add(ColdRun.Measure("open", options, data.Warehouse));
            }
            row = row with
            {
                EngineCold = Median(engine.Select(e => e.Seconds)), ReferenceCold = Median(handWritten.Select(e => e.Seconds)),
                EngineColdPeak = engine.Max(e => e.Peak), ReferenceColdPeak = handWritten.Max(e => e.Peak),
                OpenCold = Median(open.Select(e => e.Seconds)),
                FastestCold = (engine.Min(e => e.Seconds), handWritten.Min(e => e.Seconds)),
            };
        }
        scaling.Add(row);
        if (row.EngineWarm is not null || row.EngineCold is not null) Print([row]);
    }
    if (scaling.Count > 1)
    {
        Console.WriteLine($"# Scaling — period {period}, medians of {options.Runs} interleaved pair(s) per size");
        Console.WriteLine();
        Print(scaling);
    }
    return failed ? 2 : 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

void Classic(BenchData data, int companies)
{
    var results = new List<(string Name, double Seconds, double Reference, string ReferenceName)>();
    if (measures.Contains("import"))
    {
        // Import (read, check every cell, keys, references, unit tree) against DuckDB's own CSV load of the same files.
        var importSeconds = Median(Enumerable.Range(0, options.Runs).Select(_ =>
        {
            var path = Path.Combine(work, $"w{Guid.NewGuid():N}.duckdb");
            double seconds;
            using (var warehouse = Warehouse.Open(path)) seconds = Time(() => warehouse.Import(file, data.Csv, TimeProvider.System));
            File.Delete(path);
            return seconds;
        }).ToList());
        var loadSeconds = Median(Enumerable.Range(0, options.Runs).Select(_ =>
        {
            var path = Path.Combine(work, $"p{Guid.NewGuid():N}.duckdb");
            var seconds = Time(() => References.PlainLoad(file, data.Csv, path));
            File.Delete(path);
            return seconds;
        }).ToList());
        results.Add(("import", importSeconds, loadSeconds, "plain read_csv of the same files"));
    }
    if (measures.Contains("evaluate"))
    {
        using var store = Styrkort.Core.Warehouse.DuckDb.DuckDbWarehouse.Open(data.Warehouse);
        var evaluator = new Evaluator(file, store);
        evaluator.Evaluate(period); // warm-up
        var evaluateSeconds = Median(Enumerable.Range(0, options.Runs).Select(_ => Time(() => evaluator.Evaluate(period))).ToList());
        var scanSeconds = Median(Enumerable.Range(0, options.Runs).Select(_ => Time(() => References.ScanAll(store, file))).ToList());
        results.Add(("evaluate all goals × units", evaluateSeconds, scanSeconds, "one full scan of every dataset"));
    }
    Console.WriteLine("| measure | seconds | reference | reference seconds | ratio |");
    Console.WriteLine("|---|---:|---|---:|---:|");
    foreach (var r in results)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Seconds:F3} | {r.ReferenceName} | {r.Reference:F3} | {r.Seconds / r.Reference:F2} |"));
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB"));
    Console.WriteLine();
}

static (List<double> A, List<double> B) Interleaved(int runs, Func<double> a, Func<double> b)
{
    var (timesA, timesB) = (new List<double>(), new List<double>());
    for (var i = 0; i < runs; i++)
    {
        timesA.Add(a());
        timesB.Add(b());
    }
    return (timesA, timesB);
}

// A goal page's eight quarters (and a board report's periods): one by one, as eight evaluations, against one plan.
void Periods(BenchData data, int companies)
{
    var quarters = new List<Period> { period };
    while (quarters.Count < 8) quarters.Insert(0, quarters[0].Previous());
    using var store = Styrkort.Core.Warehouse.DuckDb.DuckDbWarehouse.Open(data.Warehouse);
    var evaluator = new Evaluator(file, store);
    evaluator.Evaluate(quarters, null, CancellationToken.None);
    var (separate, together) = Interleaved(options.Runs,
        () => Time(() => { foreach (var q in quarters) evaluator.Evaluate(q); }),
        () => Time(() => evaluator.Evaluate(quarters, null, CancellationToken.None)));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"periods, {options.Size(companies)}: {quarters[0]}–{quarters[^1]} one by one {Median(separate):F3} s, in one plan {Median(together):F3} s " +
        $"= {Median(together) / Median(separate) * quarters.Count:F1} evaluations' worth"));
    Console.WriteLine();
}

static double Time(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed.TotalSeconds;
}

// With an even count, the mean of the two middle values.
static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static void Print(IEnumerable<Scaling> rows)
{
    Console.WriteLine("| companies | engine warm s | reference warm s | warm ratio | engine cold s | reference cold s | cold ratio | cold floor s | peak MiB warm process | peak MiB cold engine | peak MiB cold reference |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var r in rows)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {r.Companies:N0} | {S(r.EngineWarm)} | {S(r.ReferenceWarm)} | {Ratio(r.EngineWarm, r.ReferenceWarm)} | {S(r.EngineCold)} | {S(r.ReferenceCold)} | {Ratio(r.EngineCold, r.ReferenceCold)} | {S(r.OpenCold)} | {M(r.WarmPeak)} | {M(r.EngineColdPeak)} | {M(r.ReferenceColdPeak)} |"));
    Console.WriteLine();
    // On a shared machine the medians carry the neighbours' load; the fastest runs are the least disturbed.
    foreach (var r in rows.Where(r => r.FastestWarm is not null || r.FastestCold is not null))
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fastest runs, {r.Companies:N0}: warm {S(r.FastestWarm?.Engine)} / {S(r.FastestWarm?.Reference)} = {Ratio(r.FastestWarm?.Engine, r.FastestWarm?.Reference)}, cold {S(r.FastestCold?.Engine)} / {S(r.FastestCold?.Reference)} = {Ratio(r.FastestCold?.Engine, r.FastestCold?.Reference)}"));
    Console.WriteLine();

    static string S(double? s) => s is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "–";
    static string Ratio(double? a, double? b) => a is { } x && b is { } y ? (x / y).ToString("F2", CultureInfo.InvariantCulture) + "×" : "–";
    static string M(long? bytes) => bytes is { } b ? (b / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) : "–";
}

/// <summary>One size's row of the issue-8 table; a measure not taken stays null.</summary>
internal sealed record Scaling(
    int Companies, double? EngineWarm = null, double? ReferenceWarm = null, long? WarmPeak = null,
    double? EngineCold = null, double? ReferenceCold = null, long? EngineColdPeak = null, long? ReferenceColdPeak = null,
    double? OpenCold = null, (double Engine, double Reference)? FastestWarm = null, (double Engine, double Reference)? FastestCold = null);
