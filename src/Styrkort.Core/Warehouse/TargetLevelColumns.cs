using System.Globalization;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Warehouse;

/// <summary>How both engines read the period of a row of target_levels, and pick the yearly levels out of them.</summary>
internal static class TargetLevelColumns
{
    /// <summary>The row's period as text: the period column's, else the year column's year.</summary>
    public static string Period(TargetLevelSource t, Func<string, string> quote, string text) => (t.Period, t.Year) switch
    {
        ({ } p, { } y) => $"COALESCE(CAST({quote(p)} AS {text}), CAST(CAST({quote(y)} AS INTEGER) AS {text}))",
        ({ } p, null) => $"CAST({quote(p)} AS {text})",
        (null, { } y) => $"CAST(CAST({quote(y)} AS INTEGER) AS {text})",
        _ => throw new InvalidOperationException("target_levels names neither a year nor a period column"),
    };

    /// <summary>The levels of whole years, (goal, unit, year) → level: what the board decides on.</summary>
    public static IReadOnlyDictionary<(string Goal, string Unit, int Year), decimal> Yearly(
        IEnumerable<(string Goal, string Unit, string Period, decimal Level)> rows, Func<decimal, decimal> shown)
    {
        var levels = new Dictionary<(string, string, int), decimal>();
        foreach (var (goal, unit, period, level) in rows)
            if (period.Length == 4 && int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                levels.TryAdd((goal, unit, year), shown(level));
        return levels;
    }
}
