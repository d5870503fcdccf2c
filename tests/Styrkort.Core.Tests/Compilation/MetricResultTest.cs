using System.Globalization;

namespace Styrkort.Core.Tests.Compilation;

/// <summary>
/// Every metric of samples/almi/goals.yaml, computed by the engine over boundary data, equals a hand-written query over
/// the same data, for a quarter, a month, a year and a year-end quarter.
/// </summary>
public sealed partial class MetricResultTest(AlmiWarehouse warehouse) : IClassFixture<AlmiWarehouse>
{
    private static readonly string[] Units = ["ba", "north", "south", "south_city", "east"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var metric in Checks.Keys)
            foreach (var span in Spans)
                data.Add(metric, span.Period);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Metric_EqualsHandWrittenQuery(string metric, string period)
    {
        var engine = warehouse.Metric(metric, period);
        var hand = warehouse.Query(Checks[metric](Spans.Single(s => s.Period == period)));
        Assert.Equal(Units.Order(), engine.Keys.Order());
        Assert.All(hand.Keys, unit => Assert.Contains(unit, Units));
        foreach (var unit in Units)
        {
            var expected = hand.GetValueOrDefault(unit);
            var actual = engine[unit];
            Assert.True(expected.HasValue == actual.HasValue, $"{metric} {period} {unit}: expected {Show(expected)}, the engine gave {Show(actual)}");
            if (expected is { } e) Assert.True(Math.Abs(e - actual!.Value) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"{metric} {period} {unit}: expected {e}, the engine gave {actual}");
        }
    }

    [Fact]
    public void Checks_CoverEveryMetric() => Assert.Equal(warehouse.Goals.Metrics.Keys.Order(), Checks.Keys.Order());

    /// <summary>A few values worked out on paper from the rows in <see cref="AlmiWarehouse"/>, to check the checks.</summary>
    [Theory]
    [InlineData("nps", "ba 20 | north 0 | south 33.3333 | south_city 50 | east -")]
    [InlineData("disbursed_loans", "ba 550.5 | north 200 | south 350.5 | south_city 50 | east 0")]
    [InlineData("completed_efforts", "ba 3 | north 1 | south 2 | south_city 1 | east 0")]
    [InlineData("cost_per_effort", "ba 31.7083 | north 50 | south 12.5625 | south_city 0 | east -")]
    [InlineData("loan_return_36m", "ba 12 | north 12 | south - | south_city - | east -")]
    [InlineData("engagement_index", "ba 75 | north 75 | south 50 | south_city 25 | east -")]
    [InlineData("kyc_coverage", "ba 80 | north 50 | south 100 | south_city 100 | east -")]
    [InlineData("early_stage_share", "ba 66.6667 | north 100 | south 50 | south_city 66.6667 | east -")]
    [InlineData("women_share", "ba 60 | north 50 | south 66.6667 | south_city 100 | east -")]
    [InlineData("net_revenue_growth", "ba 20 | north 50 | south -10 | south_city - | east -")]
    [InlineData("net_revenue_growth_group_a", "ba 25 | north 50 | south 25 | south_city 25 | east 20")]
    [InlineData("women_share_group_b", "ba 66.6667 | north 100 | south 50 | south_city 100 | east -")]
    public void Metric_WorkedOutOnPaper(string metric, string expected)
    {
        var values = warehouse.Metric(metric, "2026-Q2");
        Assert.Equal(expected, string.Join(" | ", Units.Select(u => $"{u} {Show(values[u])}")));
    }

    private static string Show(double? value) =>
        value is { } v ? Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture) : "-";
}
