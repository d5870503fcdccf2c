using System.Globalization;
using Styrkort.Core.Binding;
using Styrkort.Core.Periods;
using Styrkort.Core.Planning;

namespace Styrkort.Core.Evaluation;

/// <summary>A formula to compute per unit (and per segment of each dimension) that need not be a metric of the goal file.</summary>
/// <param name="Name">A name of its own, unlike any metric's: the result is keyed by it.</param>
/// <param name="Bound">The bound tree; null for the goal file's metric of that name.</param>
public sealed record FormulaRequest(string Name, BoundExpr? Bound, IReadOnlyList<Dimension> Dimensions);

/// <summary>A formula's values in one period: per unit, and per (dimension index, unit) its segments.</summary>
public sealed record FormulaValues(
    IReadOnlyDictionary<string, Quantity> Units,
    IReadOnlyDictionary<(int Dimension, string Unit), IReadOnlyList<Segment>> Segments);

public sealed partial class Evaluator
{
    /// <summary>
    /// Formulas — metrics of the goal file, or bound trees made from them (a ratio's numerator and denominator) — for
    /// several periods in one planned query, as the goals are: what the analyses of a goal's history and its change
    /// read (<c>Insights/</c>). Result: per period, per request (by name), the values.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, FormulaValues>> Formulas(
        IReadOnlyList<FormulaRequest> formulas, IReadOnlyList<Period> periods, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        using var interrupt = cancellation.Register(warehouse.Interrupt);
        var bound = BoundGoalFile.Of(file).ThrowIfErrors();
        var extra = formulas.Where(f => f.Bound is not null).ToDictionary(f => f.Name, f => f.Bound!, StringComparer.OrdinalIgnoreCase);
        if (extra.Count > 0) bound = bound.WithMetrics(extra);
        var requests = formulas.Select(f => new MetricRequest(f.Name, f.Dimensions)).ToList();
        var rows = Compute(bound, requests, periods, cancellation);
        var units = periods.Select(_ => formulas.Select(_ => new Dictionary<string, Quantity>(StringComparer.Ordinal)).ToList()).ToList();
        var segments = periods.Select(_ => formulas.Select(_ => new Dictionary<(int, string), IReadOnlyList<Segment>>()).ToList()).ToList();
        foreach (var row in rows)
        {
            var p = Convert.ToInt32(row[0], CultureInfo.InvariantCulture);
            var m = Convert.ToInt32(row[1], CultureInfo.InvariantCulture);
            var unit = (string)row[2]!;
            var value = ValueOf(row);
            if (row[3] is null)
            {
                if (value is { } v) units[p][m][unit] = v;
                continue;
            }
            var d = Convert.ToInt32(row[3], CultureInfo.InvariantCulture);
            var key = (d, unit);
            var list = segments[p][m].TryGetValue(key, out var found) ? (List<Segment>)found : [];
            segments[p][m][key] = list;
            list.Add(new Segment(SegmentKey(requests[m].Breakdowns[d], (string?)row[4]), value));
        }
        return periods.Select((_, p) => (IReadOnlyDictionary<string, FormulaValues>)formulas.Select((f, m) => (f.Name, Values: new FormulaValues(units[p][m], segments[p][m])))
            .ToDictionary(x => x.Name, x => x.Values, StringComparer.OrdinalIgnoreCase)).ToList();
    }
}
