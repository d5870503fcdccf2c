using Styrkort.Core.Compilation;
using Styrkort.Core.Tests.Goals;

namespace Styrkort.Core.Tests.Planning;

/// <summary>The datasets a metric reads, as the goal page lists them, come from its bound tree.</summary>
public sealed class LineageTests
{
    [Theory]
    [InlineData("disbursed_loans", "loans")]
    [InlineData("loan_return_36m", "loan_ledger")]
    // Customers in year B (loans and efforts), their figures (financials), the latest fiscal year (financials).
    [InlineData("net_revenue_growth", "companies, efforts, financials, loans")]
    // Group B: the region's companies and their statements, through the population's condition.
    [InlineData("women_share_group_b", "companies, financials")]
    [InlineData("cost_per_effort", "efforts, loans, operating_costs")]
    public void Datasets_AreEverythingTheMetricReads(string metric, string datasets) =>
        Assert.Equal(datasets, string.Join(", ", MetricLineage.Datasets(AlmiData.GoalFile, metric)));
}
