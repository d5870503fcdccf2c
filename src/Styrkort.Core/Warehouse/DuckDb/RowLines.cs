using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.Warehouse.DuckDb;

/// <summary>
/// A row's line in the file it was loaded from, without a stored column: a dataset's table is created by one statement
/// that keeps the file's order (DuckDB preserves insertion order), so its row ids are consecutive in file order —
/// from a high offset inside the importing transaction, from zero once committed — and the line is the row id's place
/// plus 2 (the header is line 1). Only error messages ask for it.
/// </summary>
internal static class RowLines
{
    /// <summary>The line of the row <paramref name="alias"/> of <paramref name="table"/> (a quoted table name).</summary>
    public static string Of(string alias, string table) =>
        $"CAST({Quote(alias)}.rowid - (SELECT min(rowid) FROM {table}) + 2 AS INTEGER)";
}
