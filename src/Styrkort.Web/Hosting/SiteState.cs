using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Warehouse;
using Styrkort.Web.AppStore;

namespace Styrkort.Web.Hosting;

/// <summary>
/// The state the pages read, and the one warehouse connection that writes. Readers take the current
/// <see cref="SiteSnapshot"/> (one volatile read) and, for a period not yet evaluated, a reader connection of their own
/// from a small pool: the engine (DuckDB or PostgreSQL, both MVCC) shows them the last committed data, so no reader ever
/// waits for the writer. The writer connection is used only by the background job queue (and at start-up), one job at
/// a time.
/// </summary>
public sealed class SiteState : IDisposable
{
    /// <summary>Periods asked recently that a write evaluates again at once, beside the default quarters; the rest on demand.</summary>
    public const int RecomputedRecentPeriods = 8;
    private const int PooledReaders = 8;

    private readonly IWarehouse _writer;
    private readonly IWarehouse _root; // only ever duplicated, never queried: readers do not touch the writer's connection
    private readonly Lock _rootGate = new();
    private readonly Lock _writeGate = new();
    private readonly ConcurrentBag<IWarehouse> _readers = [];
    private SiteSnapshot? _current;

    public SiteState(IWarehouse warehouse, TimeProvider clock)
    {
        _writer = warehouse;
        _root = warehouse.Duplicate();
        Clock = clock;
    }

    public TimeProvider Clock { get; }

    /// <summary>What the pages show; replaced as a whole after every write.</summary>
    public SiteSnapshot Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("the site is not prepared yet (Startup.PrepareAsync)");

    /// <summary>The goal file in force.</summary>
    public GoalFile Goals => Current.Goals;

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

    /// <summary>The last complete month: kept with the default quarters, so that alerts compare it between snapshots.</summary>
    public Period DefaultMonth
    {
        get
        {
            var today = DateOnly.FromDateTime(Clock.GetLocalNow().Date);
            return new Period(PeriodKind.Month, today.Year, today.Month).Previous();
        }
    }

    /// <summary>
    /// The periods every snapshot evaluates when it is built and keeps for as long as it is in force: the default
    /// quarters and the last complete month. The alerts compare the last quarter and month of two snapshots.
    /// </summary>
    public IReadOnlyList<Period> DefaultPeriods => [.. Quarters, DefaultMonth];

    /// <summary>The periods whose status changes are told (docs/alerts.md): the last complete quarter and month.</summary>
    public IReadOnlyList<Period> AlertPeriods => [DefaultQuarter, DefaultMonth];

    /// <summary>
    /// What a page's period picker offers, latest first: the default quarters and the period shown; a week brings the
    /// weeks before it, as sales activity is followed week by week.
    /// </summary>
    public IReadOnlyList<string> Choices(Period shown)
    {
        var periods = Quarters.Append(shown).ToList();
        var week = shown;
        for (var i = 1; shown.Kind == PeriodKind.Week && i < 8; i++) periods.Add(week = week.Previous());
        return periods.Distinct().OrderByDescending(p => p.End).Select(p => p.ToString()).ToList();
    }

    /// <summary>The years a period or a target level may name; anything outside is a mistake, answered with a 400.</summary>
    public (int First, int Last) SaneYears => (1970, Clock.GetUtcNow().Year + 50);

    public bool IsSane(Period period) => period.Year >= SaneYears.First && period.Year <= SaneYears.Last;

    /// <summary>
    /// Reads a period from a request: false when the text is no period at all (the engine refuses years outside its
    /// range, such as 9999-Q4); <paramref name="sane"/> false when it is one, but outside <see cref="SaneYears"/>,
    /// which the pages answer with a 400.
    /// </summary>
    public bool TryPeriod(string? text, out Period period, out bool sane)
    {
        var parsed = Period.TryParse(text, out period);
        // Only a period can be insane; callers that fall back to the default quarter for no period read sane as true.
        sane = !parsed || IsSane(period);
        return parsed;
    }

    /// <summary>
    /// The outcomes of a period: kept for the default quarters and the periods asked recently, evaluated on a reader
    /// connection the first time; a period outside the data's dates is answered without a query and not kept.
    /// </summary>
    public Evaluation Outcomes(Period period)
    {
        var snapshot = Current;
        if (!snapshot.HasData || (!snapshot.HasDataFor(period) && !Quarters.Contains(period))) return snapshot.Empty(period);
        return snapshot.Outcomes.Get(period);
    }

    /// <summary>The outcomes of several periods (a goal page's history): those not kept yet are evaluated in one plan.</summary>
    public IReadOnlyList<Evaluation> Outcomes(IReadOnlyList<Period> periods)
    {
        var snapshot = Current;
        var kept = periods.Where(p => snapshot.HasData && (snapshot.HasDataFor(p) || Quarters.Contains(p))).ToList();
        var evaluated = snapshot.Outcomes.GetMany(kept).ToDictionary(e => e.Period);
        return periods.Select(p => evaluated.TryGetValue(p, out var e) ? e : snapshot.Empty(p)).ToList();
    }

    /// <summary>Runs a read on a reader connection of its own (the last committed state); never waits for the writer.</summary>
    public T Read<T>(Func<IWarehouse, T> use)
    {
        if (!_readers.TryTake(out var reader))
            lock (_rootGate) reader = _root.Duplicate();
        try
        {
            return use(reader);
        }
        finally
        {
            if (_readers.Count < PooledReaders) _readers.Add(reader);
            else reader.Dispose();
        }
    }

    /// <summary>Runs a write on the writer connection: for the job queue and start-up only.</summary>
    public T Write<T>(Func<IWarehouse, T> use)
    {
        lock (_writeGate) return use(_writer);
    }

    public void Publish(SiteSnapshot snapshot)
    {
        var before = Interlocked.Exchange(ref _current, snapshot);
        Published?.Invoke(before, snapshot);
    }

    /// <summary>After each new snapshot, with the one it replaced (null the first time): the alerts compare the two.</summary>
    public event Action<SiteSnapshot?, SiteSnapshot>? Published;

    /// <summary>Whether a snapshot has been published yet.</summary>
    public bool HasCurrent => Volatile.Read(ref _current) is not null;

    /// <summary>
    /// The default quarter's year-end forecasts, anomalies and change explanations for a published snapshot — some forty
    /// months of every goal's metric, so for the job queue only, never a request; null without data.
    /// </summary>
    public SnapshotInsights? ComputeInsights(SiteSnapshot snapshot, CancellationToken cancellation)
    {
        if (!snapshot.HasData) return null;
        var period = DefaultQuarter;
        var evaluation = snapshot.Outcomes.Get(period);
        return Read(w =>
        {
            var outcomes = new Core.Insights.GoalInsights(snapshot.Goals, w, snapshot.DecidedLevels).Analyse(evaluation, forecast: true, anomalies: true, cancellation);
            // Both comparisons from one query over the quarter, the one before and the quarters the board last saw the goals.
            var changes = new Core.Insights.ChangeExplainer(snapshot.Goals, w)
                .Explain(evaluation, [], [Core.Insights.ChangeSince.Previous, Core.Insights.ChangeSince.Board], cancellation);
            return new SnapshotInsights(period, outcomes, changes[Core.Insights.ChangeSince.Previous]) { BoardChanges = changes[Core.Insights.ChangeSince.Board] };
        });
    }

    /// <summary>
    /// Puts the insights in force with the snapshot they were computed from: a copy of it that carries them, swapped in
    /// only while that snapshot is still the current one (a newer write brings its own). False when it was not.
    /// </summary>
    public bool PublishInsights(SiteSnapshot snapshot, SnapshotInsights insights) =>
        ReferenceEquals(Interlocked.CompareExchange(ref _current, snapshot with { Insights = insights }, snapshot), snapshot);

    /// <summary>
    /// A new snapshot from the app store's decisions and file names and the warehouse's committed data, with the default
    /// quarters and the few periods asked most recently evaluated; it is not in force until <see cref="Publish"/>.
    /// </summary>
    public async Task<SiteSnapshot> BuildAsync(AppDb db, GoalFile goals, int version, CancellationToken cancellation = default)
    {
        var levels = AppStoreSetup.DecidedLevels(db);
        var recent = _current?.Outcomes.Recent(RecomputedRecentPeriods) ?? [];
        return Build(goals, version, levels, recent, cancellation);
    }

    private SiteSnapshot Build(GoalFile goals, int version, IReadOnlyDictionary<(string, string, int), decimal> levels,
        IReadOnlyList<Period> recent, CancellationToken cancellation)
    {
        SiteSnapshot? snapshot = null;
        Evaluator For(IWarehouse w) => new(snapshot!.Goals, w, snapshot.DecidedLevels);
        var cache = new OutcomeCache(p => Read(w => For(w).Evaluate(p)), () => DefaultPeriods)
        {
            EvaluateMany = ps => Read(w => For(w).Evaluate(ps, null, CancellationToken.None)),
        };
        snapshot = Read(w =>
        {
            if (!w.HasUnits)
                return new SiteSnapshot(goals, version, false, [], new HashSet<string>(), new Dictionary<string, IReadOnlySet<string>>(), levels,
                    new Dictionary<(string, string, int), decimal>(), new Dictionary<string, DatasetLineage>(), null, null, cache)
                    { Levels = TargetLevelBook.Of(goals, [], levels) };
            var units = w.Units();
            var lineage = w.Lineage(goals.Datasets.Keys).ToDictionary(l => l.Dataset,
                l => new DatasetLineage(l.Dataset, l.Rows, l.ImportedAt, l.File is null ? null : Path.GetFileName(l.File)),
                StringComparer.OrdinalIgnoreCase);
            var imported = goals.TargetLevels is { } source ? w.ImportedLevels(source) : new Dictionary<(string, string, int), decimal>();
            var (first, last) = w.DateRange(goals);
            var book = goals.TargetLevels is { } rows && goals.Goals.Any(g => g.Target.FromDataset)
                ? TargetLevelBook.Of(goals, w.TargetLevels(rows), levels)
                : TargetLevelBook.Empty;
            return new SiteSnapshot(goals, version, true, units, units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal), Ancestry(units),
                levels, imported, lineage, first, last, cache) { Levels = book };
        });
        if (snapshot.HasData)
        {
            // The default periods and the recently asked ones in one plan: what they share is computed once.
            var defaults = DefaultPeriods;
            var periods = defaults.Concat(recent).Distinct().Where(p => snapshot.HasDataFor(p) || defaults.Contains(p)).ToList();
            if (periods.Count > 0)
                cache.Preload(Read(w => For(w).Evaluate(periods, null, cancellation)));
        }
        return snapshot;
    }

    private static Dictionary<string, IReadOnlySet<string>> Ancestry(IReadOnlyList<UnitInfo> units)
    {
        var parent = units.ToDictionary(u => u.Id, u => u.Parent, StringComparer.Ordinal);
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            var above = new HashSet<string>(StringComparer.Ordinal);
            for (string? at = unit.Id; at is not null && above.Add(at);) at = parent.GetValueOrDefault(at);
            result[unit.Id] = above;
        }
        return result;
    }

    public void Dispose()
    {
        while (_readers.TryTake(out var reader)) reader.Dispose();
        _root.Dispose();
        _writer.Dispose();
    }
}
