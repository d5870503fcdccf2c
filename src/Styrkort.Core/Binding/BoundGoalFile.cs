using System.Runtime.CompilerServices;
using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;

using ValueType = Styrkort.Core.Compilation.ValueType;

namespace Styrkort.Core.Binding;

/// <summary>
/// A goal file with every formula bound once: the metrics, values and population conditions as bound trees, and every
/// error found in them (and in the goals' breakdowns) as diagnostics, in the order of the file.
/// </summary>
public sealed partial class BoundGoalFile
{
    private static readonly ConditionalWeakTable<GoalFile, BoundGoalFile> Cache = new();

    private BoundGoalFile(GoalFile file)
    {
        File = file;
        var binder = new Binder(file);
        binder.BindAll();
        Metrics = binder.Metrics;
        Values = binder.Values;
        PopulationConditions = binder.PopulationConditions;
        var diagnostics = binder.Diagnostics.Where(d => !Cascades(file, d)).ToList();
        foreach (var goal in file.Goals)
            foreach (var entry in goal.Breakdown)
                // A metric with an error of its own has nothing to break down: its error is reported, not one per dimension.
                if (Breakdown(goal.Metric, entry.Text, out var error) is null && Metrics.TryGetValue(goal.Metric, out var metric) && metric is not BoundError)
                    diagnostics.Add(new StyrkortException(entry.Location, $"goal '{goal.Id}': {error}"));
        Diagnostics = diagnostics;
    }

    /// <summary>
    /// An unknown name that the reader left out for an error of its own (<see cref="GoalFile.Skipped"/>): reported there,
    /// not again at each use.
    /// </summary>
    private static bool Cascades(GoalFile file, StyrkortException error) =>
        file.Skipped.Count > 0 && UnknownName().Match(error.Reason) is { Success: true } m
        && (file.Skipped.Contains(m.Groups[1].Value) || file.Skipped.Contains(GoalFileReader.Everything));

    [System.Text.RegularExpressions.GeneratedRegex("^unknown (?:name|dataset|population|function) '([^'.(]+)")]
    private static partial System.Text.RegularExpressions.Regex UnknownName();

    private BoundGoalFile(BoundGoalFile of, IReadOnlyDictionary<string, BoundExpr> metrics)
    {
        File = of.File;
        Metrics = metrics;
        Values = of.Values;
        PopulationConditions = of.PopulationConditions;
        Diagnostics = of.Diagnostics;
    }

    /// <summary>
    /// This goal file with more metrics given as bound trees (a metric's numerator and denominator, for the analyses of
    /// <c>Insights/</c>): planned like any metric, in the same query, sharing what they share with the others.
    /// </summary>
    public BoundGoalFile WithMetrics(IReadOnlyDictionary<string, BoundExpr> extra)
    {
        var metrics = new Dictionary<string, BoundExpr>(Metrics, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, expr) in extra)
            if (!metrics.TryAdd(name, expr)) throw new ArgumentException($"metric '{name}' exists already", nameof(extra));
        return new BoundGoalFile(this, metrics);
    }

    /// <summary>The bound goal file, bound on first use and kept as long as the goal file is.</summary>
    public static BoundGoalFile Of(GoalFile file) => Cache.GetValue(file, f => new BoundGoalFile(f));

    public GoalFile File { get; }
    public IReadOnlyDictionary<string, BoundExpr> Metrics { get; }
    public IReadOnlyDictionary<string, BoundExpr> Values { get; }
    public IReadOnlyDictionary<string, BoundExpr> PopulationConditions { get; }
    public IReadOnlyList<StyrkortException> Diagnostics { get; }

    /// <summary>Throws the first error, carrying all of them, where there is one.</summary>
    public BoundGoalFile ThrowIfErrors()
    {
        if (Diagnostics.Count > 0) throw StyrkortException.Of(Diagnostics);
        return this;
    }

    /// <summary>A metric computed with exact decimals (sums and counts of amounts) rather than double precision.</summary>
    public bool IsExact(string metric) => Metrics[metric].Type is ValueType.Integer or ValueType.Decimal;

    /// <summary>
    /// The dimension <paramref name="text"/> for <paramref name="metric"/>, when every dataset and population the metric
    /// aggregates per unit reaches it along 'references'; otherwise null and why.
    /// </summary>
    public Dimension? Breakdown(string metric, string text, out string? error)
    {
        var dimension = Dimension.Resolve(File, text, out error);
        if (dimension is null) return null;
        if (!Metrics.TryGetValue(metric, out var bound))
        {
            error = $"unknown metric '{metric}'";
            return null;
        }
        var sources = UnitSources(bound).DistinctBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (sources.Count == 0)
        {
            error = $"metric '{metric}' aggregates no rows per unit, so it has nothing to break down by {text}";
            return null;
        }
        var unreachable = sources.Where(s => dimension.PathFrom(s) is null).Select(s => s.Name).ToList();
        if (unreachable.Count > 0)
        {
            error = $"breakdown '{text}' cannot be reached from {string.Join(", ", unreachable)} (which metric '{metric}' aggregates) along 'references'";
            return null;
        }
        return dimension;
    }

    /// <summary>What a metric aggregates per unit: the datasets (with a unit column) and the populations' entities.</summary>
    private static IEnumerable<Dataset> UnitSources(BoundExpr e) => e switch
    {
        BoundAggregate { Input: DatasetInput { PerUnit: true } d } => [d.Dataset],
        BoundAggregate { Input: PopulationInput p } => [p.Entity],
        BoundAggregate => [],
        BoundUnary u => UnitSources(u.Operand),
        BoundBinary b => UnitSources(b.Left).Concat(UnitSources(b.Right)),
        BoundIn i => UnitSources(i.Value).Concat(i.Items.SelectMany(UnitSources)),
        BoundIsEmpty i => UnitSources(i.Value),
        BoundCall c => c.Args.SelectMany(UnitSources),
        _ => [],
    };
}
