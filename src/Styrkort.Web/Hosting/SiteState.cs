using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Warehouse;

namespace Styrkort.Web.Hosting;

/// <summary>
/// The goal file, the warehouse and the precomputed outcomes. DuckDB connections are not for concurrent use, so
/// every use of the warehouse goes through one gate; pages read outcomes from the cache, not from the warehouse.
/// </summary>
public sealed class SiteState(GoalFile goals, Warehouse warehouse, TimeProvider clock) : IDisposable
{
    private readonly Lock _gate = new();
    private Dictionary<Period, Evaluation> _outcomes = [];
    private IReadOnlyDictionary<(string, string, int), decimal> _levels = new Dictionary<(string, string, int), decimal>();

    private GoalFile _goals = goals;

    /// <summary>The goal file in force; replaced as a whole when a controller saves a new version.</summary>
    public GoalFile Goals => Volatile.Read(ref _goals);
    public TimeProvider Clock { get; } = clock;

    /// <summary>The quarters shown by default: the eight up to the last complete quarter.</summary>
    public IReadOnlyList<Period> Quarters
    {
        get
        {
            var today = DateOnly.FromDateTime(Clock.GetLocalNow().Date);
            var current = new Period(PeriodKind.Quarter, today.Year, (today.Month + 2) / 3);
            var list = new List<Period> { current.Previous() };
            while (list.Count < 8) list.Add(list[^1].Previous());
            list.Reverse();
            return list;
        }
    }

    public Period DefaultQuarter => Quarters[^1];

    public T UseWarehouse<T>(Func<Warehouse, T> use)
    {
        lock (_gate) return use(warehouse);
    }

    /// <summary>The outcomes of a period: precomputed for the default quarters, computed once and kept for others.</summary>
    public Evaluation Outcomes(Period period)
    {
        lock (_gate)
        {
            if (_outcomes.TryGetValue(period, out var cached)) return cached;
            var evaluation = new Evaluator(Goals, warehouse, _levels).Evaluate(period);
            _outcomes = new Dictionary<Period, Evaluation>(_outcomes) { [period] = evaluation };
            return evaluation;
        }
    }

    /// <summary>Recomputes every kept period: after an import or a target decision, never on a page request.</summary>
    public void Recompute(IReadOnlyDictionary<(string, string, int), decimal> decidedLevels)
    {
        lock (_gate)
        {
            _levels = decidedLevels;
            var periods = _outcomes.Keys.Union(Quarters).ToList();
            var evaluator = new Evaluator(Goals, warehouse, _levels);
            _outcomes = periods.ToDictionary(p => p, p => evaluator.Evaluate(p));
        }
    }

    /// <summary>
    /// Puts a new goal file in force: only if the warehouse holds every dataset it declares and every kept period
    /// evaluates under it; otherwise the old one stays and the error says why.
    /// </summary>
    public void ReplaceGoals(GoalFile replacement, string where)
    {
        lock (_gate)
        {
            if (warehouse.HasUnits) warehouse.RequireLoaded(replacement, where);
            var evaluator = new Evaluator(replacement, warehouse, _levels);
            var outcomes = warehouse.HasUnits ? _outcomes.Keys.Union(Quarters).ToDictionary(p => p, p => evaluator.Evaluate(p)) : [];
            Volatile.Write(ref _goals, replacement);
            _outcomes = outcomes;
        }
    }

    public void Dispose() => warehouse.Dispose();
}
