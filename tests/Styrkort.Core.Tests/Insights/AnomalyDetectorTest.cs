using Styrkort.Core.Insights;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Tests.Insights;

public sealed class AnomalyDetectorTest
{
    private static Series Monthly(double[] values) =>
        new(Enumerable.Range(0, values.Length).Select(i => MonthPeriods.Month(2023 + i / 12, i % 12 + 1)).ToList(), values);

    private static double[] Clean(int months, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, months).Select(t => 500 + 300 * (t % 12 == 11 ? 1 : 0) + 20 * (random.NextDouble() - 0.5)).ToArray();
    }

    [Fact]
    public void Check_ACleanSeasonalSeries_IsNotFlagged_EvenInItsDecemberPeak()
    {
        // Every December is 300 above the rest: seasonal, so no anomaly, whichever month is tested.
        for (var seed = 0; seed < 20; seed++)
        {
            var series = Monthly(Clean(36, seed));
            Assert.Null(AnomalyDetector.Check("g", "u", series, Period.Parse("2025-Q4"), null));
            Assert.Null(AnomalyDetector.Check("g", "u", series, Period.Parse("2025-12"), null));
        }
    }

    [Fact]
    public void Check_AnInjectedSpike_IsFlaggedWithItsMonthAndReason()
    {
        var values = Clean(36, 1);
        values[31] += 400; // 2025-08: a doubled month, a data error
        var anomaly = AnomalyDetector.Check("g", "u", Monthly(values), Period.Parse("2025-Q3"), "count");
        Assert.NotNull(anomaly);
        Assert.Equal(Period.Parse("2025-08"), anomaly.Month);
        Assert.True(anomaly.Score > AnomalyDetector.Threshold);
        Assert.InRange(anomaly.Expected, 480, 520);
        Assert.Contains("2025-08 ligger långt över sin historik", anomaly.Reason.Swedish, StringComparison.Ordinal);
        Assert.Contains("2025-08 is far above its history", anomaly.Reason.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ADrop_IsFlaggedBelow()
    {
        var values = Clean(36, 2);
        values[35] = 100; // December without its peak and half its usual level
        var anomaly = AnomalyDetector.Check("g", "u", Monthly(values), Period.Parse("2025-12"), null);
        Assert.NotNull(anomaly);
        Assert.True(anomaly.Score < -AnomalyDetector.Threshold);
    }

    [Fact]
    public void Check_WithLessThanAYearOfResidualsBefore_SaysNothing()
    {
        var values = Clean(23, 3);
        values[22] += 1000;
        Assert.Null(AnomalyDetector.Check("g", "u", Monthly(values), Period.Parse("2024-11"), null));
    }

    [Fact]
    public void Check_AValueThatStepsOnceAYear_IsNotChecked()
    {
        // A yearly survey: the same value all year, a new one each April — its new value is no anomaly for want of history.
        var values = Enumerable.Range(0, 40).Select(t => 70.0 + (t + 9) / 12 * (t >= 39 ? 9 : 1)).ToArray();
        Assert.Null(AnomalyDetector.Check("g", "u", Monthly(values), Period.Parse("2026-Q2"), null));
    }
}
