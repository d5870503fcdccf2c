using Styrkort.Core.Periods;
using Styrkort.Reports.Tests.Support;

namespace Styrkort.Reports.Tests.Building;

[Collection("report")]
public sealed partial class BoardReportTest(AlmiReportData data)
{
    [Theory]
    [InlineData("2025-Q1", 4)]
    [InlineData("2025-Q2", 9)]
    [InlineData("2025-Q3", 4)]
    [InlineData("2025-Q4", 12)]
    public void Build_HoldsExactlyTheGoalsTheBoardSees(string quarter, int count)
    {
        var report = data.Report(quarter);

        Assert.Equal(count, report.Goals.Count);
        Assert.Equal(data.Scheduled(quarter).Select(g => g.Id), report.Goals.Select(g => g.Id));
        Assert.Equal(Enumerable.Range(1, count), report.Goals.Select(g => g.Number));
    }

    [Fact]
    public void Build_GroupsGoalsByAreaInTheGoalFilesOrder()
    {
        var report = data.Report("2025-Q4");

        Assert.Equal(data.File.Areas.Select(a => a.Id), report.Areas.Select(a => a.Id));
        foreach (var area in report.Areas)
            Assert.All(area.Goals, g => Assert.Equal(data.File.Goals.Single(x => x.Id == g.Id).Area, area.Id));
        Assert.Equal("Hållbar tillväxt i kundföretagen", report.Areas[0].Name);
    }

    [Fact]
    public void Build_ResultsAreTheEvaluatorsForTheUnitAndEverySubunit()
    {
        var report = data.Report("2025-Q2");
        var expected = data.Evaluate("2025-Q2");

        Assert.Equal(data.Root, report.Unit.Id);
        foreach (var goal in report.Goals)
        {
            Assert.Equal(16, goal.Subunits.Count);
            foreach (var r in goal.Subunits.Prepend(goal.Result))
            {
                var o = expected[(goal.Id, r.Unit.Id)];
                Assert.Equal(o.Value, r.Value);
                Assert.Equal(o.Comparison, r.Comparison);
                Assert.Equal(o.Status, r.Status);
                Assert.Equal(o.Target, r.Target);
            }
        }
    }

    [Fact]
    public void Build_ForASubsidiary_ReportsThatUnitAlone()
    {
        var report = data.Report("2025-Q2", unit: "skane");
        var expected = data.Evaluate("2025-Q2");

        Assert.Equal("Företagspartner Skåne", report.Unit.Name);
        Assert.All(report.Goals, g => Assert.Empty(g.Subunits));
        Assert.All(report.Goals, g => Assert.Equal(expected[(g.Id, "skane")].Value, g.Result.Value));
    }

    [Theory]
    [InlineData("2025")]
    [InlineData("2025-06")]
    public void Build_RefusesPeriodsThatAreNotQuarters(string period)
    {
        var e = Assert.Throws<ArgumentException>(() => BoardReport.Build(data.File, data.Warehouse, Period.Parse(period)));
        Assert.Contains("quarter", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RefusesAnUnknownUnit_NamingTheUnits()
    {
        var e = Assert.Throws<ArgumentException>(() => data.Report("2025-Q2", unit: "atlantis"));
        Assert.Contains("atlantis", e.Message, StringComparison.Ordinal);
        Assert.Contains("skane", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TakesTheDateOfProductionFromTheClock()
    {
        Assert.Equal(new DateOnly(2026, 11, 3), data.Report("2025-Q1").ProducedOn);
    }

    [Fact]
    public void Build_AttachesOnlyTheCheckInsOfItsUnitAndQuarter()
    {
        var q2 = Period.Parse("2025-Q2");
        GoalCheckIn[] checkIns =
        [
            new("nps", data.Root, q2, "Rätt", []),
            new("nps", "skane", q2, "Annan enhet", []),
            new("nps", data.Root, Period.Parse("2025-Q1"), "Annat kvartal", []),
            new("disbursed_loans", data.Root, q2, "Annat mål", []),
        ];

        var report = data.Report("2025-Q2", checkIns: checkIns);

        Assert.Equal("Rätt", Assert.Single(report.Goals.Single(g => g.Id == "nps").CheckIns).Analysis);
        Assert.Equal("Annat mål", Assert.Single(report.Goals.Single(g => g.Id == "disbursed_loans").CheckIns).Analysis);
        Assert.Empty(report.Goals.Single(g => g.Id == "kyc_coverage").CheckIns);
    }

    [Fact]
    public void Build_NamesEveryDatasetWithItsLatestImport()
    {
        var report = data.Report("2025-Q2");

        Assert.Equal(data.File.Datasets.Keys, report.Sources.Select(s => s.Dataset));
        Assert.All(report.Sources, s =>
        {
            Assert.True(s.Rows > 0);
            Assert.Equal(64, s.Sha256.Length);
            Assert.Equal(AlmiReportData.Clock.GetUtcNow().UtcDateTime, s.ImportedAtUtc);
        });
    }

    [Fact]
    public void Build_DefinesEachGoalFromTheGoalFile()
    {
        var goal = data.Report("2025-Q2").Goals.Single(g => g.Id == "women_share");

        Assert.Equal(PdfText.Flatten(data.File.Metrics["women_share"].Formula.Text), PdfText.Flatten(goal.Definition.Formula));
        Assert.Equal("women_share_group_b", goal.Definition.ComparisonMetric);
        Assert.Contains("companies", goal.Definition.Datasets);
        Assert.Contains("loans", goal.Definition.Datasets);
    }
}
