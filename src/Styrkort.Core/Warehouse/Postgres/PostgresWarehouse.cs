using System.Globalization;
using Npgsql;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Sql;
using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.Warehouse.Postgres;

/// <summary>
/// The warehouse on a PostgreSQL server: one table per dataset, the unit tables and the import history, in the
/// connection's current schema. Import is <see cref="PostgresImport"/>; the rest answers in PostgreSQL's SQL with the
/// values the DuckDB warehouse gives (long, int, decimal, double, DateTime for dates, string).
/// </summary>
public sealed class PostgresWarehouse : IWarehouse
{
    private readonly NpgsqlConnection _db;
    private readonly PostgresAddress _address;

    private PostgresWarehouse(NpgsqlConnection db, PostgresAddress address) => (_db, _address) = (db, address);

    /// <summary>
    /// Connects and creates the import history when there is none. A server that cannot be reached, or refuses the
    /// user, is a located error naming the address (never its password).
    /// </summary>
    public static PostgresWarehouse Open(PostgresAddress address)
    {
        var warehouse = new PostgresWarehouse(Connect(address), address);
        try
        {
            // Only a warehouse without a history needs the right to create one: a reader's role may not have it.
            if (warehouse._db.Scalar("SELECT CAST(to_regclass(quote_ident(current_schema()) || '._imports') AS TEXT)") is null)
                warehouse._db.Execute("""
                    CREATE TABLE IF NOT EXISTS _imports (
                      batch_id bigint, imported_at timestamp, dataset text, file text, sha256 text, row_count bigint, imported_by text, format text)
                    """);
            // Histories from before the file's format was recorded; only a role that may change the table is asked to.
            else if (warehouse._db.Scalar("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '_imports' AND column_name = 'format'") is null)
                try
                {
                    warehouse._db.Execute("ALTER TABLE _imports ADD COLUMN IF NOT EXISTS format text");
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege || e.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction)
                {
                    // A reader's role: the history is read without formats (ImportHistoryTable reads the column by name, as JSON).
                }
            return warehouse;
        }
        catch (PostgresException e)
        {
            warehouse.Dispose();
            throw new StyrkortException(new SourceLocation(address.Display, 0, 0), $"the PostgreSQL warehouse cannot be opened: {e.MessageText}");
        }
    }

    private static NpgsqlConnection Connect(PostgresAddress address)
    {
        // Statements run as long as they need (an import of millions of rows, a large evaluation), as on DuckDB;
        // Interrupt stops them.
        var builder = new NpgsqlConnectionStringBuilder(address.ConnectionString) { CommandTimeout = 0 };
        // An evaluation is one large generated statement: PostgreSQL's JIT compiles its many expressions for seconds
        // (measured: 8 s against 3 s at 200 000 companies), more than it ever saves on them.
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        var db = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            db.Open();
            return db;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            db.Dispose();
            var reason = e switch
            {
                PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } p =>
                    $"the server refused the user: {p.MessageText}",
                PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } p => $"{p.MessageText}; create it first (createdb)",
                PostgresException p => p.MessageText,
                TimeoutException or NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException } =>
                    $"the server cannot be reached: {(e.InnerException ?? e).Message.Split('\n')[0]}",
                _ => e.Message.Split('\n')[0],
            };
            throw new StyrkortException(new SourceLocation(address.Display, 0, 0), $"cannot connect to the PostgreSQL warehouse: {reason}");
        }
    }

    /// <summary>Another pooled connection to the same database: a reader on it sees the last committed import and never waits for one in progress.</summary>
    public IWarehouse Duplicate() => new PostgresWarehouse(Connect(_address), _address);

    public SqlDialect Dialect => PostgresDialect.Instance;

    public IReadOnlyList<ImportedFile> Import(GoalFile file, string folder, TimeProvider clock, IProgress<ImportProgress>? progress = null,
        Action<IReadOnlyList<ImportedFile>>? beforeCommit = null, CancellationToken cancellation = default,
        IReadOnlyDictionary<string, string>? sourceNames = null, string? importedBy = null, IReadOnlyDictionary<string, Csv.CsvFormat>? sourceFormats = null) =>
        new PostgresImport(_db, _address, Interrupt).Run(file, folder, Tables(), clock, progress, beforeCommit, cancellation, sourceNames, importedBy, sourceFormats);

    public List<object?[]> Rows(SqlQuery query) => Read(Dialect.Render(query));

    public IEnumerable<object?[]> Stream(SqlQuery query)
    {
        foreach (var row in _db.Stream(Dialect.Render(query)))
        {
            for (var i = 0; i < row.Length; i++)
                if (row[i] is decimal d) row[i] = d / 1.000000000000000000000000000000000m;
            yield return row;
        }
    }

    /// <summary>
    /// A query's rows, each numeric as DuckDB hands a decimal over: with no trailing zeros (PostgreSQL keeps the
    /// column's scale, so 1250 of a NUMERIC(38,6) would print as 1250.000000).
    /// </summary>
    private List<object?[]> Read(string sql)
    {
        var rows = _db.Rows(sql);
        foreach (var row in rows)
            for (var i = 0; i < row.Length; i++)
                if (row[i] is decimal d) row[i] = d / 1.000000000000000000000000000000000m;
        return rows;
    }

    /// <summary>
    /// Stops the statement running on this connection, from any thread: the server is asked, on a connection of its
    /// own, to cancel this connection's backend (a backend that is idle ignores it). The statement fails with
    /// PostgreSQL's "canceling statement due to user request".
    /// </summary>
    public void Interrupt()
    {
        try
        {
            var backend = _db.ProcessID;
            using var other = new NpgsqlConnection(_db.ConnectionString);
            other.Open();
            other.Execute($"SELECT pg_cancel_backend({backend})");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // A server that cannot be asked cannot be running the statement much longer either: the caller's own
            // connection reports what happened.
        }
    }

    public void RequireLoaded(GoalFile file, string where)
    {
        var tables = Tables();
        var missing = file.Datasets.Keys.Where(d => !tables.Contains(d)).ToList();
        if (!tables.Contains("_units")) missing.Add("(the unit tree)");
        // information_schema lists only the tables the user may read: a table that is there but hidden is a grant
        // missing, not an import.
        var hidden = missing.Count == 0 ? [] : _db.Rows(
                $"SELECT relname FROM pg_class WHERE relnamespace = CAST(current_schema() AS regnamespace) AND relname IN ({string.Join(", ", missing.Append("_units").Select(Text))})")
            .Select(r => (string)r[0]!).ToList();
        if (hidden.Count > 0)
            throw new StyrkortException(new SourceLocation(where, 0, 0),
                $"the warehouse's user may not read {string.Join(", ", hidden)}; grant it SELECT on the tables of the schema (GRANT SELECT ON ALL TABLES IN SCHEMA …)");
        if (missing.Count > 0)
            throw new StyrkortException(new SourceLocation(where, 0, 0), $"the warehouse has no data for: {string.Join(", ", missing)}; run styrkort import first");
    }

    public bool HasUnits => Tables().Contains("_units");

    // Text is ordered by its bytes (COLLATE "C"), as DuckDB orders it, whatever the database's collation.
    public IReadOnlyList<Evaluation.UnitInfo> Units() =>
        HasUnits
            ? _db.Rows("SELECT unit_id, name, parent_id, depth FROM _units ORDER BY sort_path COLLATE \"C\"")
                .Select(r => new Evaluation.UnitInfo((string)r[0]!, (string?)r[1] ?? (string)r[0]!, (string?)r[2], Convert.ToInt32(r[3], CultureInfo.InvariantCulture)))
                .ToList()
            : [];

    public (DateOnly? First, DateOnly? Last) DateRange(GoalFile file) => DataDates.Range(_db, file, Tables());

    public IReadOnlySet<string> Subtree(string unit) =>
        _db.Rows($"SELECT unit_id FROM _unit_closure WHERE CAST(ancestor AS TEXT) = {Text(unit)}")
            .Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!).ToHashSet(StringComparer.Ordinal);

    public IEnumerable<(string Goal, string Unit, string Period, decimal Level)> TargetLevels(TargetLevelSource t)
    {
        var period = TargetLevelColumns.Period(t, Quote, "TEXT");
        return Read($"SELECT {Quote(t.Goal)}, {Quote(t.Unit)}, {period}, CAST({Quote(t.Level)} AS NUMERIC(38,6)) FROM {Quote(t.Dataset)} " +
                    $"WHERE {Quote(t.Level)} IS NOT NULL AND {period} IS NOT NULL")
            .Select(r => ((string)r[0]!, (string)r[1]!, (string)r[2]!, (decimal)r[3]!));
    }

    public IReadOnlySet<string> UnitIds() =>
        HasUnits ? _db.Rows("SELECT unit_id FROM _units").Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    public bool IsWithin(string unit, string ancestor) =>
        HasUnits && Convert.ToInt64(_db.Scalar(
            $"SELECT count(*) FROM _unit_closure WHERE CAST(unit_id AS TEXT) = {Text(unit)} AND CAST(ancestor AS TEXT) = {Text(ancestor)}"), CultureInfo.InvariantCulture) > 0;

    public IReadOnlyList<(string Dataset, long Rows, DateTime? ImportedAt, string? File)> Lineage(IEnumerable<string> datasets) =>
        ImportHistoryTable.Lineage(_db, datasets, Tables());

    public IReadOnlyList<ImportRecord> LatestImports() => ImportHistoryTable.Latest(_db, TextOrder, FormatColumn);

    public IReadOnlyList<ImportRecord> Imports(int limit = 1000) => ImportHistoryTable.Newest(_db, limit, TextOrder, FormatColumn);

    /// <summary>The format column by name, as JSON: a reader's role may have a history from before the column.</summary>
    private const string FormatColumn = "to_jsonb(i) ->> 'format'";

    // Text is ordered by its bytes, as DuckDB orders it, whatever the database's collation.
    private const string TextOrder = " COLLATE \"C\"";

    public IReadOnlyDictionary<(string Goal, string Unit, int Year), decimal> ImportedLevels(TargetLevelSource source)
    {
        if (!Tables().Contains(source.Dataset)) return new Dictionary<(string, string, int), decimal>();
        return TargetLevelColumns.Yearly(TargetLevels(source), level => level);
    }

    /// <summary>The tables of the current schema (the first of the search path), by name in any case, as DuckDB matches them.</summary>
    private HashSet<string> Tables() =>
        _db.Rows("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
            .Select(r => (string)r[0]!).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public void Dispose() => _db.Dispose();
}
