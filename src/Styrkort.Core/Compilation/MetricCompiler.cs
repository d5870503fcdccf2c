using Styrkort.Core.Binding;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Planning;
using Styrkort.Core.Sql;

namespace Styrkort.Core.Compilation;

/// <summary>One metric for one period, as a query returning (unit_id, value) for every unit.</summary>
public sealed record CompiledMetric(string Name, Period Period, SqlQuery Query, bool Exact)
{
    public string Sql(SqlDialect dialect) => dialect.Render(Query);
}

/// <summary>
/// One metric on its own, planned without a warehouse (named values become CTEs): for <c>check --sql</c>, the SQL
/// snapshots and tests. Evaluations plan all their metrics together (<see cref="Evaluation.Evaluator"/>).
/// </summary>
public static class MetricCompiler
{
    public static CompiledMetric Compile(GoalFile file, string metricName, Period period)
    {
        var bound = BoundGoalFile.Of(file).ThrowIfErrors();
        var name = file.Metrics.Keys.First(k => k.Equals(metricName, StringComparison.OrdinalIgnoreCase));
        var planner = new Planner(bound);
        var scalars = planner.WithValueCtes(period);
        var (value, nodes, _) = planner.MetricValue(name, scalars, null);
        var body = new SqlSelect(
            [new SqlSelectItem(Core.Sql.Sql.Col("u", "unit_id"), "unit_id"), new SqlSelectItem(value, "value")],
            new SqlTable("_units", "u"), Planner.UnitJoins(nodes, "u", segmented: false), OrderBy: [Core.Sql.Sql.Col("u", "unit_id")]);
        return new CompiledMetric(name, period, new SqlQuery(planner.Ctes(), body), bound.IsExact(name));
    }

    /// <summary>Binds every value and metric once, so that a goal file with a type or name error is rejected up front (the first error).</summary>
    public static void CheckAll(GoalFile file) => BoundGoalFile.Of(file).ThrowIfErrors();

    /// <summary>Every error in the goal file's formulas and breakdowns, in the order of the file.</summary>
    public static IReadOnlyList<Diagnostics.StyrkortException> Diagnostics(GoalFile file) => BoundGoalFile.Of(file).Diagnostics;
}
