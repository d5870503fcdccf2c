using Styrkort.Core.GoalFiles;
using Styrkort.Core.Warehouse;

namespace Styrkort.Reports.Building;

/// <summary>The warehouse's import lineage: for each dataset, the file and time of its latest import.</summary>
internal static class ImportHistory
{
    public static IReadOnlyList<DataSource> Latest(GoalFile file, IWarehouse warehouse)
    {
        var found = warehouse.LatestImports().ToDictionary(
            i => i.Dataset,
            i => new DataSource(i.Dataset, file.Datasets.GetValueOrDefault(i.Dataset)?.Description, i.File, i.Rows, i.Sha256, i.ImportedAt, i.Batch),
            StringComparer.OrdinalIgnoreCase);
        // The goal file's order, which is the order a controller reads the datasets in.
        return file.Datasets.Keys.Where(found.ContainsKey).Select(d => found[d]).ToList();
    }
}
