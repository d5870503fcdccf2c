using Styrkort.Core.Formatting;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Insights;

/// <summary>A month of a goal's period whose value lies far outside the goal's own history.</summary>
/// <param name="Month">The month that stands out.</param>
/// <param name="Value">Its value as the series reads it (a sum's or count's own month, a ratio's own month).</param>
/// <param name="Expected">What its history leads one to expect: the same month a year before plus the typical change over a year.</param>
/// <param name="Score">The robust z-score of its seasonal residual.</param>
/// <param name="Reason">In Swedish and English, with the numbers.</param>
public sealed record Anomaly(string Goal, string Unit, Period Month, double Value, double Expected, double Score, LocalizedText Reason);

/// <summary>
/// Flags a value far outside its own history: the robust z-score (Iglewicz &amp; Hoaglin's modified z, 0.6745 × (r − median)
/// / MAD) of the seasonal residual r — the month's value less the same month a year before — against the residuals of
/// the months before the goal's period; |z| above <see cref="Threshold"/> is an anomaly. Median and MAD, not mean and
/// standard deviation, so that one earlier spike does not hide the next, and the seasonal difference so that a December
/// peak every year is not one. A series that changes in fewer than half its months (a yearly survey) is not checked.
/// </summary>
public static class AnomalyDetector
{
    /// <summary>Iglewicz &amp; Hoaglin's recommended cut-off for the modified z-score (1993).</summary>
    public const double Threshold = 3.5;

    /// <summary>Residuals needed before the tested months: a year's worth, so that 24 months of history are needed in all.</summary>
    public const int MinimumResiduals = 12;

    /// <summary>The most anomalous month of <paramref name="period"/>'s whole months in the series, if any passes the threshold.</summary>
    public static Anomaly? Check(string goal, string unit, Series series, Period period, string? metricUnit)
    {
        // A value that changes only now and then (a yearly survey, the latest annual accounts) has one observation a
        // year, not twelve: three years are no history to call its next step far out by.
        var changes = Enumerable.Range(1, Math.Max(0, series.Count - 1)).Count(i => series.Values[i] != series.Values[i - 1]);
        if (changes < series.Count / 2) return null;
        var firstTested = MonthPeriods.Month(period.Start.Year, period.Start.Month);
        var residuals = new List<double>();
        var tested = new List<(Period Month, double Value, double Residual, double LastYear)>();
        for (var i = HoltWinters.Season; i < series.Count; i++)
        {
            var r = series.Values[i] - series.Values[i - HoltWinters.Season];
            if (series.Months[i].CompareMonths(firstTested) >= 0) tested.Add((series.Months[i], series.Values[i], r, series.Values[i - HoltWinters.Season]));
            else residuals.Add(r);
        }
        if (residuals.Count < MinimumResiduals || tested.Count == 0) return null;
        var median = Median(residuals);
        var mad = Median(residuals.Select(r => Math.Abs(r - median)).ToList());
        // A history whose residuals are mostly one number (a yearly survey) has MAD 0: the mean absolute deviation
        // (× 1.2533, equal to the MAD's scale for normal data) takes its place, as in IBM's SPSS modified z.
        var scale = mad > 0 ? mad / 0.6745 : residuals.Average(r => Math.Abs(r - median)) * 1.2533;
        Anomaly? worst = null;
        foreach (var (month, value, r, lastYear) in tested)
        {
            var z = scale > 0 ? (r - median) / scale : r == median ? 0 : double.PositiveInfinity * Math.Sign(r - median);
            if (Math.Abs(z) <= Threshold || (worst is not null && Math.Abs(z) <= Math.Abs(worst.Score))) continue;
            var expected = lastYear + median;
            worst = new Anomaly(goal, unit, month, value, expected, z, Reason(month, value, expected, z, metricUnit));
        }
        return worst;
    }

    private static LocalizedText Reason(Period month, double value, double expected, double z, string? unit)
    {
        string Z(Presentation.Language lang) => double.IsInfinity(z) ? "∞" : Math.Abs(z).ToString("0.0", lang.IsEnglish ? System.Globalization.CultureInfo.InvariantCulture : SwedishFormat.Numbers);
        return new LocalizedText(
            $"{month} ligger långt {(z > 0 ? "över" : "under")} sin historik: {SwedishFormat.Value(value, unit)} mot väntat {SwedishFormat.Value(expected, unit)} " +
            $"(samma månad i fjol plus den typiska årsförändringen; robust z {Z(Presentation.Language.Sv)}, gräns {Threshold.ToString("0.0", SwedishFormat.Numbers)})",
            $"{month} is far {(z > 0 ? "above" : "below")} its history: {SwedishFormat.Value(value, unit, Presentation.Language.En)} against an expected {SwedishFormat.Value(expected, unit, Presentation.Language.En)} " +
            $"(the same month a year before plus the typical change over a year; robust z {Z(Presentation.Language.En)}, threshold {Threshold.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)})");
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
