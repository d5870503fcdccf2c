using Styrkort.Web.Presentation;

namespace Styrkort.Web.Tests.Presentation;

/// <summary>The goal chart's value axis: round steps (1, 2, 2.5, 5 × 10ⁿ) around the values, never 53,2 / 58,6 / 64,0.</summary>
public sealed class AxisStepsTest
{
    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1.1, 2)]
    [InlineData(2.2, 2.5)]
    [InlineData(3, 5)]
    [InlineData(6, 10)]
    [InlineData(1800, 2000)]
    [InlineData(0.021, 0.025)]
    public void Step_IsTheSmallestRoundStepAtLeastTheRawOne(double raw, double step) => Assert.Equal(step, AxisSteps.Step(raw), 12);

    [Theory]
    [InlineData(55.0, 62.3, "54 56 58 60 62 64")]
    [InlineData(53.2, 64.0, "52.5 55 57.5 60 62.5 65")]
    [InlineData(-12.5, 40, "-20 0 20 40")]
    [InlineData(7.3, 7.3, "2 4 6 8 10 12 14")]
    [InlineData(0, 0, "-1 -0.5 0 0.5 1")]
    [InlineData(1_200_000, 9_800_000, "0 2000000 4000000 6000000 8000000 10000000")]
    [InlineData(0.1, 0.3, "0.1 0.15 0.2 0.25 0.3")]
    public void Ticks_AreRoundNumbersAroundTheValues(double min, double max, string expected)
    {
        var ticks = AxisSteps.Ticks(min, max);
        Assert.Equal(expected, string.Join(" ", ticks.Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.True(ticks[0] <= min && ticks[^1] >= max);
    }

    [Fact]
    public void LineChart_WritesItsAxisAtTheTicks()
    {
        var svg = LineChart.Svg(["2026-Q1", "2026-Q2"], [new LineChart.Series("v", "value", [53.2, 64.0])],
            v => v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
        var labels = System.Text.RegularExpressions.Regex.Matches(svg, "text-anchor=\"end\">([^<]+)</text>").Select(m => m.Groups[1].Value);
        Assert.Equal(["52.5", "55", "57.5", "60", "62.5", "65"], labels);
    }
}
