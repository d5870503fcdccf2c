using System.Globalization;
using DuckDB.NET.Data;
using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Sql;
using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.Evaluation;

/// <summary>Evaluates every goal for every unit of a period: one query per metric, each for all units at once.</summary>
/// <param name="decidedLevels">Board levels decided outside the warehouse (in the app store), by (goal, unit, year);
/// they take precedence over the warehouse's target-level table.</param>
public sealed class Evaluator(GoalFile file, Warehouse.Warehouse warehouse, IReadOnlyDictionary<(string Goal, string Unit, int Year), decimal>? decidedLevels = null)
{
    public Evaluation Evaluate(Period period, string? subtreeOf = null) => Evaluate(period, subtreeOf, CancellationToken.None);

    /// <summary>
    /// As <see cref="Evaluate(Period, string?)"/>; when <paramref name="cancellation"/> fires, the running query is
    /// interrupted and an <see cref="OperationCanceledException"/> thrown. Evaluation only reads, so nothing is left half done.
    /// </summary>
    public Evaluation Evaluate(Period period, string? subtreeOf, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        using var interrupt = cancellation.Register(warehouse.Interrupt);
        try
        {
            return Run(period, subtreeOf, cancellation);
        }
        catch (Exception e) when (cancellation.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("the evaluation was cancelled", e, cancellation);
        }
    }

    private Evaluation Run(Period period, string? subtreeOf, CancellationToken cancellation)
    {
        var db = warehouse.Connection;
        var units = warehouse.Units().ToList();
        if (subtreeOf is not null)
        {
            if (units.All(u => u.Id != subtreeOf))
                throw new ArgumentException($"unknown unit '{subtreeOf}'; units: {string.Join(", ", units.Select(u => u.Id))}");
            var inside = db.Rows($"SELECT unit_id FROM _unit_closure WHERE ancestor = {Text(subtreeOf)}").Select(r => (string)r[0]!).ToHashSet();
            units = units.Where(u => inside.Contains(u.Id)).ToList();
        }

        var metricNames = file.Goals.SelectMany(g => g.Comparison is null ? [g.Metric] : new[] { g.Metric, g.Comparison }).Distinct().ToList();
        var values = new Dictionary<string, Dictionary<string, Quantity>>();
        foreach (var name in metricNames)
        {
            cancellation.ThrowIfCancellationRequested();
            values[name] = Run(MetricCompiler.Compile(file, name, period), cancellation);
        }
        var levels = BoardLevels(period.Year);

        var outcomes = new List<Outcome>();
        foreach (var goal in file.Goals)
            foreach (var unit in units)
            {
                Quantity? value = values[goal.Metric].TryGetValue(unit.Id, out var v) ? v : null;
                double? comparison = goal.Comparison is { } c && values[c].TryGetValue(unit.Id, out var cv) ? cv.AsDouble : null;
                decimal? level = levels.TryGetValue((goal.Id, unit.Id), out var l) ? l : null;
                var (status, target) = TargetJudge.Judge(goal, period, value, comparison, level);
                outcomes.Add(new Outcome(goal.Id, unit.Id, value, comparison, status, TargetJudge.Scheduled(goal, period), target));
            }
        return new Evaluation(period, units, outcomes);
    }

    private Dictionary<string, Quantity> Run(CompiledMetric metric, CancellationToken cancellation)
    {
        var result = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        List<object?[]> rows;
        try
        {
            rows = warehouse.Connection.Rows(metric.Sql(DuckDbDialect.Instance));
        }
        catch (Exception e) when (e is DuckDBException or InsufficientExecutionStackException && !cancellation.IsCancellationRequested)
        {
            // A formula can ask for what the data cannot give (a date past the calendar, a sum past 38 digits): name
            // the metric and where it is written, not the SQL.
            var formula = file.Metrics[metric.Name].Formula;
            throw new StyrkortException(formula.Location, $"metric '{metric.Name}' cannot be computed for {metric.Period}: {e.Message.Split('\n')[0]}");
        }
        foreach (var row in rows)
            if (row[1] is { } value) result[(string)row[0]!] = Quantity.Of(value);
        return result;
    }

    private Dictionary<(string, string), decimal> BoardLevels(int year)
    {
        var levels = new Dictionary<(string, string), decimal>();
        foreach (var ((goal, unit, y), level) in decidedLevels ?? new Dictionary<(string, string, int), decimal>())
            if (y == year) levels[(goal, unit)] = level;
        if (file.TargetLevels is not { } t) return levels;
        var sql = $"SELECT {Quote(t.Goal)}, {Quote(t.Unit)}, CAST({Quote(t.Level)} AS DECIMAL(38,6)) FROM {Quote(t.Dataset)} " +
                  $"WHERE {Quote(t.Year)} = {year} AND {Quote(t.Level)} IS NOT NULL";
        foreach (var r in warehouse.Connection.Rows(sql)) levels.TryAdd(((string)r[0]!, (string)r[1]!), (decimal)r[2]!);
        return levels;
    }
}
