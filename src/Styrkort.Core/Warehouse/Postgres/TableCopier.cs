using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Npgsql;
using NpgsqlTypes;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.Warehouse.Postgres;

/// <summary>
/// Streams a dataset's typed table, as DatasetLoader leaves it in DuckDB, into a new PostgreSQL table with binary COPY:
/// DuckDB hands it over chunk by chunk (a streaming result, never the whole table at once), each value is written in
/// PostgreSQL's binary form, and the server parses nothing.
/// </summary>
internal static class TableCopier
{
    /// <summary>PostgreSQL's type for each declared column type: the types the DuckDB loader converts to.</summary>
    public static string PostgresType(ColumnType type) => type switch
    {
        ColumnType.Integer => "bigint",
        ColumnType.Year => "integer",
        ColumnType.Decimal => "numeric(18,4)",
        ColumnType.Number => "double precision",
        ColumnType.Date or ColumnType.Month => "date",
        ColumnType.Boolean => "boolean",
        _ => "text",
    };

    /// <summary>Creates <paramref name="target"/> with the dataset's columns and <c>_line</c>, and copies the rows in.</summary>
    public static void Copy(DuckDBConnection duck, NpgsqlConnection pg, Dataset dataset, string path, string displayName, string target, CancellationToken cancellation)
    {
        var columns = dataset.Columns.ToList();
        var header = CsvHeader.Read(path, displayName).ToList();
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)).Append("_line"));
        pg.Execute($"DROP TABLE IF EXISTS {Quote(target)}; " +
                   $"CREATE TABLE {Quote(target)} ({string.Join(", ", columns.Select(c => $"{Quote(c.Name)} {PostgresType(c.Type)}").Append("_line integer"))})");
        using var read = duck.CreateCommand();
        read.CommandText = $"SELECT {names} FROM {Quote(dataset.Name)}";
        read.UseStreamingMode = true;
        using var reader = read.ExecuteReader();
        var writers = columns.Select(c => Writer(c, header.FindIndex(h => h.Equals(c.Name, StringComparison.OrdinalIgnoreCase)) + 1, displayName)).Append(static (r, i, w) => w.Write(r.GetInt32(i), NpgsqlDbType.Integer)).ToArray();
        using var copy = pg.BeginBinaryImport($"COPY {Quote(target)} ({names}) FROM STDIN (FORMAT BINARY)");
        for (var n = 1L; reader.Read(); n++)
        {
            copy.StartRow();
            for (var i = 0; i < writers.Length; i++)
            {
                if (reader.IsDBNull(i)) copy.WriteNull();
                else writers[i](reader, i, copy);
            }
            if ((n & 0x3FFF) == 0) cancellation.ThrowIfCancellationRequested();
        }
        cancellation.ThrowIfCancellationRequested();
        copy.Complete();
    }

    private delegate void Write(DbDataReader reader, int ordinal, NpgsqlBinaryImporter copy);

    private static Write Writer(Column column, int position, string displayName) => column.Type switch
    {
        ColumnType.Integer => static (r, i, w) => w.Write(r.GetInt64(i), NpgsqlDbType.Bigint),
        ColumnType.Year => static (r, i, w) => w.Write(r.GetInt32(i), NpgsqlDbType.Integer),
        ColumnType.Decimal => static (r, i, w) => w.Write(r.GetDecimal(i), NpgsqlDbType.Numeric),
        ColumnType.Number => static (r, i, w) => w.Write(r.GetDouble(i), NpgsqlDbType.Double),
        ColumnType.Date or ColumnType.Month => static (r, i, w) => w.Write(r.GetFieldValue<DateOnly>(i), NpgsqlDbType.Date),
        ColumnType.Boolean => static (r, i, w) => w.Write(r.GetBoolean(i), NpgsqlDbType.Boolean),
        _ => (r, i, w) =>
        {
            var text = r.GetString(i);
            // PostgreSQL's text cannot hold the NUL character, which DuckDB (and a CSV file) can: say where, as a cell error.
            if (text.Contains('\0', StringComparison.Ordinal))
                throw new InputErrorsException([new InputError(
                    new SourceLocation(displayName, r.GetInt32(r.FieldCount - 1), position, column.Name),
                    "the value contains a NUL character (U+0000), which a PostgreSQL warehouse cannot store")]);
            w.Write(text, NpgsqlDbType.Text);
        },
    };
}
