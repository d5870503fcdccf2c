using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Web.Hosting;

/// <summary>The latest import of a dataset as the pages show it: rows, time and the file name the user uploaded.</summary>
public sealed record DatasetLineage(string Dataset, long Rows, DateTime? ImportedAtUtc, string? File);

/// <summary>
/// Everything a page needs, as of the last completed write: built off to the side by the writer and swapped in whole,
/// so a reader sees either the old state or the new one and never waits for a writer. Only the outcome cache fills up
/// after the swap, and it is bounded.
/// </summary>
/// <param name="Ancestors">For each unit, itself and every unit above it.</param>
/// <param name="FirstDate">The earliest date in the datasets' time columns; null when they have none.</param>
public sealed record SiteSnapshot(
    GoalFile Goals,
    int Version,
    bool HasData,
    IReadOnlyList<UnitInfo> Units,
    IReadOnlySet<string> UnitIds,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Ancestors,
    IReadOnlyDictionary<(string Goal, string Unit, int Year), decimal> DecidedLevels,
    IReadOnlyDictionary<(string Goal, string Unit, int Year), decimal> ImportedLevels,
    IReadOnlyDictionary<string, DatasetLineage> Lineage,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    OutcomeCache Outcomes)
{
    /// <summary>Whether a unit is the given one or lies below it.</summary>
    public bool IsWithin(string unit, string ancestor) => Ancestors.TryGetValue(unit, out var above) && above.Contains(ancestor);

    /// <summary>
    /// Whether evaluating the period can find anything: it touches the range of the data's dates, give or take a year
    /// for the trailing windows (12 and 36 months) that reach back into the data. Other periods are answered without a query.
    /// </summary>
    public bool HasDataFor(Period period) =>
        HasData && (FirstDate is not { } first || LastDate is not { } last
                    || (period.End >= first.AddMonths(-3) && period.Start <= last.AddYears(1)));

    /// <summary>The levels of target_levels and the board's decisions, by goal, unit and period, as the evaluator reads them.</summary>
    public TargetLevelBook Levels { get; init; } = TargetLevelBook.Empty;

    /// <summary>
    /// The default quarter's forecasts, anomalies and change explanations; null until the background job that follows
    /// every new snapshot has computed them (<see cref="SiteState.ComputeInsights"/>).
    /// </summary>
    public SnapshotInsights? Insights { get; init; }

    /// <summary>The outcomes of a period without data: every goal and unit, no value, the target that would apply.</summary>
    public Evaluation Empty(Period period)
    {
        var outcomes = new List<Outcome>();
        foreach (var goal in Goals.Goals)
            foreach (var unit in Units.Where(u => GoalScope.Follows(goal, u.Id, IsWithin)))
            {
                // The same levels, looked up the same way, as the evaluation of a period with data.
                var level = goal.Target.FromDataset ? Levels.For(goal, unit.Id, period) : null;
                var judged = TargetJudge.Judge(goal, period, null, null, level);
                outcomes.Add(new Outcome(goal.Id, unit.Id, null, null, judged.Status, TargetJudge.Scheduled(goal, period), judged.Target));
            }
        return new Evaluation(period, Units, outcomes);
    }
}

/// <summary>
/// The evaluated periods of one snapshot: the pinned ones (the default quarters) always kept, at most
/// <see cref="Capacity"/> others, least recently asked dropped first. A period asked by many at once is evaluated once:
/// they share one <see cref="Lazy{T}"/>, and the gate is never held while evaluating.
/// </summary>
public sealed class OutcomeCache(Func<Period, Evaluation> evaluate, Func<IReadOnlyCollection<Period>> pinned, int capacity = OutcomeCache.DefaultCapacity)
{
    /// <summary>Evaluates several periods in one plan; without it they are evaluated one by one.</summary>
    public Func<IReadOnlyList<Period>, IReadOnlyList<Evaluation>>? EvaluateMany { get; init; }

    public const int DefaultCapacity = 64;

    private readonly Lock _gate = new();
    private readonly Dictionary<Period, (Lazy<Evaluation> Value, LinkedListNode<Period> Node)> _entries = [];
    private readonly LinkedList<Period> _recency = new(); // least recently asked first
    private int _evaluations;

    public int Capacity => capacity;

    /// <summary>How many periods are kept now.</summary>
    public int Count { get { lock (_gate) return _entries.Count; } }

    /// <summary>How many evaluations this cache has run (precomputed ones included): what a write costs shows here.</summary>
    public int Evaluations => Volatile.Read(ref _evaluations);

    public bool Contains(Period period) { lock (_gate) return _entries.ContainsKey(period); }

    /// <summary>The periods asked most recently, newest first.</summary>
    public IReadOnlyList<Period> Recent(int count)
    {
        lock (_gate)
        {
            var list = new List<Period>();
            for (var node = _recency.Last; node is not null && list.Count < count; node = node.Previous) list.Add(node.Value);
            return list;
        }
    }

    /// <summary>Keeps evaluations made elsewhere (several periods in one plan) as if this cache had run them.</summary>
    public void Preload(IEnumerable<Evaluation> evaluations)
    {
        foreach (var evaluation in evaluations)
        {
            Interlocked.Increment(ref _evaluations);
            var lazy = new Lazy<Evaluation>(evaluation);
            lock (_gate)
            {
                if (_entries.TryGetValue(evaluation.Period, out var old)) _recency.Remove(old.Node);
                _entries[evaluation.Period] = (lazy, _recency.AddLast(evaluation.Period));
                Evict();
            }
        }
    }

    /// <summary>
    /// Several periods (a goal page's eight quarters): those not kept yet are evaluated together, in one plan, and each
    /// is kept as <see cref="Get"/> keeps it; a period asked by others meanwhile waits for the same evaluation.
    /// </summary>
    public IReadOnlyList<Evaluation> GetMany(IReadOnlyList<Period> periods)
    {
        if (EvaluateMany is null) return periods.Select(Get).ToList();
        var lazies = new List<Lazy<Evaluation>>();
        lock (_gate)
        {
            var missing = periods.Distinct().Where(p => !_entries.ContainsKey(p)).ToList();
            if (missing.Count > 0)
            {
                var batch = new Lazy<IReadOnlyList<Evaluation>>(() =>
                {
                    Interlocked.Add(ref _evaluations, missing.Count);
                    return EvaluateMany(missing);
                }, LazyThreadSafetyMode.ExecutionAndPublication);
                for (var i = 0; i < missing.Count; i++)
                {
                    var index = i;
                    _entries[missing[i]] = (new Lazy<Evaluation>(() => batch.Value[index], LazyThreadSafetyMode.ExecutionAndPublication), _recency.AddLast(missing[i]));
                }
            }
            foreach (var period in periods)
            {
                var entry = _entries[period];
                _recency.Remove(entry.Node);
                _recency.AddLast(entry.Node);
                lazies.Add(entry.Value);
            }
            Evict();
        }
        var result = new List<Evaluation>();
        for (var i = 0; i < periods.Count; i++)
        {
            try
            {
                result.Add(lazies[i].Value);
            }
            catch
            {
                for (var j = 0; j < periods.Count; j++) Forget(periods[j], lazies[j]);
                throw;
            }
        }
        return result;
    }

    public Evaluation Get(Period period)
    {
        Lazy<Evaluation> lazy;
        lock (_gate)
        {
            if (_entries.TryGetValue(period, out var entry))
            {
                _recency.Remove(entry.Node);
                _recency.AddLast(entry.Node);
                lazy = entry.Value;
            }
            else
            {
                lazy = new Lazy<Evaluation>(() =>
                {
                    Interlocked.Increment(ref _evaluations);
                    return evaluate(period);
                }, LazyThreadSafetyMode.ExecutionAndPublication);
                _entries[period] = (lazy, _recency.AddLast(period));
                Evict();
            }
        }
        try
        {
            return lazy.Value;
        }
        catch
        {
            Forget(period, lazy);
            throw;
        }
    }

    /// <summary>A failed evaluation is not kept (unless another has replaced it meanwhile): the next request tries again.</summary>
    private void Forget(Period period, Lazy<Evaluation> lazy)
    {
        lock (_gate)
            if (_entries.TryGetValue(period, out var entry) && ReferenceEquals(entry.Value, lazy))
            {
                _recency.Remove(entry.Node);
                _entries.Remove(period);
            }
    }

    private void Evict()
    {
        var keep = pinned();
        var others = _entries.Keys.Count(p => !keep.Contains(p));
        for (var node = _recency.First; node is not null && others > capacity;)
        {
            var next = node.Next;
            if (!keep.Contains(node.Value))
            {
                _entries.Remove(node.Value);
                _recency.Remove(node);
                others--;
            }
            node = next;
        }
    }
}
