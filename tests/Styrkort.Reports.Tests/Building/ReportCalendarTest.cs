using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Reports.Building;
using Styrkort.Reports.Tests.Support;

namespace Styrkort.Reports.Tests.Building;

public sealed class ReportCalendarTest
{
    private static readonly GoalFile File = GoalFileReader.Read(Path.Combine(AlmiReportData.RepoRoot, "samples", "almi", "goals.yaml"));

    private static Goal Goal(string id) => File.Goals.Single(g => g.Id == id);

    [Theory]
    [InlineData("net_revenue_growth", true)]
    [InlineData("engagement_index", true)]
    [InlineData("nps", false)]
    [InlineData("disbursed_loans", false)]
    public void IsYearly_WhenTheBoardSeesTheGoalOnlyInQ4(string goal, bool yearly) =>
        Assert.Equal(yearly, ReportCalendar.IsYearly(Goal(goal)));

    [Fact]
    public void History_CrossesYearEnds()
    {
        Assert.Equal(["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"],
            ReportCalendar.History(Goal("nps"), Period.Parse("2027-Q1")).Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("nps", "2026-Q2", "2025-Q4")]
    [InlineData("nps", "2026-Q4", "2026-Q2")]
    [InlineData("cost_per_effort", "2026-Q1", "2025-Q4")]
    [InlineData("ebitda_growth", "2026-Q4", "2025-Q4")]
    public void PreviousReport_IsTheLatestEarlierQuarterOfTheGoalsCalendar(string goal, string quarter, string previous) =>
        Assert.Equal(previous, ReportCalendar.PreviousReport(Goal(goal), Period.Parse(quarter)).ToString());
}
