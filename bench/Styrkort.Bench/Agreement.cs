using System.Globalization;

namespace Styrkort.Bench;

/// <summary>The check of issue 8: the engine and the hand-written SQL give the same value for every metric and unit.</summary>
internal static class Agreement
{
    public const double Tolerance = 1e-9;

    /// <summary>Prints what differs (and a line per metric); true when everything agrees.</summary>
    public static bool Check(MetricValues engine, MetricValues reference, TextWriter output)
    {
        var differences = new List<string>();
        var largest = 0.0;
        foreach (var metric in engine.Keys.Select(k => k.Metric).Distinct().Order(StringComparer.Ordinal))
        {
            var keys = engine.Keys.Where(k => k.Metric == metric).OrderBy(k => k.Unit, StringComparer.Ordinal).ToList();
            var (agree, empty) = (0, 0);
            foreach (var key in keys)
            {
                var e = engine[key];
                if (!reference.TryGetValue(key, out var r))
                    differences.Add($"{metric} / {key.Unit}: the reference has no value for it (no column or no row)");
                else if (Same(e, r))
                {
                    if (e is { } x && r is { } y && x != y) largest = Math.Max(largest, Math.Abs(x - y) / Math.Max(Math.Abs(x), Math.Abs(y)));
                    agree++;
                    if (e is null) empty++;
                }
                else differences.Add(string.Create(CultureInfo.InvariantCulture, $"{metric} / {key.Unit}: engine {Show(e)}, reference {Show(r)}"));
            }
            output.WriteLine($"  {metric}: {agree}/{keys.Count} units agree ({empty} without a value)");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  largest relative difference among the agreeing values: {largest:G3}"));
        foreach (var d in differences.Take(40)) output.WriteLine($"  DIFFERS {d}");
        if (differences.Count > 40) output.WriteLine($"  … and {differences.Count - 40} more");
        return differences.Count == 0;
    }

    private static bool Same(double? a, double? b) => (a, b) switch
    {
        (null, null) => true,
        ({ } x, { } y) => x == y || Math.Abs(x - y) <= Tolerance * Math.Max(Math.Abs(x), Math.Abs(y)),
        _ => false,
    };

    private static string Show(double? v) => v is { } d ? d.ToString("R", CultureInfo.InvariantCulture) : "(no value)";
}
