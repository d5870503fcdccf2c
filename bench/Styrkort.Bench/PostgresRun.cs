using System.Diagnostics;
using System.Globalization;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Warehouse;
using Styrkort.Core.Warehouse.DuckDb;

namespace Styrkort.Bench;

/// <summary>
/// <c>--engine postgresql</c>: one size imported into PostgreSQL and evaluated there, each against DuckDB in the same run
/// on the same files (the hand-written reference is DuckDB SQL, so PostgreSQL is compared with DuckDB's engine, not
/// with it). Imports and cold evaluations run in child processes, so each has its own peak working set; the server's
/// peak memory is sampled beside them when the bench started the server itself.
/// </summary>
internal static class PostgresRun
{
    private sealed record Run(double Seconds, long? Peak, long? ServerPeak);

    private sealed record Row(string Measure, IReadOnlyList<Run> Postgres, IReadOnlyList<Run> DuckDb);

    /// <summary>Measures and prints one size; false when the engines' values differ.</summary>
    public static bool Measure(BenchOptions options, GoalFile file, Period period, BenchData data, int companies, string work, BenchPostgres? server)
    {
        var url = options.Postgres ?? server!.NewDatabase($"bench_{companies}");
        var measures = options.Measures;
        var rows = new List<Row>();
        var agree = true;
        Console.WriteLine($"# Styrkort bench on PostgreSQL ({Warehouse.Describe(url)}) — {options.Size(companies)}, period {period}, {options.Runs} run(s), against DuckDB in the same run");
        Console.WriteLine();
        var loadBefore = LoadAverage();

        // The first import fills the empty database (and is what the evaluations read); the next ones replace its tables.
        var (postgresImports, duckImports) = (new List<Run>(), new List<Run>());
        var imports = measures.Contains("import") ? options.Runs : 1;
        for (var i = 0; i < imports; i++)
        {
            postgresImports.Add(Sampled(server, () => ColdRun.Measure("import", options, url, data.Csv)));
            if (!measures.Contains("import")) break;
            var path = Path.Combine(work, $"i{Guid.NewGuid():N}.duckdb");
            var (seconds, peak) = ColdRun.Measure("import", options, path, data.Csv);
            duckImports.Add(new Run(seconds, peak, null));
            File.Delete(path);
        }
        if (measures.Contains("import")) rows.Add(new Row("import (child process)", postgresImports, duckImports));

        using (var postgres = Warehouse.Open(url))
        using (var duck = DuckDbWarehouse.Open(data.Warehouse))
        {
            if (measures.Contains("check"))
            {
                Console.WriteLine("check: PostgreSQL against DuckDB, every metric × unit, to 1e-9 relative");
                agree = Agreement.Check(EngineValues.Of(file, new Evaluator(file, postgres).Evaluate(period)),
                    EngineValues.Of(file, new Evaluator(file, duck).Evaluate(period)), Console.Out);
                Console.WriteLine(agree ? "check: every value agrees" : "check: FAILED, values differ (above)");
                Console.WriteLine();
            }
            if (measures.Contains("evaluate") || measures.Contains("warm"))
            {
                var (onPostgres, onDuck) = (new Evaluator(file, postgres), new Evaluator(file, duck));
                onPostgres.Evaluate(period);
                onDuck.Evaluate(period);
                var (a, b) = (new List<Run>(), new List<Run>());
                for (var i = 0; i < options.Runs; i++)
                {
                    a.Add(Sampled(server, () => (Time(() => onPostgres.Evaluate(period)), null)));
                    b.Add(new Run(Time(() => onDuck.Evaluate(period)), null, null));
                }
                rows.Add(new Row("evaluate warm (in process)", a, b));
            }
        }
        if (measures.Contains("cold"))
        {
            // A new process each time; PostgreSQL's shared buffers and the OS page cache stay warm, as DuckDB's file does in the page cache.
            var (a, b) = (new List<Run>(), new List<Run>());
            for (var i = 0; i < options.Runs; i++)
            {
                a.Add(Sampled(server, () => ColdRun.Measure("engine", options, url)));
                var (seconds, peak) = ColdRun.Measure("engine", options, data.Warehouse);
                b.Add(new Run(seconds, peak, null));
            }
            rows.Add(new Row("evaluate cold (child process)", a, b));
        }
        Print(rows);
        // On a shared machine the neighbours' load is part of every figure: say what it was.
        Console.WriteLine($"load average (1, 5, 15 min) before: {loadBefore}; after: {LoadAverage()}");
        Console.WriteLine();
        return agree;
    }

    private static Run Sampled(BenchPostgres? server, Func<(double Seconds, long? Peak)> action)
    {
        using var memory = server is null ? null : new ServerMemory(server.Processes);
        var (seconds, peak) = action();
        return new Run(seconds, peak, memory?.Peak());
    }

    private static void Print(IReadOnlyList<Row> rows)
    {
        Console.WriteLine("| measure | PostgreSQL s | DuckDB s | ratio | peak MiB Styrkort on PostgreSQL | peak MiB PostgreSQL server | peak MiB Styrkort on DuckDB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var (p, d) = (Median(r.Postgres.Select(x => x.Seconds)), r.DuckDb.Count > 0 ? Median(r.DuckDb.Select(x => x.Seconds)) : (double?)null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Measure} | {p:F3} | {S(d)} | {(d is { } v ? (p / v).ToString("F2", CultureInfo.InvariantCulture) + "×" : "–")} | {M(r.Postgres.Max(x => x.Peak))} | {M(r.Postgres.Max(x => x.ServerPeak))} | {M(r.DuckDb.Max(x => x.Peak))} |"));
        }
        Console.WriteLine();
        Console.WriteLine("(seconds: medians; peaks: the largest of the runs; server: its processes' private memory plus the shared buffers in use, sampled every 100 ms)");
        Console.WriteLine();

        static string S(double? s) => s is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "–";
        static string M(long? bytes) => bytes is { } b ? (b / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) : "–";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
