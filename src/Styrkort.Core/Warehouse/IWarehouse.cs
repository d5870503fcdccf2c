using Styrkort.Core.GoalFiles;
using Styrkort.Core.Sql;

namespace Styrkort.Core.Warehouse;

public sealed record ImportedFile(string Dataset, string File, long Rows, string Sha256)
{
    /// <summary>How the file was written (encoding, separator), as detected; null when not known.</summary>
    public Csv.CsvFormat? Format { get; init; }
}

public sealed record ImportProgress(string Dataset, int Index, int Count);

/// <summary>
/// One dataset's import: its file as the user named it, rows, checksum, when, who (null from the command line), and
/// the batch it came in (the datasets of one import share it).
/// </summary>
public sealed record ImportRecord(string Dataset, string File, long Rows, string Sha256, DateTime ImportedAt, long Batch, string? ImportedBy)
{
    /// <summary>How the file was written (encoding, separator); null for imports from before it was recorded.</summary>
    public Csv.CsvFormat? Format { get; init; }
}

/// <summary>
/// Where the imported facts live and the only thing that talks to the database engine: the evaluator, reports,
/// ratios, CLI and web app hand it planned queries (<see cref="SqlQuery"/>, rendered in its <see cref="Dialect"/>)
/// and read what it answers. One implementation per engine: <c>DuckDb/</c> (embedded, the default) and <c>Postgres/</c>.
/// Open one with <see cref="Warehouse.Open"/>.
/// </summary>
public interface IWarehouse : IDisposable
{
    /// <summary>The SQL dialect plans are rendered in for this engine.</summary>
    SqlDialect Dialect { get; }

    /// <summary>
    /// Imports the goal file's datasets from a folder of CSV files (comma or semicolon, UTF-8, UTF-16 or Windows-1252:
    /// see <see cref="Csv.CsvSniffer"/>), all or nothing: any error (or a crash) leaves the
    /// warehouse as it was. Files that are absent keep the warehouse's current table; a dataset absent from both is an
    /// error. <paramref name="beforeCommit"/> runs after every check has passed, before the commit: when it throws,
    /// nothing is imported, so a caller can make its own record part of the same unit of work.
    /// </summary>
    /// <param name="sourceNames">What the import history records as each dataset's file (an upload's own file name),
    /// where it is not the file read (a temporary copy, deleted afterwards).</param>
    /// <param name="importedBy">Who imported, for the history; null from the command line.</param>
    /// <param name="sourceFormats">The formats of files the caller has already rewritten in the plain form (an upload),
    /// as the history records them; the other files' formats are detected (and the files rewritten) on the way in.</param>
    IReadOnlyList<ImportedFile> Import(GoalFile file, string folder, TimeProvider clock, IProgress<ImportProgress>? progress = null,
        Action<IReadOnlyList<ImportedFile>>? beforeCommit = null, CancellationToken cancellation = default,
        IReadOnlyDictionary<string, string>? sourceNames = null, string? importedBy = null,
        IReadOnlyDictionary<string, Csv.CsvFormat>? sourceFormats = null);

    /// <summary>Runs a planned query and returns its rows; <see cref="Interrupt"/> stops it from another thread.</summary>
    List<object?[]> Rows(SqlQuery query);

    /// <summary>
    /// Runs a planned query and hands its rows over one at a time as they are read (a download of a million rows never
    /// sits in memory); the connection is busy until the enumeration ends.
    /// </summary>
    IEnumerable<object?[]> Stream(SqlQuery query);

    /// <summary>Stops the statement running on this warehouse's connection (from any thread); it fails with the engine's error.</summary>
    void Interrupt();

    /// <summary>
    /// Another connection to the same warehouse, for another thread: a reader on it sees the last committed import
    /// and never waits for a writer.
    /// </summary>
    IWarehouse Duplicate();

    /// <summary>Checks that every dataset of the goal file and the unit tables are present.</summary>
    void RequireLoaded(GoalFile file, string where);

    /// <summary>Whether the unit tree has been imported, so that goals can be evaluated.</summary>
    bool HasUnits { get; }

    /// <summary>The unit tree, parents before their children; empty before the first import.</summary>
    IReadOnlyList<Evaluation.UnitInfo> Units();

    /// <summary>Every unit id; empty before the first import.</summary>
    IReadOnlySet<string> UnitIds();

    /// <summary>A unit and every unit below it.</summary>
    IReadOnlySet<string> Subtree(string unit);

    /// <summary>Whether a unit is the given ancestor or lies below it.</summary>
    bool IsWithin(string unit, string ancestor);

    /// <summary>
    /// The first and last day the loaded datasets' time columns cover (a year column covers its whole year): the pages
    /// answer periods outside it without a query.
    /// </summary>
    (DateOnly? First, DateOnly? Last) DateRange(GoalFile file);

    /// <summary>
    /// Every level of target_levels as the warehouse holds it: goal, unit, the period as text (the period column's, else
    /// the year column's year: "2026"), level. Rows without a level or a period are left out.
    /// </summary>
    IEnumerable<(string Goal, string Unit, string Period, decimal Level)> TargetLevels(TargetLevelSource source);

    /// <summary>The board levels as imported: (goal, unit, year) → level.</summary>
    IReadOnlyDictionary<(string Goal, string Unit, int Year), decimal> ImportedLevels(TargetLevelSource source);

    /// <summary>Rows per dataset and the latest import of each: the lineage shown beside a goal.</summary>
    IReadOnlyList<(string Dataset, long Rows, DateTime? ImportedAt, string? File)> Lineage(IEnumerable<string> datasets);

    /// <summary>The latest import of each dataset.</summary>
    IReadOnlyList<ImportRecord> LatestImports();

    /// <summary>The import history, newest first: the one record of every import, from the command line or the web app.</summary>
    IReadOnlyList<ImportRecord> Imports(int limit = 1000);
}
