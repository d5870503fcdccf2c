using Language = Styrkort.Core.Presentation.Language;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Reports.Tests.Building;

/// <summary>A goal for the sales team only, with bands and a warning zone, in the board report: where it is followed, nowhere else.</summary>
public sealed class BoardReportTargetsTest : IDisposable
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
            board: [Q2]
            target:
              rule: at_least
              level: budget
              warning: 80
              bands: [{below: 90, label: {sv: Ingen bonus, en: No bonus}}, {below: 100, label: {sv: Delbonus, en: Partial bonus}}, {label: Full bonus}]

        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-report-targets-").FullName;

    [Fact]
    public void GoalForSomeUnits_ReportedWhereFollowed_WithAtRiskAndTheBand()
    {
        File.WriteAllText(Path.Combine(_folder, "goals.yaml"), Goals);
        File.WriteAllText(Path.Combine(_folder, "units.csv"), "unit_id,name,parent_id\ncompany,Company,\nsales,Sales,company\nanna,Anna,sales\nbo,Bo,sales\nmarketing,Marketing,company\n");
        File.WriteAllText(Path.Combine(_folder, "sales.csv"), "sale_id,unit_id,sold_on,amount\ns1,anna,2026-04-10,90\ns2,bo,2026-05-15,60\n");
        File.WriteAllText(Path.Combine(_folder, "budget.csv"), "goal_id,unit_id,period,level\nsold_vs_budget,anna,2026-Q2,100\nsold_vs_budget,bo,2026-Q2,50\nsold_vs_budget,sales,2026-Q2,200\n");
        var file = GoalFileReader.Read(Path.Combine(_folder, "goals.yaml"));
        using var store = Core.Warehouse.Warehouse.Open(null);
        store.Import(file, _folder, TimeProvider.System);

        // The company's report: the goal is not followed there, so it is not in it (no "0, not met").
        Assert.Empty(BoardReport.Build(file, store, Period.Parse("2026-Q2")).Areas);

        // The team's: 150 of 200 = 75 % → no bonus, and 80 ≤ 150 < 200 → at risk (the warning is a value, like the
        // level); Anna 90 of 100 = 90 % → at risk, partial bonus; Bo 60 of 50 = 120 % → met, full bonus.
        var section = Assert.Single(Assert.Single(BoardReport.Build(file, store, Period.Parse("2026-Q2"), new BoardReportOptions { Unit = "sales" }).Areas).Goals);
        Assert.Equal("I riskzonen · Ingen bonus", ReportFormat.Status(section.Result, Language.Sv));
        Assert.Equal(["Anna: I riskzonen · Delbonus", "Bo: Uppfyllt · Full bonus"],
            section.Subunits.Select(r => $"{r.Unit.Name}: {ReportFormat.Status(r, Language.Sv)}"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
