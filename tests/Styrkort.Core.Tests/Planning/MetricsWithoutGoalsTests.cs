using Styrkort.Core.Evaluation;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Compilation;
using Styrkort.Core.Tests.Goals;

namespace Styrkort.Core.Tests.Planning;

/// <summary>Metrics evaluated without goals (as the financial ratios are), several periods in one plan.</summary>
public sealed class MetricsWithoutGoalsTests : IClassFixture<AlmiWarehouse>
{
    private readonly AlmiWarehouse _data;

    public MetricsWithoutGoalsTests(AlmiWarehouse data) => _data = data;

    [Fact]
    public void Metrics_ForSeveralPeriods_EqualEachMetricsOwnQuery()
    {
        var periods = new[] { "2026-Q2", "2026-03", "2025" };
        var metrics = _data.Goals.Metrics.Keys.ToList();
        var computed = new Evaluator(_data.Goals, _data.Store).Metrics(metrics, periods.Select(Period.Parse).ToList(), CancellationToken.None);
        for (var p = 0; p < periods.Length; p++)
            foreach (var metric in metrics)
            {
                var alone = _data.Metric(metric, periods[p]).Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!.Value);
                var together = computed[p][metric].ToDictionary(kv => kv.Key, kv => kv.Value.AsDouble);
                Assert.Equal(alone.OrderBy(kv => kv.Key, StringComparer.Ordinal), together.OrderBy(kv => kv.Key, StringComparer.Ordinal));
            }
    }

    [Fact]
    public void NothingAsked_NothingComputed()
    {
        var evaluator = new Evaluator(_data.Goals, _data.Store);
        Assert.Empty(evaluator.Metrics(["nps"], [], CancellationToken.None));
        Assert.Empty(new Evaluator(_data.Goals with { Goals = [] }, _data.Store).Evaluate(Period.Parse("2026-Q2")).Outcomes);
        Assert.Throws<ArgumentException>(() => evaluator.Metrics(["no_such_metric"], [Period.Parse("2026-Q2")], CancellationToken.None));
    }
}
