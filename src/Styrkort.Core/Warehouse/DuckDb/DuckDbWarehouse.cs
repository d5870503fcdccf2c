using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Sql;
using Styrkort.Core.Warehouse.Csv;
using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.Warehouse.DuckDb;

/// <summary>The embedded warehouse (the default): one DuckDB table per dataset, the unit tables, and the import history.</summary>
public sealed class DuckDbWarehouse : IWarehouse
{
    private readonly DuckDBConnection _db;

    private DuckDbWarehouse(DuckDBConnection db) => _db = db;

    public DbConnection Connection => _db;

    /// <summary>Opens (or creates) a warehouse file; null opens an in-memory warehouse.</summary>
    public static DuckDbWarehouse Open(string? path)
    {
        var db = new DuckDBConnection(path is null ? "DataSource=:memory:" : $"DataSource={Path.GetFullPath(path)}");
        db.Open();
        db.Execute("""
            CREATE TABLE IF NOT EXISTS _imports (
              batch_id BIGINT, imported_at TIMESTAMP, dataset VARCHAR, file VARCHAR, sha256 VARCHAR, row_count BIGINT, imported_by VARCHAR, format VARCHAR)
            """);
        // Warehouses from before the history named who imported, and the file's format.
        db.Execute("ALTER TABLE _imports ADD COLUMN IF NOT EXISTS imported_by VARCHAR");
        db.Execute("ALTER TABLE _imports ADD COLUMN IF NOT EXISTS format VARCHAR");
        return new DuckDbWarehouse(db);
    }

    /// <summary>
    /// Another connection to the same database, for use on another thread: DuckDB connections are not for concurrent
    /// use, but connections are; a reader on its own connection sees the last committed state and never waits for a
    /// writer's transaction.
    /// </summary>
    public IWarehouse Duplicate()
    {
        // DuckDB.NET duplicates only in-memory connections; a file is opened again, and the driver shares the one
        // database instance per file between the connections (so they see each other's commits).
        if (_db.ConnectionString.Contains(":memory:", StringComparison.Ordinal)) return new DuckDbWarehouse(_db.Duplicate());
        var again = new DuckDBConnection(_db.ConnectionString);
        again.Open();
        return new DuckDbWarehouse(again);
    }

    /// <summary>
    /// Imports the goal file's datasets from a folder of CSV files, all or nothing: any error leaves the warehouse as
    /// it was. Files that are absent keep the warehouse's current table; a dataset absent from both is an error.
    /// <paramref name="beforeCommit"/> runs inside the transaction, after every check has passed: when it throws, the
    /// warehouse is rolled back too, so a caller can make its own record of the import part of the same unit of work.
    /// </summary>
    /// <param name="sourceNames">What the import history records as each dataset's file (an upload's own file name),
    /// where it is not the file read (a temporary copy, deleted afterwards).</param>
    public IReadOnlyList<ImportedFile> Import(GoalFile file, string folder, TimeProvider clock, IProgress<ImportProgress>? progress = null,
        Action<IReadOnlyList<ImportedFile>>? beforeCommit = null, CancellationToken cancellation = default,
        IReadOnlyDictionary<string, string>? sourceNames = null, string? importedBy = null, IReadOnlyDictionary<string, CsvFormat>? sourceFormats = null)
    {
        cancellation.ThrowIfCancellationRequested();
        using var prepared = CsvSources.Prepare(file, folder, DataFolder.Sources(file, folder, Tables()), sourceFormats, cancellation);
        var sources = prepared.Paths;
        var imported = new List<ImportedFile>();
        var datasets = file.Datasets.Values.ToList();
        // Each file is read once more on another thread, ahead of DuckDB's load and in its order: its hash, and the scan
        // that the one-pass load and the reference check need (DatasetLoader.Scan). A cancelled import stops it too.
        var references = ScannedReferences.Of(file);
        var proved = new List<ScannedReferences.Reference>();
        using var stopScans = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var scans = datasets.Where(d => File.Exists(sources[d.Name]))
            .ToDictionary(d => d.Name, _ => new TaskCompletionSource<CsvFacts>(TaskCreationOptions.RunContinuationsAsynchronously), StringComparer.OrdinalIgnoreCase);
        var scanning = Task.Run(() => ScanAll(datasets.Where(d => scans.ContainsKey(d.Name)).ToList(), sources, references, scans, proved, stopScans.Token));
        // DuckDB stops a running statement when interrupted; the rollback below then leaves the warehouse as it was.
        using var interrupt = cancellation.Register(Interrupt);
        _db.Execute("BEGIN TRANSACTION");
        try
        {
            for (var i = 0; i < datasets.Count; i++)
            {
                var dataset = datasets[i];
                var path = sources[dataset.Name];
                var display = Path.Combine(folder, dataset.File);
                if (!scans.TryGetValue(dataset.Name, out var scan)) continue; // no file: the warehouse keeps its current table
                cancellation.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(dataset.Name, i + 1, datasets.Count));
                var facts = scan.Task.GetAwaiter().GetResult();
                var rows = DatasetLoader.Load(_db, dataset, path, display, facts);
                imported.Add(new ImportedFile(dataset.Name, sourceNames?.GetValueOrDefault(dataset.Name) ?? display, rows,
                    prepared.OriginalHashes.GetValueOrDefault(dataset.Name) ?? facts.Sha256) { Format = prepared.Formats.GetValueOrDefault(dataset.Name) });
            }
            cancellation.ThrowIfCancellationRequested();
            scanning.GetAwaiter().GetResult();
            OrganisationUnits.Apply(_db, file, imported.Select(i => i.Dataset), Quote);
            ScannedReferences.Check(_db, file, folder, sources, proved);
            cancellation.ThrowIfCancellationRequested();
            UnitTreeBuilder.Build(_db, file.Units, Path.Combine(folder, file.Datasets[file.Units.Dataset].File));
            ImportHistoryTable.Record(_db, imported, clock, importedBy);
            cancellation.ThrowIfCancellationRequested();
            // From here on the import commits: the caller's own record (beforeCommit) may already be saved when a late
            // interrupt would hit the COMMIT and leave the two apart.
            interrupt.Dispose();
            beforeCommit?.Invoke(imported);
            _db.Execute("COMMIT");
            return imported;
        }
        catch (Exception e)
        {
            // A failed import leaves nothing reading its files behind it.
            stopScans.Cancel();
            scanning.GetAwaiter().GetResult();
            interrupt.Dispose(); // no interrupt may hit the rollback
            _db.Execute("ROLLBACK");
            // An interrupted statement fails in whatever way it was interrupted: report the cancellation, not that.
            if (cancellation.IsCancellationRequested && e is DuckDBException or StyrkortException)
                throw new OperationCanceledException("the import was cancelled; nothing was changed", e, cancellation);
            throw;
        }
    }

    /// <summary>
    /// Scans the files one after the other, in the order DuckDB loads them. A file's scan keeps the texts that later
    /// files refer to and looks up the texts of references to earlier files: those found are <paramref name="proved"/>.
    /// </summary>
    private static void ScanAll(List<Dataset> order, IReadOnlyDictionary<string, string> sources, List<ScannedReferences.Reference> references,
        Dictionary<string, TaskCompletionSource<CsvFacts>> scans, List<ScannedReferences.Reference> proved, CancellationToken stop)
    {
        var done = new Dictionary<string, CsvFacts>(StringComparer.OrdinalIgnoreCase);
        foreach (var dataset in order)
        {
            var result = scans[dataset.Name];
            if (stop.IsCancellationRequested)
            {
                result.SetCanceled(stop);
                continue;
            }
            try
            {
                var path = sources[dataset.Name];
                var collect = references.Where(r => r.Target == dataset).Select(r => r.Key).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var probes = new Dictionary<string, TextSet>(StringComparer.OrdinalIgnoreCase);
                var probing = new List<ScannedReferences.Reference>();
                foreach (var r in references.Where(r => r.Dataset == dataset && r.Target != dataset))
                {
                    if (!done.TryGetValue(r.Target.Name, out var target) || !target.Plain || r.Target.Find(r.Key)?.Type != r.Column.Type) continue;
                    var field = DatasetLoader.Field(sources[r.Target.Name], r.Key);
                    if (field < 0 || target.Padded[field] || !target.Sets.TryGetValue(field, out var set) || !probes.TryAdd(r.Column.Name, set)) continue;
                    probing.Add(r);
                }
                var facts = DatasetLoader.Scan(dataset, path, collect, probes, stop);
                done[dataset.Name] = facts;
                if (facts.Found)
                    lock (proved) proved.AddRange(probing.Where(r => !facts.Padded[DatasetLoader.Field(path, r.Column.Name)]));
                result.SetResult(facts);
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
        }
    }

    /// <summary>Stops the statement running on this connection (from any thread); it fails with an interrupt error.</summary>
    public void Interrupt()
    {
        using var command = _db.CreateCommand();
        command.Cancel();
    }

    /// <summary>Checks that every dataset of the goal file and the unit tables are present.</summary>
    public void RequireLoaded(GoalFile file, string where)
    {
        var tables = Tables();
        var missing = file.Datasets.Keys.Where(d => !tables.Contains(d)).ToList();
        if (!tables.Contains("_units")) missing.Add("(the unit tree)");
        if (missing.Count > 0)
            throw new StyrkortException(new SourceLocation(where, 0, 0), $"the warehouse has no data for: {string.Join(", ", missing)}; run styrkort import first");
    }

    /// <summary>Whether the unit tree has been imported, so that goals can be evaluated.</summary>
    public bool HasUnits => Tables().Contains("_units");

    /// <summary>The unit tree, parents before their children; empty before the first import.</summary>
    public IReadOnlyList<Evaluation.UnitInfo> Units() =>
        HasUnits
            ? _db.Rows("SELECT unit_id, name, parent_id, depth FROM _units ORDER BY sort_path")
                .Select(r => new Evaluation.UnitInfo((string)r[0]!, (string?)r[1] ?? (string)r[0]!, (string?)r[2], System.Convert.ToInt32(r[3], CultureInfo.InvariantCulture)))
                .ToList()
            : [];

    public (DateOnly? First, DateOnly? Last) DateRange(GoalFile file) => DataDates.Range(_db, file, Tables());

    /// <summary>The SQL dialect this warehouse speaks; plans are rendered in it by <see cref="Rows"/>.</summary>
    public SqlDialect Dialect => DuckDbDialect.Instance;

    /// <summary>Runs a planned query (rendered in <see cref="Dialect"/>) and returns its rows.</summary>
    public List<object?[]> Rows(SqlQuery query) => _db.Rows(Dialect.Render(query));

    public IEnumerable<object?[]> Stream(SqlQuery query) => _db.Stream(Dialect.Render(query));

    /// <summary>A unit and every unit below it.</summary>
    public IReadOnlySet<string> Subtree(string unit) =>
        _db.Rows($"SELECT unit_id FROM _unit_closure WHERE ancestor = {Text(unit)}").Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every level of target_levels: goal, unit, period as text, level.</summary>
    public IEnumerable<(string Goal, string Unit, string Period, decimal Level)> TargetLevels(TargetLevelSource t)
    {
        var period = TargetLevelColumns.Period(t, Quote, "VARCHAR");
        return _db.Rows($"SELECT {Quote(t.Goal)}, {Quote(t.Unit)}, {period}, CAST({Quote(t.Level)} AS DECIMAL(38,6)) FROM {Quote(t.Dataset)} " +
                        $"WHERE {Quote(t.Level)} IS NOT NULL AND {period} IS NOT NULL")
            .Select(r => ((string)r[0]!, (string)r[1]!, (string)r[2]!, (decimal)r[3]!));
    }

    public IReadOnlySet<string> UnitIds() =>
        HasUnits ? _db.Rows("SELECT unit_id FROM _units").Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    /// <summary>Whether a unit is the given ancestor or lies below it.</summary>
    public bool IsWithin(string unit, string ancestor) =>
        HasUnits && System.Convert.ToInt64(_db.Scalar($"SELECT count(*) FROM _unit_closure WHERE unit_id = {Text(unit)} AND ancestor = {Text(ancestor)}"), CultureInfo.InvariantCulture) > 0;

    /// <summary>Rows per dataset and the latest import of each: the lineage shown beside a goal.</summary>
    public IReadOnlyList<(string Dataset, long Rows, DateTime? ImportedAt, string? File)> Lineage(IEnumerable<string> datasets) =>
        ImportHistoryTable.Lineage(_db, datasets, Tables());

    public IReadOnlyList<ImportRecord> LatestImports() => ImportHistoryTable.Latest(_db);

    public IReadOnlyList<ImportRecord> Imports(int limit = 1000) => ImportHistoryTable.Newest(_db, limit);

    /// <summary>The board levels as imported: (goal, unit, year) → level.</summary>
    public IReadOnlyDictionary<(string Goal, string Unit, int Year), decimal> ImportedLevels(TargetLevelSource source)
    {
        if (!Tables().Contains(source.Dataset)) return new Dictionary<(string, string, int), decimal>();
        return TargetLevelColumns.Yearly(TargetLevels(source), level => level / 1.000000000000000000000000000000000m);
    }

    private HashSet<string> Tables() =>
        _db.Rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")
            .Select(r => (string)r[0]!).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public void Dispose() => _db.Dispose();
}
