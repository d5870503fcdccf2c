using Styrkort.Core.Binding;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Insights;

/// <summary>What a contributor's part of a change is.</summary>
public enum ChangeKind
{
    /// <summary>A sum's or count's segment: its own change.</summary>
    Contribution,
    /// <summary>A ratio's segment: its weight (its share of the denominator) changed, at its average ratio.</summary>
    Mix,
    /// <summary>A ratio's segment: its own ratio changed, at its average weight.</summary>
    Rate,
}

/// <param name="Dimension">"unit" for the unit's child units, else the breakdown dimension (<c>loans.phase</c>).</param>
/// <param name="Key">The child unit's id or the segment's key; null for the segment without one, and for <see cref="Rest"/>.</param>
/// <param name="Rest">What the segments do not hold: the unit's own rows and rows counted in more than one child (a
/// customer of two units), or values counted in several segments — so that the parts always add up to the change.</param>
/// <param name="Effect">Its part of the change, in the metric's unit.</param>
/// <param name="Share">Effect / change: 0.7 is 70 % of the change (negative: it pulled the other way).</param>
public sealed record ChangeContributor(string Dimension, object? Key, string Label, ChangeKind Kind, double Effect, double Share, bool Rest = false);

/// <summary>What a change is measured from.</summary>
public enum ChangeSince
{
    /// <summary>The period before (<see cref="Period.Previous"/>): 2026-Q1 for 2026-Q2.</summary>
    Previous,
    /// <summary>The latest period before in which the board saw the goal (<see cref="BoardCalendar.PreviousLook"/>): 2025-Q4
    /// for 2026-Q2 of a goal the board sees in Q2 and Q4. A goal without one (no board quarters) is not explained.</summary>
    Board,
}

/// <summary>
/// Why a goal's value for a unit changed from an earlier period (<see cref="From"/>, the one <see cref="Since"/> names)
/// to the period: its parts per child unit and per segment of each breakdown dimension, and a sentence naming the
/// largest (<see cref="ChangeExplainer"/>).
/// </summary>
/// <param name="Decomposed">False for a metric whose change cannot be split into parts (a median, a mean of means):
/// then <see cref="Contributors"/> is empty and the sentence says so.</param>
public sealed record ChangeExplanation(string Goal, string Unit, Period From, Period To, double Before, double After, bool Decomposed,
    IReadOnlyList<ChangeContributor> Contributors, LocalizedText Sentence)
{
    public double Change => After - Before;

    /// <summary>Which comparison <see cref="From"/> is: the period before, or the board's last look at the goal.</summary>
    public ChangeSince Since { get; init; }
}

/// <summary>
/// Decomposes the change of a goal's value since the previous period (<see cref="Period.Previous"/>), or since the board
/// last saw the goal (<see cref="ChangeSince.Board"/>), by the unit's child units and by each breakdown dimension of the
/// goal (and <c>--by</c>), each dimension on its own so that its parts add up to the whole change exactly.
/// <list type="bullet">
/// <item>A sum or count (and sums of them): each part's own change (<see cref="ChangeKind.Contribution"/>).</item>
/// <item>A ratio N / D of sums or counts (a share, NPS, cost per effort): with a part's weight w = d / D and ratio
/// r = n / d, its effect n₁/D₁ − n₀/D₀ splits into rate = w̄ · (r₁ − r₀) and mix = (w₁ − w₀) · r̄ (bars: the two periods'
/// mean), which add up to it exactly; a part present in one period only is all mix.</item>
/// </list>
/// Numerators and denominators are computed as formulas of their own in one planned query for all the periods compared
/// (per unit and segment), set-based like the goals. For the web: <c>new ChangeExplainer(file, warehouse).Explain(evaluation,
/// by, cancellation)</c> gives one explanation per outcome whose value changed, keyed by (goal, unit).
/// </summary>
public sealed class ChangeExplainer(GoalFile file, Warehouse.IWarehouse warehouse)
{
    /// <summary>The changes since the previous period.</summary>
    public IReadOnlyDictionary<(string Goal, string Unit), ChangeExplanation> Explain(Evaluation.Evaluation evaluation, IReadOnlyList<string> by,
        CancellationToken cancellation) => Explain(evaluation, by, [ChangeSince.Previous], cancellation)[ChangeSince.Previous];

    /// <summary>The changes since the period <paramref name="since"/> names.</summary>
    public IReadOnlyDictionary<(string Goal, string Unit), ChangeExplanation> Explain(Evaluation.Evaluation evaluation, IReadOnlyList<string> by,
        ChangeSince since, CancellationToken cancellation) => Explain(evaluation, by, [since], cancellation)[since];

    /// <summary>The changes since each of <paramref name="since"/>, from one planned query over all the periods they compare with.</summary>
    public IReadOnlyDictionary<ChangeSince, IReadOnlyDictionary<(string Goal, string Unit), ChangeExplanation>> Explain(Evaluation.Evaluation evaluation,
        IReadOnlyList<string> by, IReadOnlyList<ChangeSince> since, CancellationToken cancellation)
    {
        var bound = BoundGoalFile.Of(file).ThrowIfErrors();
        var goals = file.Goals.ToDictionary(g => g.Id, StringComparer.Ordinal);
        var metrics = evaluation.Outcomes.Select(o => goals[o.Goal].Metric).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var plans = new Dictionary<string, (BoundExpr? N, BoundExpr? D, bool Additive, List<Dimension> Dimensions)>(StringComparer.OrdinalIgnoreCase);
        var requests = new List<FormulaRequest>();
        foreach (var metric in metrics)
        {
            var texts = file.Goals.Where(g => g.Metric.Equals(metric, StringComparison.OrdinalIgnoreCase)).SelectMany(g => g.Breakdown.Select(b => b.Text)).Concat(by);
            var dimensions = texts.Select(t => bound.Breakdown(metric, t, out _)).OfType<Dimension>().DistinctBy(d => d.Text, StringComparer.OrdinalIgnoreCase).ToList();
            var e = bound.Metrics[metric];
            var additive = MetricShape.Linear(e, requireRowSplit: true);
            var ratio = !additive && MetricShape.Ratio(e) is var (n, d) && MetricShape.Linear(n, true) && MetricShape.Linear(d, true) ? (n, d) : default;
            plans[metric] = (ratio.n, ratio.d, additive, dimensions);
            requests.Add(new FormulaRequest(metric, null, additive ? dimensions : []));
            if (ratio.n is not null)
            {
                requests.Add(new FormulaRequest(MonthlyHistory.Numerator(metric), ratio.n, dimensions));
                requests.Add(new FormulaRequest(MonthlyHistory.Denominator(metric), ratio.d, dimensions));
            }
        }
        // Each goal's period to compare with, per comparison; the period itself first, then each other period once.
        var froms = since.Distinct().ToDictionary(s => s, s => evaluation.Outcomes.Select(o => o.Goal).Distinct(StringComparer.Ordinal)
            .Select(g => (Goal: g, From: From(goals[g], evaluation.Period, s))).Where(x => x.From is not null)
            .ToDictionary(x => x.Goal, x => x.From!.Value, StringComparer.Ordinal));
        var periods = froms.Values.SelectMany(f => f.Values).Distinct().Prepend(evaluation.Period).ToList();
        var values = requests.Count == 0 || periods.Count == 1 ? [] : new Evaluator(file, warehouse).Formulas(requests, periods, cancellation);
        var names = evaluation.Units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        var children = evaluation.Units.Where(u => u.Parent is not null).ToLookup(u => u.Parent!, u => u.Id, StringComparer.Ordinal);
        var all = new Dictionary<ChangeSince, IReadOnlyDictionary<(string Goal, string Unit), ChangeExplanation>>();
        foreach (var (comparison, from) in froms)
        {
            var result = new Dictionary<(string, string), ChangeExplanation>();
            foreach (var outcome in evaluation.Outcomes)
            {
                if (!from.TryGetValue(outcome.Goal, out var previous)) continue;
                var explanation = ExplainOne(goals[outcome.Goal], outcome, previous, evaluation.Period, comparison,
                    values[0], values[periods.IndexOf(previous)], plans[goals[outcome.Goal].Metric], names, children);
                if (explanation is not null) result[(outcome.Goal, outcome.Unit)] = explanation;
            }
            all[comparison] = result;
        }
        return all;
    }

    /// <summary>The period a goal's change is measured from; null when there is none (a goal the board never sees).</summary>
    private static Period? From(Goal goal, Period period, ChangeSince since) =>
        since == ChangeSince.Board ? BoardCalendar.PreviousLook(goal, period) : period.Previous();

    private ChangeExplanation? ExplainOne(Goal goal, Outcome outcome, Period previous, Period period, ChangeSince since,
        IReadOnlyDictionary<string, FormulaValues> nowValues, IReadOnlyDictionary<string, FormulaValues> thenValues,
        (BoundExpr? N, BoundExpr? D, bool Additive, List<Dimension> Dimensions) plan,
        IReadOnlyDictionary<string, string> names, ILookup<string, string> children)
    {
        if (outcome.Value is not { } after || !thenValues[goal.Metric].Units.TryGetValue(outcome.Unit, out var before)) return null;
        if (after.AsDouble == before.AsDouble) return null;
        var parts = new List<Part>();
        var childIds = children[outcome.Unit].ToList();
        if (plan.Additive)
        {
            var now = nowValues[goal.Metric];
            var then = thenValues[goal.Metric];
            if (childIds.Count > 0) parts.Add(UnitPart(childIds, id => Pair(now, then, id), Pair(now, then, outcome.Unit), names));
            for (var d = 0; d < plan.Dimensions.Count; d++)
                parts.Add(SegmentPart(plan.Dimensions[d].Text, SegmentPairs(now, then, d, outcome.Unit), Pair(now, then, outcome.Unit)));
        }
        else if (plan.N is not null)
        {
            var (n1, n0) = (nowValues[MonthlyHistory.Numerator(goal.Metric)], thenValues[MonthlyHistory.Numerator(goal.Metric)]);
            var (d1, d0) = (nowValues[MonthlyHistory.Denominator(goal.Metric)], thenValues[MonthlyHistory.Denominator(goal.Metric)]);
            if (childIds.Count > 0)
                parts.Add(UnitPart(childIds, id => Ratio(Pair(n1, n0, id), Pair(d1, d0, id)), Ratio(Pair(n1, n0, outcome.Unit), Pair(d1, d0, outcome.Unit)), names));
            for (var d = 0; d < plan.Dimensions.Count; d++)
            {
                var ns = SegmentPairs(n1, n0, d, outcome.Unit);
                var ds = SegmentPairs(d1, d0, d, outcome.Unit);
                var keys = ns.Keys.Union(ds.Keys).ToList();
                parts.Add(SegmentPart(plan.Dimensions[d].Text,
                    keys.ToDictionary(k => k, k => Ratio(ns.GetValueOrDefault(k), ds.GetValueOrDefault(k))),
                    Ratio(Pair(n1, n0, outcome.Unit), Pair(d1, d0, outcome.Unit))));
            }
        }
        return Decompose(goal, outcome.Unit, names.GetValueOrDefault(outcome.Unit, outcome.Unit), new ChangeSpan(previous, period, since),
            before.AsDouble, after.AsDouble, plan.Additive || plan.N is not null, parts, file.Metrics[goal.Metric].Unit);
    }

    /// <summary>A part's numbers in the two periods: (numerator, denominator) now and then; for a sum, denominators are null.</summary>
    private sealed record Numbers(double N1, double N0, double? D1, double? D0);

    private sealed record Part(string Dimension, List<(object? Key, string Label, bool IsRest, Numbers Numbers)> Segments, Numbers Total);

    private static Numbers Pair(FormulaValues now, FormulaValues then, string unit) =>
        new(now.Units.TryGetValue(unit, out var a) ? a.AsDouble : 0, then.Units.TryGetValue(unit, out var b) ? b.AsDouble : 0, null, null);

    private static Numbers Ratio(Numbers? n, Numbers? d) => new(n?.N1 ?? 0, n?.N0 ?? 0, d?.N1 ?? 0, d?.N0 ?? 0);

    private static Dictionary<SegmentKey, Numbers> SegmentPairs(FormulaValues now, FormulaValues then, int dimension, string unit)
    {
        var result = new Dictionary<SegmentKey, Numbers>();
        foreach (var s in now.Segments.GetValueOrDefault((dimension, unit)) ?? [])
            result[new SegmentKey(s.Key)] = new Numbers(s.Value?.AsDouble ?? 0, 0, null, null);
        foreach (var s in then.Segments.GetValueOrDefault((dimension, unit)) ?? [])
        {
            var k = new SegmentKey(s.Key);
            result[k] = (result.GetValueOrDefault(k) ?? new Numbers(0, 0, null, null)) with { N0 = s.Value?.AsDouble ?? 0 };
        }
        return result;
    }

    /// <summary>A segment key compared by its text, so that 2025 (long) and 2025 (decimal) are one.</summary>
    private readonly record struct SegmentKey(object? Key)
    {
        public bool Equals(SegmentKey other) => string.Equals(Convert.ToString(Key, System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToString(other.Key, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) && (Key is null) == (other.Key is null);
        public override int GetHashCode() => Convert.ToString(Key, System.Globalization.CultureInfo.InvariantCulture)?.GetHashCode(StringComparison.Ordinal) ?? 0;
    }

    private static Part UnitPart(List<string> children, Func<string, Numbers> numbers, Numbers total, IReadOnlyDictionary<string, string> names) =>
        new("unit", children.Select(c => ((object?)c, names.GetValueOrDefault(c, c), false, numbers(c))).ToList(), total);

    private static Part SegmentPart(string dimension, Dictionary<SegmentKey, Numbers> segments, Numbers total) =>
        new(dimension, segments.Select(s => (s.Key.Key, $"{dimension} {s.Key.Key?.ToString() ?? "(tomt)"}", false, s.Value)).ToList(), total);

    private static ChangeExplanation Decompose(Goal goal, string unit, string unitName, ChangeSpan comparison, double before, double after,
        bool decomposable, List<Part> parts, string? metricUnit)
    {
        var change = after - before;
        var contributors = new List<ChangeContributor>();
        foreach (var part in decomposable ? parts : [])
        {
            // The rest: what the segments do not add up to (the unit's own rows, rows in more than one part).
            var t = part.Total;
            var rest = new Numbers(t.N1 - part.Segments.Sum(s => s.Numbers.N1), t.N0 - part.Segments.Sum(s => s.Numbers.N0),
                t.D1 - part.Segments.Sum(s => s.Numbers.D1), t.D0 - part.Segments.Sum(s => s.Numbers.D0));
            var all = part.Segments.Append((null, "", true, rest));
            foreach (var (key, label, isRest, n) in all)
            {
                if (n.D1 is null)
                {
                    var effect = n.N1 - n.N0;
                    if (isRest && Math.Abs(effect) < 1e-9 * Math.Max(1, Math.Abs(change))) continue;
                    contributors.Add(new ChangeContributor(part.Dimension, key, label, ChangeKind.Contribution, effect, effect / change, isRest));
                    continue;
                }
                if (t.D1 is not > 0 || t.D0 is not > 0) continue;
                var total = n.N1 / t.D1.Value - n.N0 / t.D0.Value;
                if (isRest && Math.Abs(total) < 1e-9 * Math.Max(1, Math.Abs(change)) && Math.Abs(n.D1!.Value) < 1e-9 && Math.Abs(n.D0!.Value) < 1e-9) continue;
                double rate = 0;
                if (n.D1 > 0 && n.D0 > 0)
                {
                    var (w1, w0) = (n.D1.Value / t.D1.Value, n.D0.Value / t.D0.Value);
                    rate = (w1 + w0) / 2 * (n.N1 / n.D1.Value - n.N0 / n.D0.Value);
                }
                var mix = total - rate;
                contributors.Add(new ChangeContributor(part.Dimension, key, label, ChangeKind.Rate, rate, rate / change, isRest));
                contributors.Add(new ChangeContributor(part.Dimension, key, label, ChangeKind.Mix, mix, mix / change, isRest));
            }
        }
        var ordered = contributors.OrderBy(c => c.Dimension == "unit" ? 0 : 1).ThenBy(c => c.Dimension, StringComparer.Ordinal)
            .ThenByDescending(c => Math.Abs(c.Effect)).ToList();
        return new ChangeExplanation(goal.Id, unit, comparison.From, comparison.To, before, after, decomposable, ordered,
            ChangeSentence.Write(goal, unitName, comparison, before, after, decomposable, ordered, metricUnit)) { Since = comparison.Since };
    }
}
