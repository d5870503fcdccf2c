using System.Text.Json;
using System.Text.Json.Nodes;

namespace Styrkort.Tests.Cli;

/// <summary><c>evaluate --forecast / --anomalies / --explain</c> and <c>backtest</c> on the generated Företagspartner sample.</summary>
public sealed class InsightsCommandTests(SampleData sample) : IClassFixture<SampleData>
{
    private static readonly string[] InsightKeys = ["forecast", "anomaly", "change"];

    private StyrkortProcess.Result Evaluate(params string[] extra)
    {
        var result = StyrkortProcess.Run(["evaluate", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--period", "2026-Q2", .. extra]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result;
    }

    [Fact]
    public void Forecast_AddsAForecastToGoalsWithAYearlyLevel_AndLeavesEverythingElseAsItWas()
    {
        var plain = Evaluate("--format", "json").Stdout;
        foreach (var key in InsightKeys) Assert.DoesNotContain($"\"{key}\"", plain, StringComparison.Ordinal);
        var forecastText = Evaluate("--format", "json", "--forecast").Stdout;
        var withForecast = JsonNode.Parse(forecastText)!;
        var results = withForecast["results"]!.AsArray();
        var disbursed = results.Single(r => (string?)r!["goal"] == "disbursed_loans" && (string?)r["unit"] == "foretagspartner")!["forecast"]!;
        Assert.Equal("2026", (string?)disbursed["period"]);
        Assert.True((double)disbursed["low"]! <= (double)disbursed["value"]! && (double)disbursed["value"]! <= (double)disbursed["high"]!);
        Assert.InRange((double)disbursed["probability_met"]!, 0, 1);
        Assert.Equal("flows", (string?)disbursed["method"]);
        Assert.Equal("ratio", (string?)results.Single(r => (string?)r!["goal"] == "nps" && (string?)r["unit"] == "skane")!["forecast"]!["method"]);
        // A comparison with group A has no level for the year: no forecast key at all.
        Assert.All(results.Where(r => (string?)r!["goal"] == "net_revenue_growth"), r => Assert.Null(r!["forecast"]));
        // Taking the insight keys away leaves the output of before, byte for byte (each property's raw text, in order).
        using var before = JsonDocument.Parse(plain);
        using var after = JsonDocument.Parse(forecastText);
        static List<string> Raw(JsonDocument d) => d.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => string.Join(",", r.EnumerateObject().Where(p => !InsightKeys.Contains(p.Name)).Select(p => p.Name + ":" + p.Value.GetRawText()))).ToList();
        Assert.Equal(Raw(before), Raw(after));
        Assert.Contains("\"forecast\":{\"period\":\"2026\",\"value\":", Evaluate("--format", "json", "--forecast", "--unit", "skane").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ForecastTable_SaysWhyAGoalIsNotForecast()
    {
        var table = Evaluate("--forecast", "--unit", "skane").Stdout;
        Assert.Contains("Prognos för årets slut (2026)", table, StringComparison.Ordinal);
        Assert.Contains("för kort historik", table, StringComparison.Ordinal);
        Assert.Contains("Chans att nå målet", table, StringComparison.Ordinal);
        Assert.Contains("Avvikelser", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_DecomposesEachChange_ByChildUnitAndDimension_ToTheWholeChange()
    {
        using var json = JsonDocument.Parse(Evaluate("--format", "json", "--explain", "--unit", "foretagspartner", "--by", "loans.phase", "--lang", "en").Stdout);
        var result = json.RootElement.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("goal").GetString() == "disbursed_loans" && r.GetProperty("unit").GetString() == "foretagspartner");
        var change = result.GetProperty("change");
        Assert.Equal("2026-Q1", change.GetProperty("from").GetString());
        var total = change.GetProperty("change").GetDouble();
        var byDimension = change.GetProperty("contributors").EnumerateArray().GroupBy(c => c.GetProperty("dimension").GetString()).ToList();
        Assert.Equal(["unit", "loans.phase"], byDimension.Select(g => g.Key));
        foreach (var dimension in byDimension)
            Assert.Equal(total, dimension.Sum(c => c.GetProperty("effect").GetDouble()), 3);
        Assert.StartsWith("Företagspartner: Disbursed loans (SEK) rose by", change.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.Contains("of the rise comes from", change.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        // A ratio splits into mix and rate.
        var nps = json.RootElement.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("goal").GetString() == "nps" && r.GetProperty("unit").GetString() == "foretagspartner");
        Assert.Equal(["mix", "rate"], nps.GetProperty("change").GetProperty("contributors").EnumerateArray().Select(c => c.GetProperty("kind").GetString()).Distinct().Order());
    }

    [Fact]
    public void Backtest_ReportsCoverageAndErrors_AsJson()
    {
        var result = StyrkortProcess.Run("backtest", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--years", "2025", "--from", "6", "--unit", "skane", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var summary = json.RootElement.GetProperty("summary");
        Assert.True(summary.GetProperty("forecasts").GetInt32() >= 5);
        Assert.InRange(summary.GetProperty("coverage_80").GetDouble(), 0, 1);
        Assert.All(json.RootElement.GetProperty("cases").EnumerateArray(), c => Assert.Equal("2025-06", c.GetProperty("origin").GetString()));
        Assert.Contains(json.RootElement.GetProperty("not_forecast").EnumerateArray(), n => n.GetProperty("goal").GetString() == "net_revenue_growth");
    }

    [Fact]
    public void Insights_AreRefusedWithPlan()
    {
        var result = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--period", "2026-Q2", "--plan", "--forecast");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--forecast, --anomalies and --explain are for the goals' outcomes", result.Stderr, StringComparison.Ordinal);
    }
}
