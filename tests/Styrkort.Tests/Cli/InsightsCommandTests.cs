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
    public void ExplainSinceBoard_ComparesEachGoalWithTheBoardsLastLook_AndWithoutIt_TheJsonIsAsBefore()
    {
        var plain = Evaluate("--format", "json", "--explain", "--unit", "foretagspartner").Stdout;
        using var before = JsonDocument.Parse(plain);
        Assert.Equal(plain, Evaluate("--format", "json", "--explain", "--unit", "foretagspartner", "--since", "previous").Stdout);
        Assert.DoesNotContain("\"since\"", plain, StringComparison.Ordinal);
        var boardText = Evaluate("--format", "json", "--explain", "--since", "board", "--unit", "foretagspartner").Stdout;
        using var board = JsonDocument.Parse(boardText);
        JsonElement Result(JsonDocument d, string goal) => d.RootElement.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("goal").GetString() == goal && r.GetProperty("unit").GetString() == "foretagspartner");

        // NPS is on the board's agenda in Q2 and Q4: in 2026-Q2 the board last saw it in 2025-Q4.
        var nps = Result(board, "nps").GetProperty("change");
        Assert.Equal("2025-Q4", nps.GetProperty("from").GetString());
        Assert.Equal("board", nps.GetProperty("since").GetString());
        Assert.Contains("sedan styrelsen senast såg målet (2025-Q4)", nps.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        // Before and after are evaluate's values of the two quarters, and each dimension's parts add up to the change.
        var q4Run = StyrkortProcess.Run(["evaluate", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--period", "2025-Q4", "--unit", "foretagspartner", "--format", "json"]);
        Assert.True(q4Run.ExitCode == 0, q4Run.Stderr);
        using var q4 = JsonDocument.Parse(q4Run.Stdout);
        Assert.Equal(Result(q4, "nps").GetProperty("value").GetDouble(), nps.GetProperty("before").GetDouble(), 9);
        Assert.Equal(Result(board, "nps").GetProperty("value").GetDouble(), nps.GetProperty("after").GetDouble(), 9);
        foreach (var dimension in nps.GetProperty("contributors").EnumerateArray().GroupBy(c => c.GetProperty("dimension").GetString()))
            Assert.Equal(nps.GetProperty("change").GetDouble(), dimension.Sum(c => c.GetProperty("effect").GetDouble()), 9);

        // Disbursed loans are seen every quarter: the board's last look is the quarter before, said once.
        var loans = Result(board, "disbursed_loans").GetProperty("change");
        Assert.Equal("2026-Q1", loans.GetProperty("from").GetString());
        Assert.Contains("sedan 2026-Q1, då styrelsen senast såg målet;", loans.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.Equal(Result(before, "disbursed_loans").GetProperty("change").GetProperty("contributors").GetRawText(),
            loans.GetProperty("contributors").GetRawText());

        // Everything but the change is as without --since.
        static List<string> Raw(JsonDocument d) => d.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => string.Join(",", r.EnumerateObject().Where(p => p.Name != "change").Select(p => p.Name + ":" + p.Value.GetRawText()))).ToList();
        Assert.Equal(Raw(before), Raw(board));
    }

    [Fact]
    public void Since_WithoutExplain_IsRefused()
    {
        var result = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--period", "2026-Q2", "--since", "board");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--since says what --explain compares with", result.Stderr, StringComparison.Ordinal);
        var bad = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--period", "2026-Q2", "--explain", "--since", "yesterday");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("yesterday", bad.Stderr, StringComparison.Ordinal);
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
