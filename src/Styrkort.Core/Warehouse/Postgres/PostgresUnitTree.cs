using System.Data.Common;
using System.Globalization;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.Warehouse.Postgres;

/// <summary>
/// The unit tables of DuckDb/UnitTreeBuilder in PostgreSQL's SQL, with the same columns, rows and errors: _units (with
/// depth and path order), _unit_closure (every unit paired with itself and each ancestor) and _unit_regions (the regions
/// of a unit's subtree). Built under staging names (<paramref name="prefix"/> + name) that the import swaps in at its end.
/// </summary>
internal static class PostgresUnitTree
{
    public static readonly string[] Tables = ["_units", "_unit_closure", "_unit_regions"];

    /// <param name="unitTable">The table holding the unit dataset: its staged table when it is being imported.</param>
    public static void Build(DbConnection db, UnitTree tree, string unitTable, string prefix, string displayName)
    {
        var (table, id, parent) = (Quote(unitTable), Quote(tree.Id), Quote(tree.Parent));
        var name = tree.Name is null ? id : Quote(tree.Name);
        var (units, closure, regions) = (Quote(prefix + "_units"), Quote(prefix + "_unit_closure"), Quote(prefix + "_unit_regions"));
        var roots = System.Convert.ToInt64(db.Scalar($"SELECT count(*) FROM {table} WHERE {parent} IS NULL"), CultureInfo.InvariantCulture);
        if (roots == 0) throw new StyrkortException(new SourceLocation(displayName, 0, 0, tree.Parent), "no root unit: one unit needs an empty parent");

        // Each unit carries the path from its root; every unit on it is one of its ancestors. A unit on a cycle is
        // never reached from a root (each unit has one parent), and the depth bounds the walk.
        db.Execute($"""
            DROP TABLE IF EXISTS {closure};
            CREATE TABLE {closure} AS
            WITH RECURSIVE walk(unit_id, depth, path) AS (
              SELECT {id}, 0, ARRAY[{id}] FROM {table} WHERE {parent} IS NULL
              UNION ALL
              SELECT t.{id}, w.depth + 1, w.path || t.{id} FROM walk w JOIN {table} t ON t.{parent} = w.unit_id
              WHERE w.depth < {Limits.UnitDepth}
            )
            SELECT DISTINCT unnest(path) AS ancestor, unit_id FROM walk
            """);
        var orphans = db.Rows($"SELECT t._line, t.{id} FROM {table} t WHERE t.{id} NOT IN (SELECT unit_id FROM {closure}) ORDER BY 1 LIMIT 20");
        if (orphans.Count > 0)
            throw new InputErrorsException(orphans.Select(o => new InputError(new SourceLocation(displayName, System.Convert.ToInt32(o[0], CultureInfo.InvariantCulture), 0, tree.Parent),
                $"unit '{o[1]}' is not below a root unit (its parents form a cycle), or lies more than {Limits.UnitDepth} levels below it")).ToList());

        db.Execute($"""
            DROP TABLE IF EXISTS {units};
            CREATE TABLE {units} AS
            WITH RECURSIVE walk(unit_id, depth, sort_path) AS (
              SELECT {id}, 0, CAST({id} AS TEXT) FROM {table} WHERE {parent} IS NULL
              UNION ALL
              SELECT t.{id}, w.depth + 1, w.sort_path || '/' || t.{id} FROM walk w JOIN {table} t ON t.{parent} = w.unit_id
              WHERE w.depth < {Limits.UnitDepth}
            )
            SELECT w.unit_id, t.{parent} AS parent_id, CAST(t.{name} AS TEXT) AS name, w.depth, w.sort_path
            FROM walk w JOIN {table} t ON t.{id} = w.unit_id
            """);

        // string_to_array gives no element for '' where DuckDB's string_split gives one empty one; both are dropped.
        var select = tree.Regions is null
            ? "SELECT CAST(NULL AS TEXT) AS unit_id, CAST(NULL AS TEXT) AS region WHERE false"
            : $"""
              SELECT DISTINCT c.ancestor AS unit_id, trim(r.region) AS region
              FROM {table} t CROSS JOIN LATERAL unnest(string_to_array(coalesce(t.{Quote(tree.Regions)}, ''), {Text(tree.RegionSeparator)})) AS r(region)
              JOIN {closure} c ON c.unit_id = t.{id}
              WHERE trim(r.region) <> ''
              """;
        db.Execute($"DROP TABLE IF EXISTS {regions}; CREATE TABLE {regions} AS {select}");
    }
}
