using Styrkort.Core.Binding;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Sql;
using static Styrkort.Core.Sql.Sql;

namespace Styrkort.Core.Planning;

/// <summary>
/// The rows of one dataset that a metric reads for one unit and period: the dataset's own columns, filtered by exactly
/// the predicates the metric's planned SQL applies (the unit's subtree, the window, the aggregations' 'where', through
/// the same reference joins), ordered by the dataset's key.
/// </summary>
/// <param name="Population">The population whose member rows these are (the metric counts its entities among them); null
/// when the metric aggregates the rows themselves.</param>
/// <param name="SameForEveryUnit">A dataset without units: every unit reads the same rows.</param>
public sealed record TracedRows(Dataset Dataset, SqlQuery Rows, string? Population, bool SameForEveryUnit)
{
    /// <summary>The first <paramref name="count"/> rows.</summary>
    public SqlQuery First(long count) => Rows with { Body = ((SqlSelect)Rows.Body) with { Limit = count } };

    /// <summary>How many rows there are: one row, one column.</summary>
    public SqlQuery Count() => Rows with { Body = new SqlSelect([new SqlSelectItem(new SqlFunc("count_star", []), "n")], new SqlDerived(Unordered, "x"), []) };

    /// <summary>An aggregate over the rows (a check that they add up to the metric): <c>sum</c> of a column, one row, one column.</summary>
    public SqlQuery Aggregate(string function, string column) =>
        Rows with { Body = new SqlSelect([new SqlSelectItem(Func(function, Col("x", column)), "v")], new SqlDerived(Unordered, "x"), []) };

    private SqlSelect Unordered => ((SqlSelect)Rows.Body) with { OrderBy = null };
}

/// <summary>Why the rows behind part of a metric are not listed: the web page says so rather than show wrong rows.</summary>
public enum UntracedKind
{
    /// <summary>Values looked up per entity with at(…): which rows are read depends on each entity.</summary>
    Lookup,
    /// <summary>The entities of a population (its conditions are checked per entity, not per row).</summary>
    PopulationEntities,
    /// <summary>A comparison group drawn by region: every entity of the unit's regions, filtered per entity.</summary>
    RegionPopulation,
    /// <summary>The metric reads the dataset in two different ways (its latest rows and a window, say).</summary>
    ReadTwoWays,
}

public sealed record UntracedInput(string Dataset, UntracedKind Kind);

/// <summary>Every dataset a metric reads for a unit and period: the rows listed, and what could not be traced and why.</summary>
public sealed record MetricRowsTrace(string Metric, string Unit, Period Period, IReadOnlyList<TracedRows> Datasets, IReadOnlyList<UntracedInput> Untraced)
{
    public TracedRows? For(string dataset) => Datasets.FirstOrDefault(d => d.Dataset.Name.Equals(dataset, StringComparison.OrdinalIgnoreCase));
}

/// <summary>"The rows behind this number": lineage read off the plan, not a guess.</summary>
public static class MetricRows
{
    /// <summary>
    /// For <paramref name="metric"/>, <paramref name="unit"/> and <paramref name="period"/>, a query per dataset the
    /// metric reads, in the planner's own terms (the same window and filter SQL, the same unit closure), so that the
    /// rows' count and sum are the metric's count and sum. Named values are planned as CTEs, as for check --sql.
    /// </summary>
    public static MetricRowsTrace Trace(GoalFile file, string metric, string unit, Period period)
    {
        var bound = BoundGoalFile.Of(file).ThrowIfErrors();
        var name = file.Metrics.Keys.FirstOrDefault(k => k.Equals(metric, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"unknown metric '{metric}'");
        return new Planner(bound).TraceRows(name, unit, period);
    }
}
