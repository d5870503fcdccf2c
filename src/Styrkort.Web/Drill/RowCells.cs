using System.Globalization;
using Styrkort.Core.Formatting;
using Styrkort.Core.GoalFiles;
using Styrkort.Web.Localization;

namespace Styrkort.Web.Drill;

/// <summary>A warehouse value of a dataset column as text: on the page (Swedish or English numbers) and in CSV (as imported).</summary>
public static class RowCells
{
    /// <summary>The value as the page shows it: dates as ISO dates, a month column as its month, numbers in the page's language.</summary>
    public static string Page(object? value, Column column, Texts t) => value switch
    {
        null => "",
        bool b => b ? t["yes"] : t["no"],
        decimal or double or float or long or int or short or System.Numerics.BigInteger => Number(value, column, t.English ? CultureInfo.InvariantCulture.NumberFormat : SwedishFormat.Numbers),
        _ => Csv(value, column),
    };

    /// <summary>The value as the CSV import reads it back: 2026-03-31, 2026-03 for a month column, 1250.5, true.</summary>
    public static string Csv(object? value, Column column) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        DateTime d when column.Type == ColumnType.Month => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DateOnly d when column.Type == ColumnType.Month => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        decimal d => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A date value as a date, whatever type the engine handed it over as.</summary>
    public static DateOnly? Date(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => null,
    };

    // A year is a number but is never written 2 026.
    private static string Number(object value, Column column, NumberFormatInfo format) => column.Type == ColumnType.Year
        ? Convert.ToString(value, CultureInfo.InvariantCulture)!
        : value switch
        {
            decimal d => (d / 1.000000000000000000000000000000000m).ToString("#,0.############", format),
            double d => d.ToString("#,0.############", format),
            _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("#,0", format),
        };
}
