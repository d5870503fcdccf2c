using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Evaluation;

/// <summary>A metric's value: exact (a decimal, from sums and counts of amounts) or computed in double precision.</summary>
public readonly record struct Quantity(decimal? Exact, double? Approximate)
{
    public static Quantity Of(object value) => value switch
    {
        // DECIMAL(38,6) comes back with six decimals; drop the trailing zeros so 1250 prints as 1250.
        decimal d => new Quantity(d / 1.000000000000000000000000000000000m, null),
        double d => new Quantity(null, d),
        _ => new Quantity(null, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
    };

    public double AsDouble => Exact is { } d ? (double)d : Approximate!.Value;

    public int CompareTo(decimal level) => Exact is { } d ? d.CompareTo(level) : AsDouble.CompareTo((double)level);
}

/// <summary>A result's status; <see cref="AtRisk"/> (in a target's warning zone) comes last so the others keep their numbers.</summary>
public enum Status { Met, NotMet, NoData, NoTarget, AtRisk }

/// <summary>The target a value was judged against, as it applied in the period; JSON names its rule by <see cref="TargetRuleKinds.Key"/>.</summary>
public sealed record AppliedTarget(TargetRuleKind Rule, string Source, decimal? Level, decimal? AnnualLevel, decimal? Min, decimal? Max, bool Phased)
{
    /// <summary>The edge of the warning zone as it applied (phased like the level); null when the target has none.</summary>
    public decimal? Warning { get; init; }
}

public sealed record Outcome(
    string Goal,
    string Unit,
    Quantity? Value,
    double? Comparison,
    Status Status,
    bool Scheduled,
    AppliedTarget Target)
{
    /// <summary>The band of the target the value falls in; null when the target has no bands or there is no value.</summary>
    public LocalizedText? Band { get; init; }

    /// <summary>The numbers the value is judged against: the level, the bounds, the comparison value.</summary>
    public IEnumerable<double> Thresholds =>
        new[] { Target.Level, Target.Min, Target.Max }.OfType<decimal>().Select(d => (double)d)
            .Concat(Comparison is { } c ? [c] : []);
}

public sealed record UnitInfo(string Id, string Name, string? Parent, int Depth);

public sealed record Evaluation(Period Period, IReadOnlyList<UnitInfo> Units, IReadOnlyList<Outcome> Outcomes)
{
    /// <summary>The goals' values per segment of each breakdown dimension, per unit.</summary>
    public IReadOnlyList<GoalBreakdown> Breakdowns { get; init; } = [];
}

/// <summary>One segment of a breakdown: its key (null for rows without one) and the metric computed from its rows.</summary>
public sealed record Segment(object? Key, Quantity? Value);

/// <summary>A goal's value for one unit broken down by one dimension (<c>loans.phase</c>).</summary>
public sealed record GoalBreakdown(string Goal, string Unit, string Dimension, IReadOnlyList<Segment> Segments);
