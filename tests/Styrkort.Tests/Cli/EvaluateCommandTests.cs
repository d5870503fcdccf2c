using System.Text.Json;

namespace Styrkort.Tests.Cli;

public sealed class EvaluateCommandTests(SampleData sample) : IClassFixture<SampleData>
{
    private static readonly string[] Statuses = ["met", "not_met", "no_data", "no_target"];

    private JsonDocument EvaluateJson(params string[] extra)
    {
        var result = StyrkortProcess.Run(["evaluate", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--format", "json", .. extra]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout);
    }

    [Fact]
    public void Plan_PrintsOneQueryForEveryGoal_WithTheSharedStepsMaterialised()
    {
        var result = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--period", "2026-Q2", "--plan");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith("WITH ", result.Stdout, StringComparison.Ordinal);
        // financials is read once for every lookup of every population, companies once for the comparison groups.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Stdout, "FROM \"financials\" \"d\"\n  WHERE").Cast<object>());
        Assert.Contains("\"entities_companies_", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("AS MATERIALIZED", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HasOneResultPerGoalAndUnit_WithTheContractedShape()
    {
        using var json = EvaluateJson("--period", "2026-Q2");
        Assert.Equal("2026-Q2", json.RootElement.GetProperty("period").GetString());
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(12 * 17, results.Count);
        Assert.Equal(12, results.Select(r => r.GetProperty("goal").GetString()).Distinct().Count());
        Assert.Equal(17, results.Select(r => r.GetProperty("unit").GetString()).Distinct().Count());
        foreach (var r in results)
        {
            Assert.Contains(r.GetProperty("status").GetString(), Statuses);
            Assert.True(r.GetProperty("value").ValueKind is JsonValueKind.Number or JsonValueKind.Null);
            Assert.True(r.GetProperty("comparison").ValueKind is JsonValueKind.Number or JsonValueKind.Null);
            Assert.True(r.GetProperty("scheduled").ValueKind is JsonValueKind.True or JsonValueKind.False);
            Assert.Equal(JsonValueKind.Object, r.GetProperty("target").ValueKind);
        }
    }

    [Theory]
    [InlineData("2026-Q1", 4)]
    [InlineData("2026-Q2", 9)]
    [InlineData("2025-Q3", 4)]
    [InlineData("2025-Q4", 12)]
    public void Scheduled_FollowsTheBoardCalendar(string period, int goalsOnTheAgenda)
    {
        using var json = EvaluateJson("--period", period);
        var scheduled = json.RootElement.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("scheduled").GetBoolean()).Select(r => r.GetProperty("goal").GetString()).Distinct().Count();
        Assert.Equal(goalsOnTheAgenda, scheduled);
    }

    [Fact]
    public void Unit_LimitsTheOutputToThatUnitsSubtree()
    {
        using var json = EvaluateJson("--period", "2026-Q2", "--unit", "skane");
        var units = json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("unit").GetString()).Distinct().ToList();
        Assert.Equal(["skane"], units);
    }

    [Fact]
    public void Comparison_IsGivenOnlyForTheGoalsWithAComparisonGroup()
    {
        using var json = EvaluateJson("--period", "2025-Q4");
        var withComparison = json.RootElement.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("comparison").ValueKind == JsonValueKind.Number)
            .Select(r => r.GetProperty("goal").GetString()).Distinct().Order().ToList();
        Assert.Equal(["ebitda_growth", "foreign_background_share", "net_revenue_growth", "women_share"], withComparison);
    }

    [Fact]
    public void Table_ShowsGoalsUnitsAndSwedishStatus()
    {
        var result = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--period", "2026-Q2");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("NPS kundföretag", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Företagspartner Skåne", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("uppfyllt", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Warehouse_GivesTheSameResultsAsTheCsvFolder()
    {
        var warehouse = Path.Combine(Path.GetTempPath(), $"styrkort-{Guid.NewGuid():N}.duckdb");
        try
        {
            var import = StyrkortProcess.Run("import", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--warehouse", warehouse);
            Assert.True(import.ExitCode == 0, import.Stderr);
            var fromWarehouse = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--warehouse", warehouse, "--period", "2026-Q2", "--format", "json");
            var fromCsv = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--period", "2026-Q2", "--format", "json");
            Assert.Equal(0, fromWarehouse.ExitCode);
            Assert.Equal(fromCsv.Stdout, fromWarehouse.Stdout);
        }
        finally
        {
            File.Delete(warehouse);
        }
    }

    [Fact]
    public void BadPeriod_IsRefusedWithAUsageError()
    {
        var result = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--period", "2026-Q5");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a period", result.Stderr, StringComparison.Ordinal);
    }
}
