using System.Data.Common;
using Styrkort.Core.GoalFiles;
using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.Warehouse;

/// <summary>
/// Applies the goal file's <c>units: organisations:</c> to the datasets just loaded, before their references are checked:
/// a unit column holding a mapped organisation number is given its unit. Done at the import, where the datasets meet the
/// unit tree, so that the files stay as their program exported them (the same SIE folder serves another goal file) and
/// the evaluation, its SQL and its answers are those of any other import. Plain SQL that both engines run.
/// </summary>
internal static class OrganisationUnits
{
    /// <param name="tables">The quoted table holding a dataset's newly loaded rows, by dataset name.</param>
    public static void Apply(DbConnection db, GoalFile file, IEnumerable<string> loaded, Func<string, string> tables)
    {
        var map = file.Units.Organisations;
        if (map.Count == 0) return;
        var cases = string.Join(" ", map.Select(m => $"WHEN {Text(m.Key)} THEN {Text(m.Value)}"));
        var keys = string.Join(", ", map.Keys.Select(Text));
        foreach (var name in loaded)
        {
            var dataset = file.Datasets[name];
            // A unit column of numbers cannot hold an organisation number; only texts are mapped.
            if (dataset.UnitColumn is not { } unit || dataset.Find(unit) is not { Type: ColumnType.Text or ColumnType.Code }) continue;
            var column = Quote(dataset.Find(unit)!.Name);
            db.Execute($"UPDATE {tables(name)} SET {column} = CASE {column} {cases} END WHERE {column} IN ({keys})");
        }
    }
}
