using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Reports.Html;

namespace Styrkort.Reports.Tests.Building;

public sealed partial class BoardReportTest
{
    [Fact]
    public void Build_SetsAnOperationalGoalUnderTheStrategicGoalItServes_WithOwnerAndDeadline()
    {
        // disbursed_loans comes first in the goal file; serving completed_efforts, it moves right under it.
        var goals = data.File.Goals.Select(g => g.Id == "disbursed_loans"
            ? g with { Owner = "Kreditchef", Serves = new GoalReference("completed_efforts", g.Location), Deadline = new DateOnly(2025, 12, 31) }
            : g).ToList();
        var file = data.File with { Goals = goals };

        var report = BoardReport.Build(file, data.Warehouse, Period.Parse("2025-Q4"),
            new BoardReportOptions { Language = Core.Presentation.Language.Sv, Clock = Support.AlmiReportData.Clock });

        var volumes = report.Areas.Single(a => a.Goals.Any(g => g.Id == "disbursed_loans")).Goals;
        Assert.Equal(["completed_efforts", "disbursed_loans"], volumes.Select(g => g.Id));
        Assert.Equal([0, 1], volumes.Select(g => g.Depth));
        var served = volumes[1];
        Assert.Equal("Avslutade affärsutvecklingsinsatser (antal)", served.Serves);
        Assert.Equal(" · Tjänar: Avslutade affärsutvecklingsinsatser (antal) · Ägare: Kreditchef · Deadline: 2025-12-31", served.Structure(ReportText.Swedish));
        Assert.Equal("", volumes[0].Structure(ReportText.Swedish));
        var html = HtmlReport.Write(report);
        Assert.Contains("↳ <a href=\"#goal-disbursed_loans\">", html, StringComparison.Ordinal);
        Assert.Contains("Tjänar: Avslutade affärsutvecklingsinsatser (antal) · Ägare: Kreditchef", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithoutServes_KeepsTheGoalFilesOrder_AndNoStructureLine()
    {
        var report = data.Report("2025-Q4");
        Assert.All(report.Goals, g => Assert.Equal((0, ""), (g.Depth, g.Structure(ReportText.Swedish))));
        Assert.DoesNotContain("↳", HtmlReport.Write(report), StringComparison.Ordinal);
    }
}
