using System.Data.Common;
using System.Globalization;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.Warehouse;

/// <summary>Every reference (a column's 'references', a dataset's unit column, a unit's parent) must name an existing row.</summary>
internal static class ReferenceChecker
{
    /// <param name="tables">Where a dataset's rows are read, by dataset name, when not from the table named like it: an
    /// engine that stages an import beside the current tables (PostgreSQL) checks the staged table of a dataset being
    /// replaced and the current one of any other. The queries are plain SQL either engine runs.</param>
    public static void Check(DbConnection db, GoalFile file, string folder, IReadOnlyDictionary<string, string> sources,
        IReadOnlyDictionary<string, string>? tables = null)
    {
        string Table(string dataset) => Quote(tables?.GetValueOrDefault(dataset) ?? dataset);
        if (AllFound(db, file, Table)) return;
        var errors = new List<InputError>();
        foreach (var dataset in file.Datasets.Values)
        {
            foreach (var (column, target, key) in References(file, dataset))
            {
                var rows = db.Rows($"""
                    SELECT d._line, d.{Quote(column.Name)} FROM {Table(dataset.Name)} d
                    WHERE d.{Quote(column.Name)} IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM {Table(target.Name)} t WHERE t.{Quote(key)} = d.{Quote(column.Name)})
                    ORDER BY 1 LIMIT {InputErrorsException.Limit}
                    """);
                if (rows.Count == 0) continue;
                var display = Path.Combine(folder, dataset.File);
                var columnNumber = ColumnNumber(sources[dataset.Name], display, dataset, column);
                errors.AddRange(rows.Select(r => new InputError(
                    new SourceLocation(display, Convert.ToInt32(r[0], CultureInfo.InvariantCulture), columnNumber, column.Name),
                    $"unknown {column.Name} '{r[1]}'; not found in {target.File}")));
            }
        }
        if (errors.Count > 0) throw new InputErrorsException(errors.Take(InputErrorsException.Limit).ToList());
    }

    private static List<(Column Column, Dataset Target, string Key)> References(GoalFile file, Dataset dataset)
    {
        var unitData = file.Datasets[file.Units.Dataset];
        var references = dataset.Columns.Where(c => c.References is not null)
            .Select(c => (Column: c, Target: file.Datasets[c.References!], Key: file.Datasets[c.References!].Key[0])).ToList();
        if (dataset.UnitColumn is { } unit && !references.Any(r => r.Column.Name == unit))
            references.Add((dataset.Find(unit)!, unitData, file.Units.Id));
        if (dataset.Name.Equals(unitData.Name, StringComparison.OrdinalIgnoreCase))
            references.Add((dataset.Find(file.Units.Parent)!, unitData, file.Units.Id));
        return references;
    }

    /// <summary>
    /// Whether every reference names an existing row, asked once per referenced table: all the columns that refer to
    /// it are probed against one hash of its keys (the per-column queries above each build their own). Only when
    /// something is missing do those queries run, to say where.
    /// </summary>
    private static bool AllFound(DbConnection db, GoalFile file, Func<string, string> table)
    {
        var references = file.Datasets.Values.SelectMany(d => References(file, d).Select(r => (Dataset: d, r.Column, r.Target, r.Key))).ToList();
        // A column of another type than the key it names: the per-column queries compare (or fail) as they always have.
        if (references.Any(r => r.Target.Find(r.Key)?.Type != r.Column.Type)) return false;
        var groups = references.GroupBy(r => (Target: r.Target.Name, r.Key));
        foreach (var g in groups)
        {
            var values = string.Join(" UNION ALL ", g.Select(r => $"SELECT {Quote(r.Column.Name)} AS v FROM {table(r.Dataset.Name)}"));
            var missing = db.Scalar($"""
                SELECT count(*) FROM ({values}) d
                WHERE d.v IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {table(g.Key.Target)} t WHERE t.{Quote(g.Key.Key)} = d.v)
                """);
            if (System.Convert.ToInt64(missing, CultureInfo.InvariantCulture) > 0) return false;
        }
        return true;
    }

    /// <summary>The column's position in the file's own header (columns are matched by name, in any order).</summary>
    private static int ColumnNumber(string path, string display, Dataset dataset, Column column)
    {
        if (File.Exists(path))
        {
            var header = CsvHeader.Read(path, display);
            for (var i = 0; i < header.Count; i++)
                if (header[i].Equals(column.Name, StringComparison.OrdinalIgnoreCase)) return i + 1;
        }
        return dataset.Columns.ToList().IndexOf(column) + 1;
    }
}
