using Styrkort.Core.Binding;
using Styrkort.Core.Periods;
using Styrkort.Core.Sql;
using static Styrkort.Core.Sql.Sql;

namespace Styrkort.Core.Planning;

/// <summary>A metric to compute, and the dimensions to break it down by.</summary>
public sealed record MetricRequest(string Metric, IReadOnlyList<Dimension> Breakdowns);

/// <summary>
/// The one query of an evaluation: every requested metric for every unit and period, and their breakdowns, as rows
/// (period, metric, unit, dimension, segment, exact value, approximate value). Periods whose named values agree share
/// their steps (the same query text is the same step).
/// </summary>
public sealed class EvaluationPlan
{
    private EvaluationPlan(SqlQuery query, IReadOnlyList<MetricRequest> metrics) => (Query, Metrics) = (query, metrics);

    public SqlQuery Query { get; }
    public IReadOnlyList<MetricRequest> Metrics { get; }

    /// <param name="values">Per period, the named values as typed constants; null plans them as CTEs instead.</param>
    public static EvaluationPlan Create(BoundGoalFile bound, IReadOnlyList<Period> periods, IReadOnlyList<MetricRequest> metrics,
        IReadOnlyList<IReadOnlyDictionary<string, SqlExpr>>? values)
    {
        var planner = new Planner(bound);
        var parts = new List<SqlQueryBody>();
        for (var p = 0; p < periods.Count; p++)
        {
            var constants = values?[p];
            var scalars = constants is null ? planner.WithValueCtes(periods[p]) : new PeriodScalars(periods[p], name => constants[name]);
            var columns = new List<(string, SqlExpr)>();
            var nodes = new List<AggregateNode>();
            for (var m = 0; m < metrics.Count; m++)
            {
                var (value, used, _) = planner.MetricValue(metrics[m].Metric, scalars, null);
                columns.Add(($"m{m}", value));
                nodes.AddRange(used);
            }
            var totals = planner.Totals(columns, nodes);
            for (var m = 0; m < metrics.Count; m++)
                parts.Add(Row(p, m, null, bound.IsExact(metrics[m].Metric), new SqlTable(totals.Name, "t"), Col("t", "unit_id"), null, Col("t", $"m{m}")));
            for (var m = 0; m < metrics.Count; m++)
                for (var d = 0; d < metrics[m].Breakdowns.Count; d++)
                {
                    var (value, used, wholes) = planner.MetricValue(metrics[m].Metric, scalars, metrics[m].Breakdowns[d]);
                    if (planner.Segments(value, used, wholes) is not { } segments) continue;
                    parts.Add(Row(p, m, d, bound.IsExact(metrics[m].Metric), new SqlDerived(segments, "s"), Col("s", "unit_id"), Col("s", "seg"), Col("s", "v")));
                }
        }
        SqlQueryBody body = parts.Count == 1 ? parts[0] : new SqlUnion(parts, All: true);
        return new EvaluationPlan(new SqlQuery(planner.Ctes(), body), metrics);
    }

    private static SqlSelect Row(int period, int metric, int? dimension, bool exact, SqlSource from, SqlExpr unit, SqlExpr? segment, SqlExpr value) => new(
    [
        new(Lit((long)period), "p"),
        new(Lit((long)metric), "m"),
        new(unit, "unit_id"),
        new(new SqlCast(dimension is { } d ? Lit((long)d) : Lit(null), SqlType.BigInt), "d"),
        new(new SqlCast(segment ?? Lit(null), SqlType.Text), "seg"),
        new(new SqlCast(exact ? value : Lit(null), SqlType.Decimal), "exact"),
        new(new SqlCast(exact ? Lit(null) : value, SqlType.Double), "approx"),
    ], from, []);

    /// <summary>The query that reads every named value of a period, with the type the database gives it.</summary>
    public static (SqlQuery Query, IReadOnlyList<string> Names) ValuesQuery(BoundGoalFile bound, Period period)
    {
        var planner = new Planner(bound);
        var scalars = planner.WithValueCtes(period);
        var names = bound.Values.Keys.ToList();
        var items = new List<SqlSelectItem>();
        for (var i = 0; i < names.Count; i++)
        {
            var value = planner.ValueCte(names[i], scalars);
            items.Add(new SqlSelectItem(value, $"v{i}"));
            items.Add(new SqlSelectItem(Func("typeof", value), $"t{i}"));
        }
        return (new SqlQuery(planner.Ctes(), new SqlSelect(items, null, [])), names);
    }
}
