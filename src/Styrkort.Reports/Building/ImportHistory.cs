using System.Globalization;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Warehouse;

namespace Styrkort.Reports.Building;

/// <summary>Reads the warehouse's import lineage: for each dataset, the file and time of its latest import.</summary>
internal static class ImportHistory
{
    public static IReadOnlyList<DataSource> Latest(GoalFile file, Warehouse warehouse)
    {
        using var command = warehouse.Connection.CreateCommand();
        command.CommandText = """
            SELECT dataset, file, row_count, sha256, imported_at, batch_id FROM _imports i
            WHERE batch_id = (SELECT max(batch_id) FROM _imports j WHERE j.dataset = i.dataset)
            """;
        var found = new Dictionary<string, DataSource>(StringComparer.OrdinalIgnoreCase);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var dataset = reader.GetString(0);
            found[dataset] = new DataSource(dataset, file.Datasets.GetValueOrDefault(dataset)?.Description, reader.GetString(1),
                Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture), reader.GetString(3), reader.GetDateTime(4),
                Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture));
        }
        // The goal file's order, which is the order a controller reads the datasets in.
        return file.Datasets.Keys.Where(found.ContainsKey).Select(d => found[d]).ToList();
    }
}
