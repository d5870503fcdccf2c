using Styrkort.Core.Compilation;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Goals;

namespace Styrkort.Core.Tests.Planning;

/// <summary>
/// Breakdowns by dimension: segments are computed from rows like the totals (a ratio per segment is the ratio of that
/// segment's counts), an empty key is its own segment, and an additive metric's segments sum to its total.
/// Units: root → north (regions 01;03), south (12); companies c1 (01, F), c2 (01, M), c3 (03, F, background empty),
/// c4 (12, no gender), c5 (12, M), c6 (03, F).
/// </summary>
public sealed class BreakdownTests
{
    private static Evaluation.Evaluation Evaluate(AlmiData data, string period, params string[] by)
    {
        using var warehouse = Warehouse.Warehouse.Open(null);
        data.ImportInto(warehouse);
        return new Evaluator(AlmiData.GoalFile, warehouse) { By = by }.Evaluate(Period.Parse(period));
    }

    private static IReadOnlyList<Segment> Segments(Evaluation.Evaluation e, string goal, string unit, string dimension) =>
        e.Breakdowns.Single(b => b.Goal == goal && b.Unit == unit && b.Dimension == dimension).Segments;

    private static AlmiData Loans() => new AlmiData().Loans(
        "L1,c1,north,2026-01-01,100000,start",
        "L2,c1,north,2026-06-30,250000,expansion",
        "L3,c3,north,2026-02-01,50.25,start",
        "L4,c2,north,2026-07-01,999,start",          // after the period: in no segment
        "L5,c4,south,2026-03-15,100.50,established");

    [Fact]
    public void AdditiveMetric_SegmentsSumToTheTotal_InTheCodesOrder()
    {
        using var data = Loans();
        var e = Evaluate(data, "2026-Q2", "loans.phase");
        foreach (var unit in new[] { "root", "north", "south" })
        {
            var total = e.Outcomes.Single(o => o.Goal == "disbursed_loans" && o.Unit == unit).Value!.Value.Exact;
            Assert.Equal(total, Segments(e, "disbursed_loans", unit, "loans.phase").Sum(s => s.Value!.Value.Exact));
        }
        var root = Segments(e, "disbursed_loans", "root", "loans.phase");
        Assert.Equal(["start", "expansion", "established"], root.Select(s => (string)s.Key!));
        Assert.Equal([100050.25m, 250000m, 100.5m], root.Select(s => s.Value!.Value.Exact!.Value));
        // A unit with rows only in some segments has only those.
        Assert.Equal(["established"], Segments(e, "disbursed_loans", "south", "loans.phase").Select(s => (string)s.Key!));
    }

    [Fact]
    public void DimensionReachedAlongReferences_AndAnEmptyKeyIsItsOwnSegment()
    {
        using var data = Loans();
        var e = Evaluate(data, "2026-Q2", "companies.region", "companies.foreign_background");
        var regions = Segments(e, "disbursed_loans", "north", "companies.region");
        Assert.Equal(["01", "03"], regions.Select(s => (string)s.Key!));
        Assert.Equal([350000m, 50.25m], regions.Select(s => s.Value!.Value.Exact!.Value));
        // c3's background is empty: its loan is the segment without a key, listed last.
        var background = Segments(e, "disbursed_loans", "north", "companies.foreign_background");
        Assert.Equal(new object?[] { true, null }, background.Select(s => s.Key));
        Assert.Equal([350000m, 50.25m], background.Select(s => s.Value!.Value.Exact!.Value));
    }

    [Fact]
    public void Ratio_PerSegment_IsTheRatioOfThatSegmentsCounts_NotAnAverageOfRatios()
    {
        // Customers of north in 2026 to date: c1 (01, F), c2 (01, M), c3 (03, F) → 2 of 3 led by women.
        using var data = new AlmiData().Loans(
            "L1,c1,north,2026-01-10,1,start",
            "L2,c2,north,2026-02-10,1,start",
            "L3,c2,north,2026-03-10,1,start",
            "L4,c3,north,2026-04-10,1,start");
        var e = Evaluate(data, "2026-Q2", "companies.region");
        Assert.Equal(100.0 * 2 / 3, e.Outcomes.Single(o => o.Goal == "women_share" && o.Unit == "north").Value!.Value.AsDouble, 9);
        var segments = Segments(e, "women_share", "north", "companies.region");
        Assert.Equal(["01", "03"], segments.Select(s => (string)s.Key!));
        Assert.Equal(50.0, segments[0].Value!.Value.AsDouble, 9);
        Assert.Equal(100.0, segments[1].Value!.Value.AsDouble, 9);
    }

    [Fact]
    public void By_SkipsGoalsWhoseMetricCannotReachTheDimension()
    {
        using var data = Loans();
        var e = Evaluate(data, "2026-Q2", "loans.phase");
        // women_share aggregates companies (the customers), which do not reach loans.
        Assert.DoesNotContain(e.Breakdowns, b => b.Goal == "women_share");
        Assert.Contains(e.Breakdowns, b => b.Goal == "disbursed_loans");
    }

    [Fact]
    public void GoalBreakdown_NotReachableFromTheMetric_IsRefusedWhereItIsWritten()
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-breakdown-").FullName;
        try
        {
            var text = File.ReadAllText(Path.Combine(Compilation.SqlSnapshotTest.Root, "samples", "almi", "goals.yaml"))
                .Replace("    metric: women_share\n", "    metric: women_share\n    breakdown: [companies.region, loans.phase]\n", StringComparison.Ordinal)
                .Replace("    metric: disbursed_loans\n    breakdown: [loans.phase]\n", "    metric: disbursed_loans\n    breakdown: [loans.phas]\n", StringComparison.Ordinal);
            var path = Path.Combine(folder, "goals.yaml");
            File.WriteAllText(path, text);
            var errors = MetricCompiler.Diagnostics(GoalFileReader.Read(path));
            var lines = text.Split('\n');
            int Line(string marker) => Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal)) + 1;
            Assert.Equal(2, errors.Count);
            Assert.Equal(Line("[companies.region, loans.phase]"), errors[0].Location.Line);
            Assert.Equal(lines[errors[0].Location.Line - 1].IndexOf("loans.phase", StringComparison.Ordinal) + 1, errors[0].Location.Column);
            Assert.Contains("goal 'women_share': breakdown 'loans.phase' cannot be reached from companies", errors[0].Reason, StringComparison.Ordinal);
            Assert.Equal(Line("[loans.phas]"), errors[1].Location.Line);
            Assert.Contains("dataset 'loans' has no column 'phas'", errors[1].Reason, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AGoalWithTooManyDimensions_IsRefusedAtTheFirstOneTooMany()
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-breakdown-").FullName;
        try
        {
            var dimensions = string.Join(", ", Enumerable.Repeat("loans.phase", Limits.Breakdowns + 1));
            var text = File.ReadAllText(Path.Combine(Compilation.SqlSnapshotTest.Root, "samples", "almi", "goals.yaml"))
                .Replace("    metric: disbursed_loans\n    breakdown: [loans.phase]\n", $"    metric: disbursed_loans\n    breakdown: [{dimensions}]\n", StringComparison.Ordinal);
            var path = Path.Combine(folder, "goals.yaml");
            File.WriteAllText(path, text);
            var error = Assert.Throws<Diagnostics.StyrkortException>(() => GoalFileReader.Read(path));
            var line = text.Split('\n').ToList().FindIndex(l => l.Contains("breakdown: [", StringComparison.Ordinal)) + 1;
            Assert.Equal(line, error.Location.Line);
            Assert.Contains($"at most {Limits.Breakdowns} dimensions", error.Reason, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ABrokenMetric_IsReportedOnce_NotAgainForItsGoalsBreakdown()
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-breakdown-").FullName;
        try
        {
            // completed_efforts has breakdown: [efforts.phase]; its misspelt metric is the one mistake.
            var text = File.ReadAllText(Path.Combine(Compilation.SqlSnapshotTest.Root, "samples", "almi", "goals.yaml"))
                .Replace("count(efforts on completed_on during ytd)\n", "count(efforts on complete_on during ytd)\n", StringComparison.Ordinal);
            var path = Path.Combine(folder, "goals.yaml");
            File.WriteAllText(path, text);
            var error = Assert.Single(MetricCompiler.Diagnostics(GoalFileReader.Read(path)));
            Assert.Contains("dataset 'efforts' has no column 'complete_on'", error.Reason, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SeveralPeriodsInOnePlan_GiveWhatEachGivesAlone()
    {
        using var data = Loans().Financials(
            "c1,2024,100,10,5,100", "c1,2025,120,12,5,100",
            "c2,2024,200,20,5,100", "c2,2025,180,30,5,100",
            "c5,2024,50,5,5,100", "c5,2025,60,6,5,100");
        using var warehouse = Warehouse.Warehouse.Open(null);
        data.ImportInto(warehouse);
        var evaluator = new Evaluator(AlmiData.GoalFile, warehouse) { By = ["loans.phase"] };
        var periods = new[] { "2026-Q1", "2026-Q2", "2025-Q4", "2026-03", "2026" }.Select(Period.Parse).ToList();
        var together = evaluator.Evaluate(periods, null, CancellationToken.None);
        for (var i = 0; i < periods.Count; i++)
        {
            var alone = evaluator.Evaluate(periods[i]);
            Assert.Equal(alone.Outcomes, together[i].Outcomes);
            Assert.Equal(alone.Breakdowns.Select(b => (b.Goal, b.Unit, b.Dimension, string.Join(";", b.Segments))),
                together[i].Breakdowns.Select(b => (b.Goal, b.Unit, b.Dimension, string.Join(";", b.Segments))));
        }
    }
}
