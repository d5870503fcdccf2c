using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Npgsql;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Warehouse.Csv;
using Styrkort.Core.Warehouse.DuckDb;
using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.Warehouse.Postgres;

/// <summary>
/// An import into PostgreSQL, all or nothing, in one transaction. DuckDB validates, PostgreSQL stores: each file is
/// loaded by the DuckDB warehouse's own loader into a private in-memory DuckDB (so every cell, type and key error is
/// the DuckDB warehouse's, to the byte), then streamed into a staging table with binary COPY and dropped from DuckDB.
/// References, the unit tree and the history are then checked and built in PostgreSQL against the staged tables, and
/// only at the very end are the staged tables swapped in: readers keep reading the current tables throughout, and wait
/// (if at all) only for the milliseconds of the swap. A crash or a dropped connection aborts the transaction and with
/// it every staged table.
/// </summary>
internal sealed class PostgresImport(NpgsqlConnection db, PostgresAddress address, Action interruptServer)
{
    private const string Staged = "_new_";

    /// <summary>DuckDB's share of memory while it validates one file: it spills to its temporary folder past it.</summary>
    private const string ScratchMemory = "1GB";

    public IReadOnlyList<ImportedFile> Run(GoalFile file, string folder, IReadOnlySet<string> existing, TimeProvider clock, IProgress<ImportProgress>? progress,
        Action<IReadOnlyList<ImportedFile>>? beforeCommit, CancellationToken cancellation, IReadOnlyDictionary<string, string>? sourceNames, string? importedBy,
        IReadOnlyDictionary<string, CsvFormat>? sourceFormats)
    {
        cancellation.ThrowIfCancellationRequested();
        using var prepared = CsvSources.Prepare(file, folder, DataFolder.Sources(file, folder, existing), sourceFormats, cancellation);
        var sources = prepared.Paths;
        var scratchFolder = Path.Combine(Path.GetTempPath(), "styrkort-import-" + Guid.NewGuid().ToString("N"));
        NpgsqlTransaction? transaction = null;
        try
        {
            using var duck = Scratch(scratchFolder);
            // A cancellation stops whichever engine is working: DuckDB reading a file, or PostgreSQL running a statement.
            using var interrupt = cancellation.Register(() =>
            {
                using (var command = duck.CreateCommand()) command.Cancel();
                interruptServer();
            });
            try
            {
                transaction = db.BeginTransaction();
                // One import at a time into a schema: a second one waits here, before it has read anything.
                db.Execute("SELECT pg_advisory_xact_lock(hashtext('styrkort import ' || current_schema()))");
                var imported = new List<ImportedFile>();
                var staged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                var datasets = file.Datasets.Values.ToList();
                for (var i = 0; i < datasets.Count; i++)
                {
                    var dataset = datasets[i];
                    var path = sources[dataset.Name];
                    var display = Path.Combine(folder, dataset.File);
                    if (!File.Exists(path)) continue; // the warehouse keeps its current table
                    cancellation.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress(dataset.Name, i + 1, datasets.Count));
                    // The file's hash is read on another thread while DuckDB loads it: both read the same file, the second from cache.
                    var hash = Task.Run(() => DataFolder.Hash(path));
                    long rows;
                    try
                    {
                        rows = DatasetLoader.Load(duck, dataset, path, display);
                        var stage = StageName(dataset.Name, i);
                        TableCopier.Copy(duck, db, dataset, path, display, stage, cancellation);
                        staged[dataset.Name] = stage;
                        // Only one file's table is held in DuckDB at a time.
                        duck.Execute($"DROP TABLE {Quote(dataset.Name)}");
                    }
                    catch
                    {
                        // A failed import leaves nothing reading its files behind it.
                        Task.WhenAny(hash).GetAwaiter().GetResult();
                        throw;
                    }
                    imported.Add(new ImportedFile(dataset.Name, sourceNames?.GetValueOrDefault(dataset.Name) ?? display, rows,
                        prepared.OriginalHashes.GetValueOrDefault(dataset.Name) ?? hash.GetAwaiter().GetResult()) { Format = prepared.Formats.GetValueOrDefault(dataset.Name) });
                }
                cancellation.ThrowIfCancellationRequested();
                OrganisationUnits.Apply(db, file, staged.Keys, name => Quote(staged[name]));
                ReferenceChecker.Check(db, file, folder, sources, staged);
                cancellation.ThrowIfCancellationRequested();
                var units = file.Datasets[file.Units.Dataset];
                PostgresUnitTree.Build(db, file.Units, staged.GetValueOrDefault(units.Name) ?? units.Name, Staged, Path.Combine(folder, units.File));
                var swapped = staged.Select(s => (Stage: s.Value, Table: s.Key)).Concat(PostgresUnitTree.Tables.Select(t => (Stage: Staged + t, Table: t))).ToList();
                // The planner's estimates for the new tables, before anyone queries them.
                db.Execute($"ANALYZE {string.Join(", ", swapped.Select(s => Quote(s.Stage)))}");
                ImportHistoryTable.Record(db, imported, clock, importedBy);
                cancellation.ThrowIfCancellationRequested();
                // From here on the import commits: the caller's own record (beforeCommit) may already be saved when a
                // late interrupt would hit the swap or the COMMIT and leave the two apart.
                interrupt.Dispose();
                beforeCommit?.Invoke(imported);
                Swap(swapped);
                transaction.Commit();
                return imported;
            }
            catch (Exception e)
            {
                interrupt.Dispose(); // no interrupt may hit the rollback
                Rollback(transaction);
                // An interrupted statement fails in whatever way it was interrupted: report the cancellation, not that.
                if (cancellation.IsCancellationRequested && e is DuckDBException or StyrkortException or NpgsqlException)
                    throw new OperationCanceledException("the import was cancelled; nothing was changed", e, cancellation);
                if (e is NpgsqlException n)
                    throw new StyrkortException(new SourceLocation(address.Display, 0, 0),
                        $"the PostgreSQL warehouse refused the import; nothing was changed: {(n as PostgresException)?.MessageText ?? n.Message.Split('\n')[0]}");
                throw;
            }
        }
        finally
        {
            if (Directory.Exists(scratchFolder)) Directory.Delete(scratchFolder, recursive: true);
        }
    }

    /// <summary>The private DuckDB a file is validated in: in memory, bounded, spilling to a folder of its own.</summary>
    private static DuckDBConnection Scratch(string folder)
    {
        var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        duck.Execute($"SET memory_limit = '{ScratchMemory}'; SET temp_directory = {Text(folder)}");
        return duck;
    }

    /// <summary>The staging table of a dataset: its name behind a prefix, or its position where that would pass PostgreSQL's 63 bytes.</summary>
    private static string StageName(string dataset, int index) =>
        Encoding.UTF8.GetByteCount(Staged + dataset) <= 63 ? Staged + dataset : Staged + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Replaces the current tables with the staged ones. Each current table is locked first, all at once; while a long
    /// query reads one, the lock is given up after a moment and tried again, so that readers arriving meanwhile do not
    /// queue behind the import (after half a minute of that, the import waits its turn like any other).
    /// </summary>
    private void Swap(IReadOnlyList<(string Stage, string Table)> tables)
    {
        var present = db.Rows($"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ({string.Join(", ", tables.Select(t => Text(t.Table)))})")
            .Select(r => (string)r[0]!).ToList();
        if (present.Count > 0)
        {
            var lockAll = $"LOCK TABLE {string.Join(", ", present.Select(Quote))} IN ACCESS EXCLUSIVE MODE";
            var waited = Stopwatch.StartNew();
            db.Execute("SET LOCAL lock_timeout = '100ms'");
            while (true)
            {
                db.Execute("SAVEPOINT swap");
                try
                {
                    db.Execute(lockAll);
                    db.Execute("RELEASE SAVEPOINT swap");
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable && waited.Elapsed < TimeSpan.FromSeconds(30))
                {
                    db.Execute("ROLLBACK TO SAVEPOINT swap");
                    Thread.Sleep(50);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
                {
                    db.Execute("ROLLBACK TO SAVEPOINT swap; SET LOCAL lock_timeout = 0");
                }
            }
        }
        db.Execute(string.Join("; ", present.Select(t => $"DROP TABLE {Quote(t)}")
            .Concat(tables.Select(t => $"ALTER TABLE {Quote(t.Stage)} RENAME TO {Quote(t.Table)}"))));
    }

    private static void Rollback(NpgsqlTransaction? transaction)
    {
        try
        {
            transaction?.Rollback();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A broken connection has lost its transaction already: the server rolled it back.
        }
    }
}
