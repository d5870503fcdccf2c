using Styrkort.Core.Binding;

using ValueType = Styrkort.Core.Compilation.ValueType;

namespace Styrkort.Core.Insights;

/// <summary>How a metric's value for the year follows from its values month by month, read from its bound formula.</summary>
public enum YearFromMonths
{
    /// <summary>The year's value cannot be had from the months' values (a mean or ratio of each month's rows, period.start…).</summary>
    None,
    /// <summary>Its value at the end of December is the year's (ytd, rolling, latest, to_date windows): the path is forecast to December.</summary>
    Path,
    /// <summary>A sum or count: to date in the year (the months' increments add up to December's value) or of each month (the months add up).</summary>
    Flows,
    /// <summary>A ratio of two such sums or counts (a share, NPS, cost per effort): numerator and denominator are forecast as flows, then divided.</summary>
    Ratio,
}

/// <summary>
/// What the analyses need to know of a metric's formula: how its year follows from its months, and, for a ratio of sums
/// or counts, its numerator and denominator as formulas of their own. Decided from the bound tree, never from the data.
/// </summary>
public sealed record MetricShape(YearFromMonths Year, bool PeriodWindows, BoundExpr? Numerator, BoundExpr? Denominator, string? Reason)
{
    /// <summary>Whether the formula is a sum of sums and counts that splits exactly over segments (its segments add up).</summary>
    public bool Additive { get; init; }

    public static MetricShape Of(BoundGoalFile bound, string metric)
    {
        var e = bound.Metrics[metric];
        var periodVariables = PeriodVariables(bound, e).Distinct(StringComparer.Ordinal).ToList();
        var windows = Windows(e).ToList();
        var named = windows.OfType<NamedWindow>().Select(w => w.Name).Distinct(StringComparer.Ordinal).ToList();
        var additive = Linear(e, requireRowSplit: true);

        // Sums and counts to date in the year, or of the period: increments (or months) add up to the year.
        if (windows.Count > 0 && named.Count == 1 && windows.All(w => w is NamedWindow) && (named[0] == "ytd" || named[0] == "period"))
        {
            var ofPeriod = named[0] == "period";
            // A month's period.start or period.days is not the year's: the months do not add up to the year then.
            var bad = periodVariables.FirstOrDefault(v => v != "year" && (ofPeriod || v != "end"));
            if (bad is null)
            {
                if (Linear(e, requireRowSplit: ofPeriod)) return new MetricShape(YearFromMonths.Flows, ofPeriod, null, null, null) { Additive = additive };
                if (Ratio(e) is var (n, d) && Linear(n, ofPeriod) && Linear(d, ofPeriod))
                    return new MetricShape(YearFromMonths.Ratio, ofPeriod, n, d, null) { Additive = false };
            }
        }
        var ratio = Ratio(e) is var (num, den) && Linear(num, true) && Linear(den, true) ? (num, den) : default;
        if (named.Contains("period"))
            return new MetricShape(YearFromMonths.None, true, ratio.num, ratio.den,
                "the year's value is not the months' values added up (a mean or ratio of each period's rows)") { Additive = additive };
        if (periodVariables.FirstOrDefault(v => v is not ("year" or "end")) is { } variable)
            return new MetricShape(YearFromMonths.None, false, ratio.num, ratio.den,
                $"the formula reads period.{variable}, which is not December's for the year") { Additive = additive };
        // The window ends with the period's last month or day, which December shares with its year.
        return new MetricShape(YearFromMonths.Path, false, ratio.num, ratio.den, null) { Additive = additive };
    }

    /// <summary>
    /// A ratio of two formulas: a division (a constant factor of the numerator kept with it: 100 × a / b), or a share,
    /// which is the count of rows meeting its condition over the count of rows.
    /// </summary>
    public static (BoundExpr Numerator, BoundExpr Denominator)? Ratio(BoundExpr e)
    {
        switch (e)
        {
            case BoundBinary { Kind: BinaryKind.Divide } d:
                return (d.Left, d.Right);
            case BoundBinary { Kind: BinaryKind.Arithmetic or BinaryKind.WideMultiply, Op: "*" } m when m.Left is BoundLiteral && Ratio(m.Right) is var (n, den):
                return (m with { Right = n, Type = Widened(m.Left.Type, n.Type) }, den);
            case BoundBinary { Kind: BinaryKind.Arithmetic or BinaryKind.WideMultiply, Op: "*" } m when m.Right is BoundLiteral && Ratio(m.Left) is var (n, den):
                return (m with { Left = n, Type = Widened(n.Type, m.Right.Type) }, den);
            case BoundAggregate { Function.Name: "share", Argument: { } condition } s:
                var count = Builtins.CountStar;
                var all = new BoundAggregate(count, null, s.Filter, [], s.Input, ValueType.Integer);
                var filter = s.Filter is null ? condition : new BoundBinary(BinaryKind.And, "and", s.Filter, condition, ValueType.Boolean);
                return (all with { Filter = filter }, all);
            default:
                return null;
        }
    }

    private static ValueType Widened(ValueType a, ValueType b) =>
        a == ValueType.Number || b == ValueType.Number ? ValueType.Number : a == ValueType.Decimal || b == ValueType.Decimal ? ValueType.Decimal : a;

    /// <summary>
    /// Sums and counts, added, subtracted or multiplied by constants. With <paramref name="requireRowSplit"/>, only those
    /// whose rows split between segments and months (no count_distinct, no two-step per, not over a dataset without units).
    /// </summary>
    public static bool Linear(BoundExpr e, bool requireRowSplit) => e switch
    {
        BoundAggregate { Function.Name: "sum" or "count" } a => !requireRowSplit || a.Input is PopulationInput || a.Input is DatasetInput { PerUnit: true, Per: null },
        BoundAggregate { Function.Name: "count_distinct" } => !requireRowSplit,
        BoundUnary { Op: "-" } u => Linear(u.Operand, requireRowSplit),
        BoundBinary { Kind: BinaryKind.Arithmetic, Op: "+" or "-" } b => Linear(b.Left, requireRowSplit) && Linear(b.Right, requireRowSplit),
        BoundBinary { Kind: BinaryKind.Arithmetic or BinaryKind.WideMultiply, Op: "*" } b =>
            (b.Left is BoundLiteral && Linear(b.Right, requireRowSplit)) || (b.Right is BoundLiteral && Linear(b.Left, requireRowSplit)),
        _ => false,
    };

    private static IEnumerable<BoundWindow> Windows(BoundExpr e) => Children(e).SelectMany(Windows).Concat(e switch
    {
        BoundAggregate { Input: DatasetInput { Window: { } w } } => [w],
        BoundAggregate { Input: PopulationInput { Window: { } w } } => [w],
        _ => [],
    });

    private static IEnumerable<string> PeriodVariables(BoundGoalFile bound, BoundExpr e) => e switch
    {
        BoundPeriodVariable v => [v.Name],
        BoundValueReference r when bound.Values.TryGetValue(r.Name, out var value) => PeriodVariables(bound, value),
        BoundAggregate { Input: DatasetInput { Window: YearWindow y } } a => PeriodVariables(bound, y.Year).Concat(Children(a).SelectMany(c => PeriodVariables(bound, c))),
        _ => Children(e).SelectMany(c => PeriodVariables(bound, c)),
    };

    private static IEnumerable<BoundExpr> Children(BoundExpr e) => e switch
    {
        BoundUnary u => [u.Operand],
        BoundBinary b => [b.Left, b.Right],
        BoundIn i => [i.Value, .. i.Items],
        BoundIsEmpty i => [i.Value],
        BoundIf i => [i.Condition, i.Then, i.Else],
        BoundCall c => c.Args,
        BoundLookup l => l.Keys.Select(k => k.Value),
        BoundAggregate a => new[] { a.Argument, a.Filter }.OfType<BoundExpr>().Concat(a.OrderBy.Select(o => o.Value)),
        _ => [],
    };
}
