using Styrkort.Core.Insights;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Tests.Insights;

/// <summary>A value that changes only in a survey's month: its year end is known, or drawn from its own past steps.</summary>
public sealed class StepSeriesTest
{
    // 36 months from January 2023 whose value changes only in the given month of each year, by the given steps.
    private static Series Stepping(int month, params double[] steps)
    {
        var months = Enumerable.Range(0, 36).Select(i => MonthPeriods.Month(2023 + i / 12, i % 12 + 1)).ToList();
        var value = 70.0;
        var values = months.Select(m => m.Index == month && m.Year > 2023 ? value += steps[m.Year - 2024] : value).ToList();
        return new Series(months, values);
    }

    [Fact]
    public void Of_ASeriesThatChangesInOneMonthOfTheYear_IsASurveySeries()
    {
        var steps = StepSeries.Of(Stepping(10, 2.5, -1.0));
        Assert.NotNull(steps);
        Assert.Equal([10], steps.StepMonths);
        Assert.Equal([2.5, -1.0], steps.Steps);
    }

    [Fact]
    public void Of_ASeriesThatChangesEveryMonth_IsNot()
    {
        var months = Enumerable.Range(0, 30).Select(i => MonthPeriods.Month(2023 + i / 12, i % 12 + 1)).ToList();
        Assert.Null(StepSeries.Of(new Series(months, months.Select((_, i) => 50.0 + i * 0.3).ToList())));
    }

    [Fact]
    public void Of_ASingleStep_SaysTooLittle() => Assert.Null(StepSeries.Of(Stepping(1, 4.0, 0.0)));

    [Fact]
    public void StepsLeft_CountsTheStepMonthsAfterTheOriginInItsYear()
    {
        var steps = StepSeries.Of(Stepping(10, 2.5, -1.0))!;
        Assert.Equal(1, steps.StepsLeft(MonthPeriods.Month(2025, 3)));
        Assert.Equal(0, steps.StepsLeft(MonthPeriods.Month(2025, 10)));
    }

    [Fact]
    public void Forecast_DrawsTheYearEndFromThePastSteps()
    {
        var steps = StepSeries.Of(Stepping(10, 2.0, -1.0))!;
        var (central, ends) = steps.Forecast(80, 1, 1000, new Random(1));
        Assert.Equal(80.5, central, 9);
        Assert.All(ends, e => Assert.Contains(e, new[] { 82.0, 79.0 }));
        Assert.InRange(ends.Count(e => e == 82.0), 400, 600);
    }
}
