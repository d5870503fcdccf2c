namespace Styrkort.Web.Presentation;

/// <summary>
/// The ticks of a chart's value axis at round numbers: steps of 1, 2, 2.5 or 5 × 10ⁿ (50, 55, 60, 65 — never 53,2,
/// 58,6, 64,0), from a multiple of the step at or below the smallest value to one at or above the largest.
/// </summary>
public static class AxisSteps
{
    private static readonly double[] Mantissas = [1, 2, 2.5, 5, 10];

    /// <summary>The ticks, lowest first; at most about <paramref name="most"/> steps between them.</summary>
    public static IReadOnlyList<double> Ticks(double min, double max, int most = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max)) throw new ArgumentException("the axis needs finite values");
        if (max < min) (min, max) = (max, min);
        if (max - min < 1e-12)
        {
            // One value: a step around it, of its own magnitude.
            var around = Math.Abs(min) < 1e-12 ? 1 : Step(Math.Abs(min) / 2);
            (min, max) = (min - around, max + around);
        }
        var step = Step((max - min) / most);
        var low = Math.Floor(min / step + 1e-9) * step;
        var high = Math.Ceiling(max / step - 1e-9) * step;
        var count = (int)Math.Round((high - low) / step);
        // Sums of the step drift in binary (0.1 + 0.2); each tick is computed from its index and rounded to the step.
        var decimals = Math.Max(0, (int)-Math.Floor(Math.Log10(step)) + 1);
        return Enumerable.Range(0, count + 1).Select(i => Math.Round(low + i * step, Math.Min(decimals, 15))).ToList();
    }

    /// <summary>The smallest round step (1, 2, 2.5 or 5 × 10ⁿ) at least <paramref name="raw"/>.</summary>
    public static double Step(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var m in Mantissas)
            if (m * magnitude >= raw * (1 - 1e-9)) return m * magnitude;
        return 10 * magnitude;
    }
}
