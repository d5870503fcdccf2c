using DuckDB.NET.Data;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Bench;

/// <summary>The yardsticks: what DuckDB does with the same data without Styrkort's checks and metric compilation.</summary>
internal static class References
{
    /// <summary>DuckDB's own CSV reader into tables, types sniffed, nothing checked.</summary>
    public static void PlainLoad(GoalFile file, string folder, string path)
    {
        using var db = new DuckDBConnection($"DataSource={path}");
        db.Open();
        foreach (var dataset in file.Datasets.Values)
            Execute(db, $"CREATE TABLE \"{dataset.Name}\" AS SELECT * FROM read_csv('{Path.Combine(folder, dataset.File).Replace("'", "''", StringComparison.Ordinal)}')");
    }

    /// <summary>Reads every column of every dataset once: a lower bound for anything that looks at all the data.</summary>
    public static void ScanAll(Styrkort.Core.Warehouse.DuckDb.DuckDbWarehouse warehouse, GoalFile file)
    {
        foreach (var dataset in file.Datasets.Values)
        {
            using var command = warehouse.Connection.CreateCommand();
            command.CommandText = $"SELECT sum(hash(COLUMNS(*))) FROM \"{dataset.Name}\" t";
            command.ExecuteScalar();
        }
    }

    private static void Execute(DuckDBConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
