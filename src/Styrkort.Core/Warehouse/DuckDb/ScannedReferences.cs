using System.Data.Common;
using System.Globalization;
using Styrkort.Core.GoalFiles;
using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.Warehouse.DuckDb;

/// <summary>
/// The references of a goal file as <see cref="ReferenceChecker"/> checks them (a column's 'references', a dataset's
/// unit column, a unit's parent), most of them proved while the files are scanned: the scan of a referenced file keeps
/// the texts of the referenced column, the scan of a later file looks each of its texts up. Equal texts are equal
/// values when both columns have the same type and neither has a cell to trim, so a text found proves the reference;
/// anything else is checked by DuckDB, one anti-join per referenced table, and anything missing there by
/// <see cref="ReferenceChecker"/>, whose messages say where.
/// </summary>
internal static class ScannedReferences
{
    internal sealed record Reference(Dataset Dataset, Column Column, Dataset Target, string Key);

    public static List<Reference> Of(GoalFile file)
    {
        var unitData = file.Datasets[file.Units.Dataset];
        var all = new List<Reference>();
        foreach (var dataset in file.Datasets.Values)
        {
            var references = dataset.Columns.Where(c => c.References is not null)
                .Select(c => new Reference(dataset, c, file.Datasets[c.References!], file.Datasets[c.References!].Key[0])).ToList();
            if (dataset.UnitColumn is { } unit && !references.Any(r => r.Column.Name == unit))
                references.Add(new Reference(dataset, dataset.Find(unit)!, unitData, file.Units.Id));
            if (dataset.Name.Equals(unitData.Name, StringComparison.OrdinalIgnoreCase))
                references.Add(new Reference(dataset, dataset.Find(file.Units.Parent)!, unitData, file.Units.Id));
            all.AddRange(references);
        }
        return all;
    }

    /// <summary>Checks the references not proved by the scans; throws the located errors when one is missing.</summary>
    public static void Check(DbConnection db, GoalFile file, string folder, IReadOnlyDictionary<string, string> sources, IReadOnlyCollection<Reference> proved)
    {
        var rest = Of(file).Where(r => !proved.Contains(r)).ToList();
        if (rest.Count == 0) return;
        // A column of another type than the key it names: the per-column queries compare (or fail) as they always have.
        if (rest.Any(r => r.Target.Find(r.Key)?.Type != r.Column.Type) || rest.GroupBy(r => (Target: r.Target.Name, r.Key)).Any(g => Missing(db, g)))
            ReferenceChecker.Check(db, file, folder, sources, line: RowLines.Of);
    }

    private static bool Missing(DbConnection db, IGrouping<(string Target, string Key), Reference> g)
    {
        var values = string.Join(" UNION ALL ", g.Select(r => $"SELECT {Quote(r.Column.Name)} AS v FROM {Quote(r.Dataset.Name)}"));
        var missing = db.Scalar($"""
            SELECT count(*) FROM ({values}) d
            WHERE d.v IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {Quote(g.Key.Target)} t WHERE t.{Quote(g.Key.Key)} = d.v)
            """);
        return System.Convert.ToInt64(missing, CultureInfo.InvariantCulture) > 0;
    }
}
