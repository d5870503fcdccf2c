using Styrkort.Core.Binding;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Insights;

/// <summary>
/// The goals' metrics month by month per unit — and, for a ratio, its numerator and denominator — read for every month
/// and year asked in ONE planned query (<see cref="Evaluator.Formulas"/>): what they share, a population or a year's
/// facts, is computed once. The series the models read are cut from it in memory.
/// </summary>
public sealed class MonthlyHistory
{
    private readonly Dictionary<Period, int> _index;
    private readonly IReadOnlyList<IReadOnlyDictionary<string, FormulaValues>> _values;

    private MonthlyHistory(IReadOnlyDictionary<string, MetricShape> shapes, Dictionary<Period, int> index, IReadOnlyList<IReadOnlyDictionary<string, FormulaValues>> values) =>
        (Shapes, _index, _values) = (shapes, index, values);

    public IReadOnlyDictionary<string, MetricShape> Shapes { get; }

    /// <summary>The months <paramref name="first"/>..<paramref name="last"/> and the given years, for the given metrics.</summary>
    public static MonthlyHistory Read(GoalFile file, Warehouse.IWarehouse warehouse, IEnumerable<string> metrics, Period first, Period last,
        IEnumerable<int> years, CancellationToken cancellation)
    {
        var bound = BoundGoalFile.Of(file).ThrowIfErrors();
        var shapes = metrics.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(m => m, m => MetricShape.Of(bound, m), StringComparer.OrdinalIgnoreCase);
        var requests = new List<FormulaRequest>();
        foreach (var (metric, shape) in shapes)
        {
            requests.Add(new FormulaRequest(metric, null, []));
            if (shape.Year == YearFromMonths.Ratio)
            {
                requests.Add(new FormulaRequest(Numerator(metric), shape.Numerator, []));
                requests.Add(new FormulaRequest(Denominator(metric), shape.Denominator, []));
            }
        }
        var periods = new List<Period>();
        for (var m = first; m.CompareMonths(last) <= 0; m = m.NextMonth()) periods.Add(m);
        periods.AddRange(years.Distinct().Order().Select(y => new Period(PeriodKind.Year, y, 1)));
        var index = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        return new MonthlyHistory(shapes, index, Query(file, warehouse, requests, periods, cancellation));
    }

    /// <summary>
    /// The most (formula, period) parts in one query. DuckDB nests a UNION ALL of n parts n deep and refuses a query
    /// deeper than 1000 ("Max expression depth limit of 1000 exceeded"): a goal file of 25 metrics over 46 months is
    /// planned as a few queries, each with every month of its formulas — never one query per month.
    /// </summary>
    public const int PartsPerQuery = 480;

    private static IReadOnlyList<IReadOnlyDictionary<string, FormulaValues>> Query(GoalFile file, Warehouse.IWarehouse warehouse,
        List<FormulaRequest> requests, List<Period> periods, CancellationToken cancellation)
    {
        if (requests.Count == 0 || periods.Count == 0) return [];
        var evaluator = new Evaluator(file, warehouse);
        var perQuery = Math.Max(1, PartsPerQuery / periods.Count);
        var merged = periods.Select(_ => new Dictionary<string, FormulaValues>(StringComparer.OrdinalIgnoreCase)).ToList();
        // A metric's numerator and denominator stay in the query of the metric: they share its steps.
        var groups = new List<List<FormulaRequest>>();
        foreach (var request in requests)
        {
            var own = request.Bound is not null && groups.Count > 0;
            if (!own && (groups.Count == 0 || groups[^1].Count >= perQuery)) groups.Add([]);
            groups[^1].Add(request);
        }
        foreach (var group in groups)
        {
            var values = evaluator.Formulas(group, periods, cancellation);
            for (var p = 0; p < periods.Count; p++)
                foreach (var (name, v) in values[p]) merged[p][name] = v;
        }
        return merged;
    }

    // Names no metric can have: a metric's name is an identifier.
    public static string Numerator(string metric) => metric + " numerator";
    public static string Denominator(string metric) => metric + " denominator";

    /// <summary>The value of a formula for a unit in a month or year read; null when it has none or was not read.</summary>
    public double? Value(string formula, string unit, Period period) =>
        _index.TryGetValue(period, out var i) && _values[i].TryGetValue(formula, out var v) && v.Units.TryGetValue(unit, out var q) ? q.AsDouble : null;

    /// <summary>
    /// A formula's series up to <paramref name="origin"/>, as the model reads it: the month's own amount for sums and
    /// counts (to date in the year: this month's value less last month's, in January the value itself), the value
    /// otherwise. It starts after the data does (the first month with a value, and for amounts one not 0) and is the
    /// longest run of months without a gap before the origin.
    /// </summary>
    public Series Series(string formula, bool flows, bool toDate, string unit, Period origin, Period first)
    {
        var months = new List<Period>();
        var values = new List<double>();
        for (var m = first; m.CompareMonths(origin) <= 0; m = m.NextMonth())
        {
            var v = Value(formula, unit, m);
            if (flows)
            {
                var own = v ?? 0; // a sum or count of no rows is 0
                if (toDate && m.Index > 1) own -= Value(formula, unit, m.PreviousMonth()) ?? 0;
                if (values.Count == 0 && (v ?? 0) == 0) continue;
                months.Add(m);
                values.Add(own);
            }
            else if (v is { } value && double.IsFinite(value))
            {
                months.Add(m);
                values.Add(value);
            }
            else
            {
                months.Clear();
                values.Clear();
            }
        }
        return new Series(months, values);
    }
}

/// <summary>Consecutive months and a value for each.</summary>
public sealed record Series(IReadOnlyList<Period> Months, IReadOnlyList<double> Values)
{
    public int Count => Values.Count;
}

/// <summary>Month arithmetic the analyses need beside <see cref="Period"/>.</summary>
public static class MonthPeriods
{
    public static Period Month(int year, int month) => new(PeriodKind.Month, year, month);

    public static Period NextMonth(this Period month) => month.Index == 12 ? Month(month.Year + 1, 1) : Month(month.Year, month.Index + 1);

    public static Period PreviousMonth(this Period month) => month.Previous();

    public static int CompareMonths(this Period a, Period b) => (a.Year * 12 + a.Index).CompareTo(b.Year * 12 + b.Index);

    public static int MonthsBetween(Period from, Period to) => (to.Year * 12 + to.Index) - (from.Year * 12 + from.Index);

    /// <summary>The last whole month of a period: its own last month when it ends on a month's last day, else the month before.</summary>
    public static Period LastWholeMonth(Period period)
    {
        var end = period.End;
        var month = Month(end.Year, end.Month);
        return end.AddDays(1).Day == 1 ? month : month.PreviousMonth();
    }
}
