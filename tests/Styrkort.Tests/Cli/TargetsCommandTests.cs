using System.Text.Json;

namespace Styrkort.Tests.Cli;

/// <summary>evaluate on a goal for the sales team only, against a monthly budget with bonus bands and a warning zone.</summary>
public sealed class TargetsCommandTests : IDisposable
{
    private const string Goals = """
        organisation: Sales test
        datasets:
          units:
            key: [unit_id]
            columns: {unit_id: text, name: text, parent_id: {type: text, nullable: true}}
          sales:
            key: [sale_id]
            unit: unit_id
            time: sold_on
            columns: {sale_id: text, unit_id: text, sold_on: date, amount: decimal}
          budget:
            key: [goal_id, unit_id, period]
            columns: {goal_id: text, unit_id: text, period: text, level: decimal}
        units: {dataset: units, id: unit_id, parent: parent_id, name: name}
        target_levels: {dataset: budget, goal: goal_id, unit: unit_id, period: period, level: level}
        metrics:
          sold: sum(sales.amount during period)
        goals:
          - id: sold_vs_budget
            name: Sales against budget
            area: sales
            type: Ä
            metric: sold
            units: [sales]
            target:
              rule: at_least
              level: budget
              warning: 80
              bands: [{below: 90, label: {sv: Ingen bonus, en: No bonus}}, {below: 100, label: {sv: Delbonus, en: Partial bonus}}, {label: Full bonus}]

        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-targets-cli-").FullName;

    public TargetsCommandTests()
    {
        File.WriteAllText(Path.Combine(_folder, "goals.yaml"), Goals);
        File.WriteAllText(Path.Combine(_folder, "units.csv"), "unit_id,name,parent_id\ncompany,Company,\nsales,Sales,company\nanna,Anna,sales\nbo,Bo,sales\nmarketing,Marketing,company\n");
        File.WriteAllText(Path.Combine(_folder, "sales.csv"), "sale_id,unit_id,sold_on,amount\ns1,anna,2026-01-10,90\ns2,bo,2026-01-15,60\ns3,marketing,2026-01-20,999\n");
        File.WriteAllText(Path.Combine(_folder, "budget.csv"), "goal_id,unit_id,period,level\nsold_vs_budget,anna,2026-01,100\nsold_vs_budget,bo,2026-01,50\nsold_vs_budget,sales,2026-01,150\n");
    }

    private StyrkortProcess.Result Evaluate(params string[] extra) =>
        StyrkortProcess.Run(["evaluate", "--goals", Path.Combine(_folder, "goals.yaml"), "--data", _folder, "--period", "2026-01", .. extra]);

    [Fact]
    public void Json_HasTheBandInTheOutputsLanguage_AndNoResultForUnitsOutsideTheGoal()
    {
        var result = Evaluate("--format", "json", "--lang", "en");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("unit").GetString()!);

        // Only the team and its salespeople: no "0, not met" for the company or marketing.
        Assert.Equal(["anna", "bo", "sales"], results.Keys.Order(StringComparer.Ordinal));
        // Anna: 90 of 100 = 90 % → not met (90 ≥ the warning 80: at risk), in the band from 90; Bo: 60 of 50 = 120 %;
        // the team: 150 of 150 = exactly 100 %.
        Assert.Equal(("at_risk", "Partial bonus"), (results["anna"].GetProperty("status").GetString(), results["anna"].GetProperty("band").GetString()));
        Assert.Equal(("met", "Full bonus"), (results["bo"].GetProperty("status").GetString(), results["bo"].GetProperty("band").GetString()));
        Assert.Equal(("met", "Full bonus"), (results["sales"].GetProperty("status").GetString(), results["sales"].GetProperty("band").GetString()));
        var target = results["anna"].GetProperty("target");
        Assert.Equal(("budget", 100m, 80m), (target.GetProperty("source").GetString(), target.GetProperty("level").GetDecimal(), target.GetProperty("warning").GetDecimal()));
    }

    [Fact]
    public void Table_ShowsAtRiskAndTheBandInSwedish_AndNoRowForUnitsOutsideTheGoal()
    {
        var result = Evaluate();
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("I riskzonen · Delbonus", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Uppfyllt · Full bonus", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Marketing", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("I riskzonen: 1", result.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
