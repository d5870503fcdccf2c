using System.Globalization;
using Styrkort.Core.Binding;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Planning;
using Styrkort.Core.Sql;
using Styrkort.Tests.Cli;
using Styrkort.Testing;
using Store = Styrkort.Core.Warehouse.DuckDb.DuckDbWarehouse;

namespace Styrkort.Tests.Postgres;

/// <summary>
/// The plan of a whole evaluation — every goal's metric, a breakdown, two periods — rendered in the PostgreSQL dialect
/// runs on a real PostgreSQL server holding the same tables as the DuckDB warehouse, and gives the same numbers.
/// </summary>
public sealed class PlanOnPostgresTests(PostgresServer server, SampleData sample) : IClassFixture<PostgresServer>, IClassFixture<SampleData>
{
    [Fact]
    public void TheEvaluationPlan_GivesTheSameRowsOnPostgresAsOnDuckDb()
    {
        var file = GoalFileReader.Read(StyrkortProcess.GoalFile);
        var folder = Directory.CreateTempSubdirectory("styrkort-plan-pg-").FullName;
        try
        {
            using var warehouse = Store.Open(Path.Combine(folder, "w.duckdb"));
            warehouse.Import(file, sample.Folder, TimeProvider.System);
            server.CreateDatabase("styrkort_plan");
            CopyTables(warehouse, folder);

            var bound = BoundGoalFile.Of(file);
            var requests = file.Goals.SelectMany(g => g.Comparison is null ? [g.Metric] : new[] { g.Metric, g.Comparison }).Distinct()
                .Select(m => new MetricRequest(m, m == "disbursed_loans" ? [bound.Breakdown(m, "loans.phase", out _)!, bound.Breakdown(m, "companies.region", out _)!] : []))
                .ToList();
            var plan = EvaluationPlan.Create(bound, [Period.Parse("2026-Q2"), Period.Parse("2025-Q4")], requests, values: null);

            var duck = Rows(warehouse.Connection.CreateCommand(), DuckDbDialect.Instance.Render(plan.Query));
            var pg = server.Query("styrkort_plan", PostgresDialect.Instance.Render(plan.Query)).Split('\n')
                .Select(line => line.Split('|')).ToDictionary(r => string.Join('|', r.Take(5)), r => Number(r[5] != "" ? r[5] : r[6]));

            Assert.True(duck.Count > 16 * 17 * 2, $"only {duck.Count} rows");
            Assert.Contains(duck.Keys, k => k.Split('|')[4] == "start"); // the breakdown's segments are there
            Assert.Equal(duck.Keys.Order(StringComparer.Ordinal), pg.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, value) in duck)
            {
                var other = pg[key];
                Assert.True(value is null == other is null, $"{key}: {value} on DuckDB, {other} on PostgreSQL");
                if (value is { } a && other is { } b)
                    Assert.True(Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)), $"{key}: {a} on DuckDB, {b} on PostgreSQL");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every table of the warehouse, with PostgreSQL's names for its column types, its rows through CSV.</summary>
    private void CopyTables(Store warehouse, string folder)
    {
        using var command = warehouse.Connection.CreateCommand();
        command.CommandText = "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position";
        var columns = new List<(string Table, string Column, string Type)>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        foreach (var table in columns.GroupBy(c => c.Table))
        {
            var ddl = string.Join(", ", table.Select(c => $"\"{c.Column}\" {PostgresType(c.Type)}"));
            server.Query("styrkort_plan", $"CREATE TABLE \"{table.Key}\" ({ddl})");
            var csv = Path.Combine(folder, table.Key + ".csv");
            using var copy = warehouse.Connection.CreateCommand();
            copy.CommandText = $"COPY \"{table.Key}\" TO '{csv}' (HEADER, DELIMITER ',')";
            copy.ExecuteNonQuery();
            server.Query("styrkort_plan", $"\\copy \"{table.Key}\" FROM '{csv}' CSV HEADER");
        }
    }

    private static string PostgresType(string duck) => duck switch
    {
        "VARCHAR" => "text",
        "BIGINT" or "HUGEINT" => "bigint",
        "INTEGER" => "integer",
        "DOUBLE" => "double precision",
        "DATE" => "date",
        "BOOLEAN" => "boolean",
        "TIMESTAMP" => "timestamp",
        _ when duck.StartsWith("DECIMAL", StringComparison.Ordinal) => duck.Replace("DECIMAL", "numeric", StringComparison.Ordinal),
        _ => throw new InvalidOperationException($"no PostgreSQL type for {duck}"),
    };

    private static Dictionary<string, double?> Rows(System.Data.Common.DbCommand command, string sql)
    {
        command.CommandText = sql;
        var rows = new Dictionary<string, double?>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = string.Join('|', Enumerable.Range(0, 5).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)));
            rows[key] = !reader.IsDBNull(5) ? Convert.ToDouble(reader.GetValue(5), CultureInfo.InvariantCulture)
                : !reader.IsDBNull(6) ? reader.GetDouble(6) : null;
        }
        return rows;
    }

    private static double? Number(string text) => text == "" ? null : double.Parse(text, CultureInfo.InvariantCulture);
}
