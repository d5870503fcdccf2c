using System.Globalization;
using System.Data.Common;
using Styrkort.Core.Binding;
using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Planning;
using Styrkort.Core.Sql;

namespace Styrkort.Core.Evaluation;

/// <summary>
/// Evaluates every goal for every unit of one or more periods: the goal file's named values first (one small query per
/// period), then one planned query for all metrics, units, periods and breakdowns.
/// </summary>
/// <param name="decidedLevels">Board levels decided outside the warehouse (in the app store), by (goal, unit, year);
/// they take precedence over the warehouse's target-level table.</param>
public sealed partial class Evaluator(GoalFile file, Warehouse.IWarehouse warehouse, IReadOnlyDictionary<(string Goal, string Unit, int Year), decimal>? decidedLevels = null)
{
    /// <summary>Dimensions to break down every goal by whose metric allows it (<c>evaluate --by</c>), beside the goals' own.</summary>
    public IReadOnlyList<string> By { get; init; } = [];

    public Evaluation Evaluate(Period period, string? subtreeOf = null) => Evaluate(period, subtreeOf, CancellationToken.None);

    /// <summary>
    /// As <see cref="Evaluate(Period, string?)"/>; when <paramref name="cancellation"/> fires, the running query is
    /// interrupted and an <see cref="OperationCanceledException"/> thrown. Evaluation only reads, so nothing is left half done.
    /// </summary>
    public Evaluation Evaluate(Period period, string? subtreeOf, CancellationToken cancellation) => Evaluate([period], subtreeOf, cancellation)[0];

    /// <summary>Several periods in one plan: what they share (a population, a year's facts) is computed once.</summary>
    public IReadOnlyList<Evaluation> Evaluate(IReadOnlyList<Period> periods, string? subtreeOf, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        using var interrupt = cancellation.Register(warehouse.Interrupt);
        try
        {
            return Run(periods, subtreeOf, cancellation);
        }
        catch (Exception e) when (cancellation.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("the evaluation was cancelled", e, cancellation);
        }
    }

    /// <summary>The SQL an evaluation of these periods runs, after its named values are read (for engineers: <c>evaluate --plan</c>).</summary>
    public string Explain(IReadOnlyList<Period> periods, SqlDialect? dialect = null)
    {
        var bound = BoundGoalFile.Of(file).ThrowIfErrors();
        var requests = Requests(bound);
        if (periods.Count == 0 || requests.Count == 0) return "-- nothing to evaluate";
        return (dialect ?? warehouse.Dialect).Render(Plan(bound, requests, periods, CancellationToken.None).Query);
    }

    private IReadOnlyList<Evaluation> Run(IReadOnlyList<Period> periods, string? subtreeOf, CancellationToken cancellation)
    {
        var bound = BoundGoalFile.Of(file).ThrowIfErrors();
        var units = warehouse.Units().ToList();
        if (subtreeOf is not null)
        {
            if (units.All(u => u.Id != subtreeOf))
                throw new ArgumentException($"unknown unit '{subtreeOf}'; units: {string.Join(", ", units.Select(u => u.Id))}");
            var inside = warehouse.Subtree(subtreeOf);
            units = units.Where(u => inside.Contains(u.Id)).ToList();
        }

        var scopes = file.Goals.ToDictionary(g => g.Id, g => GoalScope.Units(file, g, warehouse), StringComparer.Ordinal);
        var levels = Levels();
        var requests = Requests(bound);
        var rows = Compute(bound, requests, periods, cancellation);

        var results = new List<Evaluation>();
        for (var p = 0; p < periods.Count; p++)
        {
            var period = periods[p];
            var metricValues = requests.Select(_ => new Dictionary<string, Quantity>(StringComparer.Ordinal)).ToList();
            var segments = new Dictionary<(int Metric, int Dimension, string Unit), List<Segment>>();
            foreach (var row in rows.Where(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture) == p))
            {
                var m = Convert.ToInt32(row[1], CultureInfo.InvariantCulture);
                var unit = (string)row[2]!;
                var value = ValueOf(row);
                if (row[3] is null)
                {
                    if (value is { } v) metricValues[m][unit] = v;
                    continue;
                }
                var d = Convert.ToInt32(row[3], CultureInfo.InvariantCulture);
                var key = (m, d, unit);
                if (!segments.TryGetValue(key, out var list)) segments[key] = list = [];
                list.Add(new Segment(SegmentKey(requests[m].Breakdowns[d], (string?)row[4]), value));
            }
            var byMetric = requests.Select((r, i) => (r.Metric, i)).ToDictionary(x => x.Metric, x => x.i, StringComparer.OrdinalIgnoreCase);
            var outcomes = new List<Outcome>();
            var breakdowns = new List<GoalBreakdown>();
            foreach (var goal in file.Goals)
            {
                var m = byMetric[goal.Metric];
                var followed = scopes[goal.Id];
                foreach (var unit in units)
                {
                    // A goal for some units only has no result elsewhere: not a zero, not a status.
                    if (followed is not null && !followed.Contains(unit.Id)) continue;
                    Quantity? value = metricValues[m].TryGetValue(unit.Id, out var v) ? v : null;
                    double? comparison = goal.Comparison is { } c && metricValues[byMetric[c]].TryGetValue(unit.Id, out var cv) ? cv.AsDouble : null;
                    var level = goal.Target.FromDataset ? levels.For(goal, unit.Id, period) : null;
                    var judged = TargetJudge.Judge(goal, period, value, comparison, level);
                    outcomes.Add(new Outcome(goal.Id, unit.Id, value, comparison, judged.Status, TargetJudge.Scheduled(goal, period), judged.Target)
                    {
                        Band = judged.Band,
                    });
                    var dimensions = requests[m].Breakdowns;
                    for (var d = 0; d < dimensions.Count; d++)
                        if (GoalWants(goal, dimensions[d], bound))
                            breakdowns.Add(new GoalBreakdown(goal.Id, unit.Id, dimensions[d].Text,
                                Ordered(dimensions[d], segments.GetValueOrDefault((m, d, unit.Id)) ?? [])));
                }
            }
            results.Add(new Evaluation(period, units, outcomes) { Breakdowns = breakdowns });
        }
        return results;
    }

    /// <summary>
    /// Metrics without goals (the financial ratios of a company, a one-off look): per period, per metric, the value of
    /// every unit that has one — all in one plan.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyDictionary<string, Quantity>>> Metrics(
        IReadOnlyList<string> metrics, IReadOnlyList<Period> periods, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        using var interrupt = cancellation.Register(warehouse.Interrupt);
        var bound = BoundGoalFile.Of(file).ThrowIfErrors();
        var requests = metrics.Select(m => new MetricRequest(file.Metrics.Keys.FirstOrDefault(k => k.Equals(m, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"unknown metric '{m}'; metrics: {string.Join(", ", file.Metrics.Keys)}"), [])).ToList();
        var rows = Compute(bound, requests, periods, cancellation);
        var result = periods.Select(_ => requests.ToDictionary(r => r.Metric, _ => new Dictionary<string, Quantity>(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var row in rows)
        {
            if (row[3] is not null) continue;
            var value = ValueOf(row);
            if (value is { } v)
                result[Convert.ToInt32(row[0], CultureInfo.InvariantCulture)][requests[Convert.ToInt32(row[1], CultureInfo.InvariantCulture)].Metric][(string)row[2]!] = v;
        }
        return result.Select(p => (IReadOnlyDictionary<string, IReadOnlyDictionary<string, Quantity>>)p.ToDictionary(
            m => m.Key, m => (IReadOnlyDictionary<string, Quantity>)m.Value, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The named values of each period, then the one planned query; its rows (period, metric, unit, dimension, segment, exact, approximate).</summary>
    private List<object?[]> Compute(BoundGoalFile bound, IReadOnlyList<MetricRequest> requests, IReadOnlyList<Period> periods, CancellationToken cancellation)
    {
        if (periods.Count == 0 || requests.Count == 0) return [];
        return Query(Plan(bound, requests, periods, cancellation), periods, cancellation);
    }

    /// <summary>The periods' named values read as constants (or, when they cannot be, planned as CTEs), then the plan.</summary>
    private EvaluationPlan Plan(BoundGoalFile bound, IReadOnlyList<MetricRequest> requests, IReadOnlyList<Period> periods, CancellationToken cancellation)
    {
        var values = periods.Select(p => Values(bound, p, cancellation)).ToList();
        var constants = values.Any(v => v is null) ? null : values.Select(v => (IReadOnlyDictionary<string, SqlExpr>)v!).ToList();
        return EvaluationPlan.Create(bound, periods, requests, constants);
    }

    /// <summary>A row's value: the exact column for metrics of amounts and counts, the approximate one otherwise.</summary>
    private static Quantity? ValueOf(object?[] row) =>
        row[5] is { } exact ? Quantity.Of(exact) : row[6] is { } approx ? Quantity.Of(approx) : null;

    /// <summary>Every metric the goals need (value and comparison), each with the dimensions some goal breaks it down by.</summary>
    private List<MetricRequest> Requests(BoundGoalFile bound)
    {
        if (By.Count > Limits.Breakdowns) throw new ArgumentException($"at most {Limits.Breakdowns} breakdown dimensions at once, not {By.Count}");
        var names = file.Goals.SelectMany(g => g.Comparison is null ? [g.Metric] : new[] { g.Metric, g.Comparison })
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return names.Select(name =>
        {
            var texts = file.Goals.Where(g => g.Metric.Equals(name, StringComparison.OrdinalIgnoreCase))
                .SelectMany(g => g.Breakdown.Select(b => b.Text)).Concat(By).Distinct(StringComparer.OrdinalIgnoreCase);
            var dimensions = texts.Select(t => bound.Breakdown(name, t, out _)).OfType<Dimension>()
                .DistinctBy(d => d.Text, StringComparer.OrdinalIgnoreCase).ToList();
            return new MetricRequest(name, dimensions);
        }).ToList();
    }

    private bool GoalWants(Goal goal, Dimension dimension, BoundGoalFile bound) =>
        goal.Breakdown.Any(b => b.Text.Equals(dimension.Text, StringComparison.OrdinalIgnoreCase))
        || By.Any(b => b.Equals(dimension.Text, StringComparison.OrdinalIgnoreCase));

    /// <summary>The period's named values as constants typed as the database types them; null when they cannot be read so.</summary>
    private Dictionary<string, SqlExpr>? Values(BoundGoalFile bound, Period period, CancellationToken cancellation)
    {
        if (bound.Values.Count == 0) return [];
        cancellation.ThrowIfCancellationRequested();
        var (query, names) = EvaluationPlan.ValuesQuery(bound, period);
        List<object?[]> rows;
        try
        {
            rows = warehouse.Rows(query);
        }
        catch (Exception e) when (e is DbException && !cancellation.IsCancellationRequested)
        {
            return null; // planned as CTEs instead; the evaluation then names the metric that cannot be computed
        }
        var values = new Dictionary<string, SqlExpr>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            var value = rows[0][2 * i] switch
            {
                null or long or int or short or decimal or double or bool or string or DateOnly => rows[0][2 * i],
                DateTime t => DateOnly.FromDateTime(t),
                _ => (object?)this,
            };
            if (ReferenceEquals(value, this)) return null;
            values[names[i]] = new SqlTypedLiteral(value is int or short ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : value, (string)rows[0][2 * i + 1]!);
        }
        return values;
    }

    private List<object?[]> Query(EvaluationPlan plan, IReadOnlyList<Period> periods, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        try
        {
            return warehouse.Rows(plan.Query);
        }
        catch (Exception e) when (e is DbException or InsufficientExecutionStackException && !cancellation.IsCancellationRequested)
        {
            // A formula can ask for what the data cannot give (a date past the calendar, a sum past 38 digits): find
            // the metric, one at a time, and name it and where it is written, not the SQL.
            foreach (var request in plan.Metrics.Where(r => file.Metrics.ContainsKey(r.Metric)))
                foreach (var period in periods)
                    try
                    {
                        warehouse.Rows(MetricCompiler.Compile(file, request.Metric, period).Query);
                    }
                    catch (Exception inner) when (inner is DbException or InsufficientExecutionStackException)
                    {
                        var formula = file.Metrics[request.Metric].Formula;
                        throw new StyrkortException(formula.Location, $"metric '{request.Metric}' cannot be computed for {period}: {inner.Message.Split('\n')[0]}");
                    }
            throw new StyrkortException(new SourceLocation(file.Path, 0, 0), $"the goals cannot be computed for {string.Join(", ", periods)}: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>A segment's key in its column's own type: codes, text and dates as text, numbers as numbers.</summary>
    private static object? SegmentKey(Dimension dimension, string? text)
    {
        if (text is null) return null;
        return dimension.Column.Type switch
        {
            ColumnType.Integer or ColumnType.Year when long.TryParse(text, CultureInfo.InvariantCulture, out var l) => l,
            ColumnType.Decimal or ColumnType.Number when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            ColumnType.Boolean => text.Equals("true", StringComparison.OrdinalIgnoreCase),
            ColumnType.Month when text.Length >= 7 => text[..7],
            _ => text,
        };
    }

    // Codes in the goal file's order (start, expansion, established), other keys in their natural order, the empty key last.
    private static IReadOnlyList<Segment> Ordered(Dimension dimension, List<Segment> segments) =>
        segments.OrderBy(s => s.Key is null)
            .ThenBy(s => dimension.Column.Type == ColumnType.Code && s.Key is string k ? IndexOf(dimension.Column.Codes, k) : 0)
            .ThenBy(s => s.Key, SegmentKeyComparer.Instance).ToList();

    private static int IndexOf(IReadOnlyList<string> codes, string key)
    {
        for (var i = 0; i < codes.Count; i++) if (codes[i] == key) return i;
        return codes.Count;
    }

    private sealed class SegmentKeyComparer : IComparer<object?>
    {
        public static readonly SegmentKeyComparer Instance = new();
        public int Compare(object? x, object? y) => (x, y) switch
        {
            (long a, long b) => a.CompareTo(b),
            (decimal a, decimal b) => a.CompareTo(b),
            (bool a, bool b) => a.CompareTo(b),
            _ => string.CompareOrdinal(x?.ToString(), y?.ToString()),
        };
    }

    /// <summary>The levels of target_levels (and those decided by the board), read once for all periods.</summary>
    private TargetLevelBook Levels() =>
        file.TargetLevels is { } source && file.Goals.Any(g => g.Target.FromDataset)
            ? TargetLevelBook.Of(file, warehouse.TargetLevels(source), decidedLevels)
            : TargetLevelBook.Empty;
}
