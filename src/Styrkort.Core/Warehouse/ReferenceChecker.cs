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
    /// <param name="line">The SQL of a row's line in its file, given the row's alias and its (quoted) table: a stored
    /// <c>_line</c> column by default (PostgreSQL); DuckDB derives it from the row id (<see cref="DuckDb.RowLines"/>).</param>
    public static void Check(DbConnection db, GoalFile file, string folder, IReadOnlyDictionary<string, string> sources,
        IReadOnlyDictionary<string, string>? tables = null, Func<string, string, string>? line = null)
    {
        line ??= (alias, _) => $"{Quote(alias)}._line";
        string Table(string dataset) => Quote(tables?.GetValueOrDefault(dataset) ?? dataset);
        if (AllFound(db, file, Table)) return;
        var errors = new List<InputError>();
        foreach (var dataset in file.Datasets.Values)
        {
            foreach (var (column, target, key) in References(file, dataset))
            {
                var display = Path.Combine(folder, dataset.File);
                var unknown = $"""
                    FROM {Table(dataset.Name)} d
                    WHERE d.{Quote(column.Name)} IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM {Table(target.Name)} t WHERE t.{Quote(key)} = d.{Quote(column.Name)})
                    """;
                if (IsUnitColumn(dataset, column))
                {
                    // A file of another organisation's units (an SIE file's organisation number) misses on every row:
                    // one error per column, with the count, the first line and what to do.
                    var values = db.Rows($"""
                        SELECT d.{Quote(column.Name)}, count(*), min({line("d", Table(dataset.Name))}) {unknown}
                        GROUP BY d.{Quote(column.Name)} ORDER BY 3 LIMIT 4
                        """);
                    if (values.Count == 0) continue;
                    var total = db.Scalar($"SELECT count(*) {unknown}");
                    errors.Add(new InputError(
                        new SourceLocation(display, Convert.ToInt32(values[0][2], CultureInfo.InvariantCulture), ColumnNumber(sources[dataset.Name], display, dataset, column), column.Name),
                        UnknownUnits(column.Name, values, Convert.ToInt64(total, CultureInfo.InvariantCulture), target.File)));
                    continue;
                }
                var rows = db.Rows($"""
                    SELECT {line("d", Table(dataset.Name))}, d.{Quote(column.Name)} {unknown}
                    ORDER BY 1 LIMIT {InputErrorsException.Limit}
                    """);
                if (rows.Count == 0) continue;
                var columnNumber = ColumnNumber(sources[dataset.Name], display, dataset, column);
                errors.AddRange(rows.Select(r => new InputError(
                    new SourceLocation(display, Convert.ToInt32(r[0], CultureInfo.InvariantCulture), columnNumber, column.Name),
                    $"unknown {column.Name} '{r[1]}'; not found in {target.File}")));
            }
        }
        if (errors.Count > 0) throw new InputErrorsException(errors.Take(InputErrorsException.Limit).ToList());
    }

    /// <summary>A dataset's unit column, checked against the unit tree (not a column of its own 'references').</summary>
    private static bool IsUnitColumn(Dataset dataset, Column column) =>
        column.References is null && string.Equals(dataset.UnitColumn, column.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "unknown company '556252-9155' in 412 rows (the first here); not found in units.csv", and how to read such a value
    /// as one of one's own units: the goal file's mapping, or for an SIE file the unit it is written with.
    /// </summary>
    private static string UnknownUnits(string column, List<object?[]> values, long rows, string unitFile)
    {
        var texts = values.Select(v => Convert.ToString(v[0], CultureInfo.InvariantCulture)!).ToList();
        var count = rows == 1 ? "1 row" : $"{rows.ToString("N0", CultureInfo.InvariantCulture)} rows";
        var where = rows == 1 ? "" : " (the first here)";
        var what = texts.Count == 1
            ? $"unknown {column} '{texts[0]}' in {count}{where}"
            : $"unknown {column} in {count}{where}: {string.Join(", ", texts.Take(3).Select(t => $"'{t}'"))}{(texts.Count > 3 ? ", …" : "")}";
        var map = string.Join(", ", texts.Take(3).Select(t => $"\"{t}\": UNIT")) + (texts.Count > 3 ? ", …" : "");
        var one = texts.Count == 1;
        return $"{what}; not found in {unitFile}. Add {(one ? "it" : "them")} there, or read {(one ? "it" : "each")} as one of your units: " +
               $"map it in the goal file (units: organisations: {{{map}}}), or write the SIE file with 'styrkort sie FILE --unit UNIT'";
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
