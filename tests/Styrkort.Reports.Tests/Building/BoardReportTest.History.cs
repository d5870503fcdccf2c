using Styrkort.Core.Evaluation;
using Styrkort.Core.Periods;

namespace Styrkort.Reports.Tests.Building;

public sealed partial class BoardReportTest
{
    [Fact]
    public void History_OfAQuarterlyGoal_IsTheLastEightQuarters_AsTheEvaluatorSaysThem()
    {
        var goal = data.Report("2025-Q2").Goals.Single(g => g.Id == "disbursed_loans");

        Assert.Equal(["2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"], goal.History.Select(p => p.Period.ToString()));
        Assert.Equal("K2\u00a02025", goal.History[^1].Label);
        foreach (var point in goal.History)
        {
            var o = data.Evaluate(point.Period.ToString())[(goal.Id, data.Root)];
            Assert.Equal(o.Value, point.Value);
            Assert.Equal(o.Target, point.Target);
            Assert.Equal(o.Status, point.Status);
        }
    }

    [Fact]
    public void History_OfAGoalTheBoardSeesOnlyInQ4_IsTheLastEightYears()
    {
        var goal = data.Report("2025-Q4").Goals.Single(g => g.Id == "engagement_index");

        Assert.True(goal.Yearly);
        Assert.Equal(Enumerable.Range(2018, 8).Select(y => $"{y}-Q4"), goal.History.Select(p => p.Period.ToString()));
        Assert.Equal(Enumerable.Range(2018, 8).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), goal.History.Select(p => p.Label));
        Assert.Equal(data.Evaluate("2024-Q4")[(goal.Id, data.Root)].Value, goal.History[^2].Value);
    }

    [Theory]
    [InlineData("2025-Q1", "loan_return_36m", "2024-Q4")]
    [InlineData("2025-Q2", "disbursed_loans", "2025-Q1")]
    [InlineData("2025-Q2", "early_stage_share", "2024-Q4")]
    [InlineData("2025-Q4", "women_share", "2025-Q2")]
    [InlineData("2025-Q4", "net_revenue_growth", "2024-Q4")]
    public void Change_IsAgainstTheQuarterTheBoardLastSawTheGoal(string quarter, string goalId, string previous)
    {
        var goal = data.Report(quarter).Goals.Single(g => g.Id == goalId);
        var before = data.Evaluate(previous)[(goalId, data.Root)];

        Assert.Equal(previous, goal.PreviousReport.ToString());
        Assert.Equal(Period.Parse(previous), goal.Result.Previous!.Period);
        Assert.Equal(before.Value, goal.Result.Previous.Value);
        Assert.Equal(goal.Result.Value!.Value.AsDouble - before.Value!.Value.AsDouble, goal.Result.Change!.Value.AsDouble, 9);
    }

    [Fact]
    public void Change_OfExactAmounts_IsExact()
    {
        var goal = data.Report("2025-Q2").Goals.Single(g => g.Id == "disbursed_loans");
        var before = data.Evaluate("2025-Q1")[("disbursed_loans", data.Root)].Value!.Value.Exact!.Value;

        Assert.Equal(goal.Result.Value!.Value.Exact!.Value - before, goal.Result.Change!.Value.Exact);
    }

    [Fact]
    public void Report_OfAQ4_With17UnitsAnd12Goals_TakesSeconds()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = data.Report("2025-Q4");
        foreach (var format in Enum.GetValues<ReportFileFormat>()) ReportFiles.Render(report, format, Stream.Null);

        Assert.Equal(17, report.Goals[0].Subunits.Count + 1);
        Assert.Equal(12, report.Goals.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }
}
