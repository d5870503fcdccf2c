using System.Data.Common;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Planning;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Drill;

/// <summary>One dataset's rows behind a number: how many there are and the first few, as the goal page lists them.</summary>
public sealed record RowsTable(TracedRows Traced, long Count, IReadOnlyList<object?[]> First);

/// <summary>"The rows behind this number" of a goal, unit and period; <see cref="Error"/> when they could not be read.</summary>
public sealed record RowsBehind(MetricRowsTrace? Trace, IReadOnlyList<RowsTable> Tables, string? Error)
{
    /// <summary>Rows listed per dataset on the page; the download has them all.</summary>
    public const int Shown = 20;

    /// <summary>
    /// The metric's rows for the unit and period, read on a reader connection of the site (never waits for an import):
    /// per dataset a count and the first <see cref="Shown"/> rows in key order.
    /// </summary>
    public static RowsBehind Read(SiteState site, GoalFile goals, Goal goal, string unit, Period period)
    {
        MetricRowsTrace trace;
        try
        {
            trace = MetricRows.Trace(goals, goal.Metric, unit, period);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return new RowsBehind(null, [], e.Message);
        }
        try
        {
            var tables = site.Read(w => trace.Datasets.Select(d =>
                new RowsTable(d, Convert.ToInt64(w.Rows(d.Count())[0][0], System.Globalization.CultureInfo.InvariantCulture), w.Rows(d.First(Shown)))).ToList());
            return new RowsBehind(trace, tables, null);
        }
        catch (DbException e)
        {
            // A formula that cannot be computed for this period (its own error is on the page already): say so, no 500.
            return new RowsBehind(trace, [], e.Message.Split('\n')[0]);
        }
    }
}
