using System.Text.Json;
using static Styrkort.Tests.Cli.StyrkortProcess;

namespace Styrkort.Tests.Cli;

/// <summary>
/// sample smb through the real executable: its files import (all or nothing) with the datasets of samples/smb/smb-data.yaml,
/// and every goal of samples/smb/goals.yaml has a value for the company in March 2026.
/// </summary>
public sealed class SampleSmbCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-sample-smb-").FullName;

    [Fact]
    public void SampleSmb_ThenEvaluate_GivesEveryGoalAValueForTheCompany()
    {
        var sample = Run("sample", "smb", "--out", _folder, "--seed", "3");
        Assert.True(sample.ExitCode == 0, sample.Stderr);
        Assert.Contains("invoices.csv", sample.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "goals.yaml")) && File.Exists(Path.Combine(_folder, "smb-data.yaml")));

        var result = Run("evaluate", "--goals", Path.Combine(RepoRoot, "samples", "smb", "goals.yaml"), "--data", _folder, "--period", "2026-03", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var company = json.RootElement.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("unit").GetString() == "nordvik").ToList();
        // The goals followed in the company itself (not the sales goals of the teams and salespeople, units: [key_accounts, growth]).
        Assert.Equal(20, company.Count);
        foreach (var r in company)
            Assert.True(r.GetProperty("value").ValueKind == JsonValueKind.Number, r.GetProperty("goal").GetString() + " has no value");
        // Every goal of the file has a value somewhere, and none is shown for a unit it is not followed in.
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        var goals = results.Select(r => r.GetProperty("goal").GetString()).Distinct().ToList();
        Assert.Equal(25, goals.Count);
        Assert.All(goals, g => Assert.Contains(results, r => r.GetProperty("goal").GetString() == g && r.GetProperty("value").ValueKind == JsonValueKind.Number));
        Assert.DoesNotContain(results, r => r.GetProperty("goal").GetString() == "revenue" && r.GetProperty("unit").GetString() is "nordvik" or "marketing" or "sales");
        var churn = company.Single(r => r.GetProperty("goal").GetString() == "churn");
        Assert.Equal(["small", "large"], churn.GetProperty("breakdowns")[0].GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("key").GetString()));

        // Market share in Stockholm, from the files: 100 × Stockholm customers' invoices 2025-04..2026-03 / Stockholm's 2026 market.
        var region = Csv("customers.csv").ToDictionary(c => c["customer_id"], c => c["region"]);
        var sales = Csv("invoices.csv").Where(i => string.CompareOrdinal(i["invoiced_on"], "2025-04-01") >= 0 && region[i["customer_id"]] == "stockholm")
            .Sum(i => decimal.Parse(i["amount"], System.Globalization.CultureInfo.InvariantCulture));
        var market = Csv("market_size.csv").Where(m => m["region_id"] == "stockholm" && m["year"] == "2026")
            .Sum(m => decimal.Parse(m["market_sales"], System.Globalization.CultureInfo.InvariantCulture));
        var share = company.Single(r => r.GetProperty("goal").GetString() == "market_share").GetProperty("breakdowns")[0].GetProperty("segments")
            .EnumerateArray().Single(s => s.GetProperty("key").GetString() == "stockholm").GetProperty("value").GetDouble();
        Assert.Equal((double)(100 * sales / market), share, 9);
    }

    private List<Dictionary<string, string>> Csv(string file)
    {
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(Path.Combine(_folder, file)) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (parser.ReadFields() is { } fields) rows.Add(header.Zip(fields).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal));
        return rows;
    }

    [Fact]
    public void SampleSmb_GoalFileInTheFolder_IsEnoughForEvaluate_AQuarterToo()
    {
        Assert.Equal(0, Run("sample", "smb", "--out", _folder).ExitCode);
        var result = Run("evaluate", "--data", _folder, "--period", "2026-Q1", "--unit", "sales", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        // The team's quarter is judged against the sum of its three monthly budgets, with its bonus band.
        var team = json.RootElement.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("goal").GetString() == "revenue" && r.GetProperty("unit").GetString() == "growth");
        Assert.Equal("budget", team.GetProperty("target").GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.String, team.GetProperty("band").ValueKind);

        // A week: each salesperson's demos in 2026-W12.
        var week = Run("evaluate", "--data", _folder, "--period", "2026-W12", "--format", "json");
        Assert.True(week.ExitCode == 0, week.Stderr);
        using var weekJson = JsonDocument.Parse(week.Stdout);
        var demos = weekJson.RootElement.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("goal").GetString() == "demos").ToList();
        Assert.Equal(9, demos.Count); // two teams and seven salespeople
        Assert.All(demos, d => Assert.Equal(JsonValueKind.Number, d.GetProperty("value").ValueKind));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
