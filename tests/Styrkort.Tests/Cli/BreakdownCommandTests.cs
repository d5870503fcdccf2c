using System.Text.Json.Nodes;

namespace Styrkort.Tests.Cli;

/// <summary>Breakdowns on the command line: the JSON contract, <c>--by</c>, its refusals and the table.</summary>
public sealed class BreakdownCommandTests(SampleData sample) : IClassFixture<SampleData>
{
    private static readonly string[] Phases = ["start", "expansion", "established"];

    private JsonArray Results(string goals, params string[] extra)
    {
        var result = StyrkortProcess.Run(["evaluate", "--goals", goals, "--data", sample.Folder, "--period", "2026-Q2", "--format", "json", .. extra]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonNode.Parse(result.Stdout)!["results"]!.AsArray();
    }

    // The shipped goal file breaks two goals down by phase; these tests start from it without them.
    private static readonly string[] ShippedBreakdowns = ["    breakdown: [loans.phase]\n", "    breakdown: [efforts.phase]\n"];

    /// <summary>The shipped goal file beside the sample (deleted with it), without its breakdowns.</summary>
    private string GoalFileWithoutBreakdowns() => Write(WithoutBreakdowns());

    private static string WithoutBreakdowns()
    {
        var text = File.ReadAllText(StyrkortProcess.GoalFile);
        foreach (var line in ShippedBreakdowns)
        {
            Assert.Equal(1, text.Split(line).Length - 1);
            text = text.Replace(line, "", StringComparison.Ordinal);
        }
        return text;
    }

    private string Write(string text)
    {
        var goals = Path.Combine(sample.Folder, $"goals-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(goals, text);
        return goals;
    }

    /// <summary>As <see cref="GoalFileWithoutBreakdowns"/>, with <c>breakdown: [loans.phase]</c> on the disbursed_loans goal only.</summary>
    private string GoalFileWithPhaseBreakdown()
    {
        var text = WithoutBreakdowns();
        const string metricLine = "    metric: disbursed_loans\n";
        Assert.Equal(1, text.Split(metricLine).Length - 1);
        return Write(text.Replace(metricLine, metricLine + "    breakdown: [loans.phase]\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_PhaseSegmentsSumExactlyToTheTotal_AndEveryOtherFieldIsUnchanged()
    {
        var plain = Results(GoalFileWithoutBreakdowns());
        var broken = Results(GoalFileWithPhaseBreakdown());

        Assert.Equal(plain.Count, broken.Count);
        var nonZero = 0;
        for (var i = 0; i < broken.Count; i++)
        {
            var result = broken[i]!.AsObject();
            if ((string)result["goal"]! == "disbursed_loans")
            {
                var breakdown = Assert.Single(result["breakdowns"]!.AsArray())!;
                Assert.Equal("loans.phase", (string)breakdown["dimension"]!);
                var segments = breakdown["segments"]!.AsArray();
                var keys = segments.Select(s => (string)s!["key"]!).ToList();
                Assert.Equal(Phases.Where(keys.Contains), keys); // in the goal file's order, no empty key: phase is required
                var total = (decimal)result["value"]!;
                Assert.Equal(total, segments.Sum(s => (decimal)s!["value"]!));
                if (total != 0) nonZero++;
                result.Remove("breakdowns");
            }
            else
            {
                Assert.False(result.ContainsKey("breakdowns"), $"{result["goal"]} has breakdowns it did not ask for");
            }
            Assert.Equal(plain[i]!.ToJsonString(), result.ToJsonString());
        }
        Assert.True(nonZero >= 10, $"only {nonZero} units lent anything: the sums above say little"); // a unit without loans has no segments, and 0 = 0
    }

    [Fact]
    public void By_RegionOnAShare_IsTheRatioOfThatRegionsCounts_ComputedFromTheCsvFiles()
    {
        const string unit = "stockholm_sormland", region = "04";
        var results = Results(GoalFileWithoutBreakdowns(), "--by", "companies.region");

        var women = results.Single(r => (string)r!["goal"]! == "women_share" && (string)r["unit"]! == unit)!;
        var segments = Assert.Single(women["breakdowns"]!.AsArray())!["segments"]!.AsArray();
        var segment = segments.Single(s => s!["key"]!.GetValueKind() == System.Text.Json.JsonValueKind.String && (string)s["key"]! == region)!;

        // Independently: this year's customers of the unit (a loan disbursed or an effort started in 2026-01-01 – 2026-06-30),
        // those of region 04 with a known gender, the share of them led by a woman.
        var customers = Rows("loans.csv").Where(r => r["unit_id"] == unit && InYtd(r["disbursed_on"]))
            .Concat(Rows("efforts.csv").Where(r => r["unit_id"] == unit && InYtd(r["started_on"])))
            .Select(r => r["org_nr"]).ToHashSet(StringComparer.Ordinal);
        var genders = Companies().Where(c => customers.Contains(c.OrgNr) && c.Region == region && c.Gender is "F" or "M").Select(c => c.Gender).ToList();
        Assert.True(genders.Count >= 10, $"too few customers in region {region} to say anything: {genders.Count}");
        var expected = 100.0 * genders.Count(g => g == "F") / genders.Count;

        Assert.Equal(expected, (double)segment["value"]!, 1e-9);
        Assert.True(Math.Abs((double)women["value"]! - expected) > 1e-6, "the unit has customers of other regions too; the segment is not the total");
        // A metric over datasets that do not reach companies is left out without a word.
        Assert.All(results.Where(r => (string)r!["goal"]! == "loan_return_36m"), r => Assert.False(r!.AsObject().ContainsKey("breakdowns")));
    }

    [Theory]
    [InlineData("financials.fiscal_year", "cannot be reached")]
    [InlineData("loans.phaze", "no column 'phaze'")]
    [InlineData("phase", "dataset.column")]
    public void By_ADimensionNoGoalAllows_IsAUsageErrorNamingItAndWhy(string dimension, string why)
    {
        var result = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--period", "2026-Q2", "--by", dimension);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--by {dimension}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(why, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout.Trim());
    }

    [Fact]
    public void Table_ShowsTheSegmentsUnderTheirGoalAndUnit()
    {
        var result = StyrkortProcess.Run("evaluate", "--goals", GoalFileWithPhaseBreakdown(), "--data", sample.Folder, "--period", "2026-Q2", "--unit", "skane", "--lang", "en");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n');
        var goal = Array.FindIndex(lines, l => l.Contains("Disbursed loans", StringComparison.Ordinal));
        Assert.True(goal >= 0, result.Stdout);
        for (var i = 0; i < Phases.Length; i++)
            Assert.Contains($"loans.phase: {Phases[i]}", lines[goal + 1 + i], StringComparison.Ordinal);
    }

    private static bool InYtd(string date) =>
        string.CompareOrdinal(date, "2026-01-01") >= 0 && string.CompareOrdinal(date, "2026-06-30") <= 0;

    private IEnumerable<Dictionary<string, string>> Rows(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(sample.Folder, file));
        var header = lines[0].Split(',');
        // loans and efforts hold no quoted fields; companies (names with commas) are read by Companies below.
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
    }

    private IEnumerable<(string OrgNr, string Region, string Gender)> Companies()
    {
        var lines = File.ReadAllLines(Path.Combine(sample.Folder, "companies.csv"));
        Assert.Equal("org_nr,name,region,leader_gender,foreign_background", lines[0]);
        // Only the name may be quoted and hold commas; the columns around it are read from either end.
        return lines.Skip(1).Select(l => l.Split(',')).Select(f => (f[0], f[^3], f[^2]));
    }
}
