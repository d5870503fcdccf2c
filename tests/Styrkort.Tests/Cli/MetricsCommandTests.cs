using System.Text.Json.Nodes;

namespace Styrkort.Tests.Cli;

/// <summary><c>evaluate --metrics</c>: the metrics no goal uses, per unit, in JSON and as a table.</summary>
public sealed class MetricsCommandTests(SampleData sample) : IClassFixture<SampleData>
{
    /// <summary>The shipped goal file beside the sample (deleted with it), with two metrics no goal uses.</summary>
    private string GoalFileWithUnusedMetrics()
    {
        var text = File.ReadAllText(StyrkortProcess.GoalFile);
        const string metrics = "metrics:\n";
        Assert.Equal(1, text.Split(metrics).Length - 1);
        var goals = Path.Combine(sample.Folder, $"goals-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(goals, text.Replace(metrics, metrics +
            "  twice_disbursed:\n    formula: disbursed_loans * 2\n" +
            "  no_loans_at_all:\n    formula: sum(loans.amount during ytd where loans.amount < 0)\n", StringComparison.Ordinal));
        return goals;
    }

    private JsonNode Run(string goals, params string[] extra)
    {
        var result = StyrkortProcess.Run(["evaluate", "--goals", goals, "--data", sample.Folder, "--period", "2026-Q2", "--format", "json", .. extra]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonNode.Parse(result.Stdout)!;
    }

    [Fact]
    public void Json_ListsOnlyTheMetricsNoGoalUses_ForEveryUnit_WithTheValuesTheirFormulasGive()
    {
        var goals = GoalFileWithUnusedMetrics();
        var metrics = Run(goals, "--metrics");
        var outcomes = Run(goals)["results"]!.AsArray().Where(r => (string)r!["goal"]! == "disbursed_loans")
            .ToDictionary(r => (string)r!["unit"]!, r => (decimal)r!["value"]!);

        Assert.Equal("2026-Q2", (string)metrics["period"]!);
        var rows = metrics["metrics"]!.AsArray();
        Assert.Equal(["twice_disbursed", "no_loans_at_all"], rows.Select(r => (string)r!["metric"]!).Distinct());
        Assert.Equal(2 * outcomes.Count, rows.Count); // every unit, each metric
        foreach (var row in rows.Where(r => (string)r!["metric"]! == "twice_disbursed"))
            Assert.Equal(2 * outcomes[(string)row!["unit"]!], (decimal)row["value"]!);
        Assert.Contains(outcomes.Values, v => v > 0);
        // A sum over no rows is 0, not missing.
        Assert.All(rows.Where(r => (string)r!["metric"]! == "no_loans_at_all"), r => Assert.Equal(0m, (decimal)r!["value"]!));
    }

    [Fact]
    public void WithUnit_ListsThatSubtreeOnly_AndTheTableNamesTheMetrics()
    {
        var goals = GoalFileWithUnusedMetrics();
        var rows = Run(goals, "--metrics", "--unit", "skane")["metrics"]!.AsArray();
        Assert.Equal(["skane"], rows.Select(r => (string)r!["unit"]!).Distinct());

        var table = StyrkortProcess.Run("evaluate", "--goals", goals, "--data", sample.Folder, "--period", "2026-Q2", "--metrics");
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("twice_disbursed", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("no_loans_at_all", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void WithTheShippedFile_EveryMetricIsUsed_AndWithByItIsRefused()
    {
        var none = Run(StyrkortProcess.GoalFile, "--metrics");
        Assert.Empty(none["metrics"]!.AsArray());

        var refused = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--period", "2026-Q2", "--metrics", "--by", "loans.phase");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--metrics", refused.Stderr, StringComparison.Ordinal);
    }
}
