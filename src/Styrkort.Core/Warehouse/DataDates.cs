using System.Data.Common;
using System.Globalization;
using Styrkort.Core.GoalFiles;
using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.Warehouse;

/// <summary>The dates the loaded datasets cover, in plain SQL either engine runs.</summary>
internal static class DataDates
{
    /// <summary>
    /// The first and last day the loaded datasets' time columns cover (a year column covers its whole year): the pages
    /// answer periods outside it without a query.
    /// </summary>
    public static (DateOnly? First, DateOnly? Last) Range(DbConnection db, GoalFile file, IReadOnlySet<string> tables)
    {
        DateOnly? first = null, last = null;
        foreach (var dataset in file.Datasets.Values.Where(d => tables.Contains(d.Name)))
        {
            if (dataset.TimeColumn is not { } time || dataset.Find(time) is not { } column) continue;
            var row = db.Rows($"SELECT min({Quote(column.Name)}), max({Quote(column.Name)}) FROM {Quote(dataset.Name)}").Single();
            foreach (var value in row)
            {
                DateOnly? date = value switch
                {
                    DateTime d => DateOnly.FromDateTime(d),
                    DateOnly d => d,
                    int or long or short when column.Type == ColumnType.Year => new DateOnly(System.Convert.ToInt32(value, CultureInfo.InvariantCulture), 1, 1),
                    _ => null,
                };
                if (date is null) continue;
                if (first is null || date < first) first = date;
                var end = column.Type == ColumnType.Year ? new DateOnly(date.Value.Year, 12, 31) : date.Value;
                if (last is null || end > last) last = end;
            }
        }
        return (first, last);
    }
}
