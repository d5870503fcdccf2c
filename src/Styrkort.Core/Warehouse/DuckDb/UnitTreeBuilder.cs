using System.Data.Common;
using System.Globalization;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.Warehouse.DuckDb;

/// <summary>
/// Derives from the unit dataset the tables the metric engine joins on: _units (with depth and path order),
/// _unit_closure (every unit paired with itself and each ancestor) and _unit_regions (the regions of a unit's subtree).
/// </summary>
internal static class UnitTreeBuilder
{
    public static void Build(DbConnection db, UnitTree tree, string displayName)
    {
        var (table, id, parent) = (Quote(tree.Dataset), Quote(tree.Id), Quote(tree.Parent));
        var name = tree.Name is null ? id : Quote(tree.Name);
        var roots = System.Convert.ToInt64(db.Scalar($"SELECT count(*) FROM {table} WHERE {parent} IS NULL"), CultureInfo.InvariantCulture);
        if (roots == 0) throw new StyrkortException(new SourceLocation(displayName, 0, 0, tree.Parent), "no root unit: one unit needs an empty parent");

        db.Execute($"""
            CREATE OR REPLACE TABLE _unit_closure AS
            WITH RECURSIVE walk(ancestor, unit_id, depth, path) AS (
              SELECT {id}, {id}, 0, [{id}] FROM {table} WHERE {parent} IS NULL
              UNION ALL
              SELECT w.ancestor, t.{id}, w.depth + 1, list_append(w.path, t.{id}) FROM walk w JOIN {table} t ON t.{parent} = w.unit_id
              WHERE w.depth < {Limits.UnitDepth}
            ),
            units AS (SELECT unit_id, path FROM walk WHERE ancestor IN (SELECT {id} FROM {table} WHERE {parent} IS NULL))
            SELECT DISTINCT unnest(path) AS ancestor, unit_id FROM units
            """);
        var orphans = db.Rows($"SELECT {RowLines.Of("t", table)}, t.{id} FROM {table} t WHERE t.{id} NOT IN (SELECT unit_id FROM _unit_closure) ORDER BY 1 LIMIT 20");
        if (orphans.Count > 0)
            throw new InputErrorsException(orphans.Select(o => new InputError(new SourceLocation(displayName, System.Convert.ToInt32(o[0], CultureInfo.InvariantCulture), 0, tree.Parent),
                $"unit '{o[1]}' is not below a root unit (its parents form a cycle), or lies more than {Limits.UnitDepth} levels below it")).ToList());

        db.Execute($"""
            CREATE OR REPLACE TABLE _units AS
            WITH RECURSIVE walk(unit_id, depth, sort_path) AS (
              SELECT {id}, 0, CAST({id} AS VARCHAR) FROM {table} WHERE {parent} IS NULL
              UNION ALL
              SELECT t.{id}, w.depth + 1, w.sort_path || '/' || t.{id} FROM walk w JOIN {table} t ON t.{parent} = w.unit_id
              WHERE w.depth < {Limits.UnitDepth}
            )
            SELECT w.unit_id, t.{parent} AS parent_id, CAST(t.{name} AS VARCHAR) AS name, w.depth, w.sort_path
            FROM walk w JOIN {table} t ON t.{id} = w.unit_id
            """);

        var regions = tree.Regions is null
            ? "SELECT CAST(NULL AS VARCHAR) AS unit_id, CAST(NULL AS VARCHAR) AS region WHERE false"
            : $"""
              SELECT DISTINCT c.ancestor AS unit_id, trim(r.region) AS region
              FROM {table} t, unnest(string_split(coalesce(t.{Quote(tree.Regions)}, ''), {Text(tree.RegionSeparator)})) AS r(region)
              JOIN _unit_closure c ON c.unit_id = t.{id}
              WHERE trim(r.region) <> ''
              """;
        db.Execute($"CREATE OR REPLACE TABLE _unit_regions AS {regions}");
    }
}
