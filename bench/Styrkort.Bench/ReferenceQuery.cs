using System.Data.Common;
using System.Globalization;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Bench;

/// <summary>Values by metric and unit; null is "no value".</summary>
internal sealed class MetricValues : Dictionary<(string Metric, string Unit), double?>;

/// <summary>
/// The hand-written SQL of bench/reference: one statement whose period enters through placeholders, giving one row
/// per unit and one column per metric.
/// </summary>
internal sealed class ReferenceQuery(string sql)
{
    public static ReferenceQuery Load(string path, GoalFile file, Period period)
    {
        var end = period.End;
        var rollingStart = new DateOnly(end.Year, end.Month, 1).AddMonths(-35);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["year"] = period.Year.ToString(CultureInfo.InvariantCulture),
            ["ytd_start"] = new DateOnly(period.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["period_end"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["rolling_start"] = rollingStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        foreach (var p in file.Parameters.Values)
            values[p.Name] = p.Value.ToString(CultureInfo.InvariantCulture);
        var text = File.ReadAllText(path);
        foreach (var (name, value) in values)
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        var left = System.Text.RegularExpressions.Regex.Match(text, @"\{[a-z_]+\}");
        if (left.Success) throw new InvalidOperationException($"{path}: no value for the placeholder {left.Value}");
        return new ReferenceQuery(text);
    }

    public MetricValues Run(DbConnection db)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new MetricValues();
        while (reader.Read())
        {
            var unit = reader.GetString(0);
            for (var i = 1; i < reader.FieldCount; i++)
                result[(reader.GetName(i), unit)] = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                {
                    System.Numerics.BigInteger big => (double)big, // HUGEINT, DuckDB's sum of counts
                    var v => Convert.ToDouble(v, CultureInfo.InvariantCulture),
                };
        }
        return result;
    }
}
