using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Warehouse;
using Styrkort.Core.Warehouse.DuckDb;

namespace Styrkort.Bench;

/// <summary>
/// Cold runs: a whole process that starts, opens the warehouse, runs one side once and exits, timed from outside.
/// The parent starts this same program with --cold; the child prints its peak working set on its last line.
/// </summary>
internal static class ColdRun
{
    private const string PeakPrefix = "peak_working_set_bytes=";

    /// <summary>The child's side: run once, print the peak.</summary>
    public static int Child(BenchOptions options)
    {
        var file = GoalFileReader.Read(options.Goals);
        var period = Period.Parse(options.Period);
        // A DuckDB file or a PostgreSQL URL; the hand-written reference is DuckDB SQL and runs on DuckDB only.
        using (var warehouse = Warehouse.Open(options.Warehouse))
        {
            var values = options.Cold switch
            {
                "engine" => new Evaluator(file, warehouse).Evaluate(period).Outcomes.Count,
                "reference" => ReferenceQuery.Load(options.Reference, file, period).Run(((DuckDbWarehouse)warehouse).Connection).Count,
                "import" => warehouse.Import(file, options.Data!, TimeProvider.System).Count,
                _ => 1, // "open": what every cold run pays before it computes anything
            };
            if (values == 0) throw new InvalidOperationException("no values");
        }
        Console.WriteLine(PeakPrefix + Process.GetCurrentProcess().PeakWorkingSet64.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>The parent's side: the child's wall time, start to exit, and its peak working set.</summary>
    public static (double Seconds, long PeakBytes) Measure(string side, BenchOptions options, string warehouse, string? data = null)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Under `dotnet Styrkort.Bench.dll` the process is the dotnet host and the program its first argument;
        // under the apphost the program is the process itself.
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        start.FileName = host;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("no entry assembly"));
        foreach (var a in new[] { "--cold", side, "--warehouse", warehouse, "--goals", options.Goals, "--period", options.Period, "--reference", options.Reference })
            start.ArgumentList.Add(a);
        if (data is not null)
        {
            start.ArgumentList.Add("--data");
            start.ArgumentList.Add(data);
        }
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException("the child did not start");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        child.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        if (child.ExitCode != 0)
            throw new InvalidOperationException($"cold {side} run failed ({child.ExitCode}): {stderr.Result}{stdout.Result}");
        var peak = stdout.Result.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(PeakPrefix, StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"cold {side} run printed no peak: {stdout.Result}");
        return (seconds, long.Parse(peak[PeakPrefix.Length..], CultureInfo.InvariantCulture));
    }
}
