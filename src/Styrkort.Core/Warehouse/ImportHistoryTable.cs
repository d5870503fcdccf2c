using System.Data.Common;
using System.Globalization;
using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.Warehouse;

/// <summary>
/// The import history as both engines keep it, in plain SQL: <c>_imports</c>, one row per dataset of each import,
/// the datasets of one import sharing a batch number.
/// </summary>
internal static class ImportHistoryTable
{
    /// <summary>Records one import as the next batch, inside the importing transaction.</summary>
    public static void Record(DbConnection db, IReadOnlyList<ImportedFile> imported, TimeProvider clock, string? importedBy)
    {
        var batch = System.Convert.ToInt64(db.Scalar("SELECT coalesce(max(batch_id), 0) + 1 FROM _imports"), CultureInfo.InvariantCulture);
        var at = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        foreach (var f in imported)
            db.Execute("INSERT INTO _imports (batch_id, imported_at, dataset, file, sha256, row_count, imported_by, format) " +
                       $"VALUES ({batch}, TIMESTAMP '{at}', {Text(f.Dataset)}, {Text(f.File)}, {Text(f.Sha256)}, {f.Rows}, {(importedBy is null ? "NULL" : Text(importedBy))}, " +
                       $"{(f.Format is null ? "NULL" : Text(f.Format.ToString()))})");
    }

    /// <summary>The latest import of each dataset; <paramref name="textOrder"/> orders text as the engine must (e.g. COLLATE "C").</summary>
    public static IReadOnlyList<ImportRecord> Latest(DbConnection db, string textOrder = "", string format = "format") =>
        Read(db, format, $"WHERE batch_id = (SELECT max(batch_id) FROM _imports j WHERE j.dataset = i.dataset) ORDER BY dataset{textOrder}");

    /// <summary>The history, newest first.</summary>
    public static IReadOnlyList<ImportRecord> Newest(DbConnection db, int limit, string textOrder = "", string format = "format") =>
        Read(db, format, $"ORDER BY batch_id DESC, dataset{textOrder} LIMIT {Math.Max(0, limit)}");

    /// <summary>Rows per dataset and the latest import of each, for the datasets that have a table.</summary>
    public static IReadOnlyList<(string Dataset, long Rows, DateTime? ImportedAt, string? File)> Lineage(DbConnection db, IEnumerable<string> datasets, IReadOnlySet<string> tables) =>
        datasets.Where(tables.Contains).Select(d =>
        {
            var rows = System.Convert.ToInt64(db.Scalar($"SELECT count(*) FROM {Quote(d)}"), CultureInfo.InvariantCulture);
            var last = db.Rows($"SELECT imported_at, file FROM _imports WHERE dataset = {Text(d)} ORDER BY batch_id DESC LIMIT 1").FirstOrDefault();
            return (d, rows, last?[0] as DateTime?, last?[1] as string);
        }).ToList();

    /// <param name="format">How the engine reads the format column (a history from before it may lack it).</param>
    private static List<ImportRecord> Read(DbConnection db, string format, string where) =>
        db.Rows($"SELECT dataset, file, row_count, sha256, imported_at, batch_id, imported_by, {format} FROM _imports i {where}")
            .Select(r => new ImportRecord((string)r[0]!, (string)r[1]!, System.Convert.ToInt64(r[2], CultureInfo.InvariantCulture), (string)r[3]!,
                (DateTime)r[4]!, System.Convert.ToInt64(r[5], CultureInfo.InvariantCulture), (string?)r[6]) { Format = Csv.CsvFormat.Parse(r[7] as string) })
            .ToList();
}
