using Styrkort.Core.Insights;

namespace Styrkort.Core.Tests.Insights;

/// <summary>The seasonal model and its intervals on series whose truth is known.</summary>
public sealed class HoltWintersTest
{
    // A trend, a 12-month season and noise: 1000 + 5t + 200·sin(2πt/12) + N(0, σ).
    private static double[] Seasonal(int months, double sigma, Random random, int offset = 0) =>
        Enumerable.Range(offset, months).Select(t => 1000 + 5.0 * t + 200 * Math.Sin(2 * Math.PI * t / 12) + sigma * Normal(random)).ToArray();

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Forecast_OfAKnownSeasonalSeries_FollowsItsSeasonAndTrend()
    {
        var series = Seasonal(48, sigma: 10, new Random(1));
        var truth = Seasonal(12, sigma: 0, new Random(0), offset: 48);
        var forecast = HoltWinters.Fit(series).Forecast(12);
        // Within 3 % of the noiseless truth every month: the season (±200) is followed, not averaged away.
        for (var h = 0; h < 12; h++) Assert.InRange(forecast[h], truth[h] * 0.97, truth[h] * 1.03);
    }

    [Fact]
    public void Fit_RefusesLessThanTwoSeasons() =>
        Assert.Throws<ArgumentException>(() => HoltWinters.Fit(new double[23]));

    [Fact]
    public void Interval_OnSimulatedSeries_CoversTheTruthAboutEightTimesInTen()
    {
        // 300 series of the same process, each forecast from month 36 for the sum of the next 6 months (a year to date
        // forecast from June); the 80 % interval should hold the actual sum about 80 % of the time.
        var random = new Random(42);
        var covered = 0;
        const int trials = 300;
        for (var i = 0; i < trials; i++)
        {
            var all = Seasonal(42, sigma: 40, random);
            var (central, ends) = YearEndForecaster.FlowsSum(all[..36], 6, 6, 0, new Random(i));
            Array.Sort(ends);
            var actual = all[36..].Sum();
            if (YearEndForecaster.Quantile(ends, 0.1) <= actual && actual <= YearEndForecaster.Quantile(ends, 0.9)) covered++;
            Assert.InRange(central, ends[0], ends[^1]);
        }
        Assert.InRange(covered / (double)trials, 0.72, 0.92);
    }

    [Fact]
    public void Simulate_WithTheSameSeed_GivesTheSamePaths()
    {
        var model = HoltWinters.Fit(Seasonal(36, 10, new Random(3)));
        Assert.Equal(model.Simulate(6, 50, new Random(9)).SelectMany(p => p), model.Simulate(6, 50, new Random(9)).SelectMany(p => p));
    }

    [Fact]
    public void Quantile_InterpolatesBetweenNeighbours() =>
        Assert.Equal(1.9, YearEndForecaster.Quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.09), 9);

    [Fact]
    public void Backcasts_AreMadeWithoutSeeingTheMonthsAfterTheirOrigin()
    {
        var series = Seasonal(40, sigma: 20, new Random(5));
        var changedFuture = series.ToArray();
        for (var t = 30; t < changedFuture.Length; t++) changedFuture[t] += 500;
        var before = HoltWinters.Fit(series).Backcasts(3);
        var after = HoltWinters.Fit(changedFuture).Backcasts(3);
        // Origins 24…30 have seen only months before 30: their forecasts do not move when months from 30 on change.
        for (var i = 0; i <= 6; i++) Assert.Equal(before[i].Forecast, after[i].Forecast);
        Assert.NotEqual(before[7].Forecast, after[7].Forecast); // origin 31 has seen month 30
        Assert.Equal(40 - 24 - 3 + 1, before.Count);
    }

    [Fact]
    public void Interval_WhenOneStepErrorsAreLopsided_StillHoldsTheCentralValue()
    {
        // Small steps down every month and a large step up twice a year: the one-step errors do not average 0, and
        // fed through the model they drag simulated years away from the point forecast unless they are placed about it.
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var level = 100.0;
            var series = Enumerable.Range(0, 40).Select(t => level += t % 6 == 5 ? 6 + random.NextDouble() : -1 - random.NextDouble() * 0.2).ToArray();
            var (central, ends) = YearEndForecaster.PathAt(series, 9, new Random(seed));
            Array.Sort(ends);
            Assert.InRange(central, YearEndForecaster.Quantile(ends, 0.1), YearEndForecaster.Quantile(ends, 0.9));
        }
    }
}
