using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Targets;

/// <summary>
/// A small sales organisation in a temp folder (deleted on Dispose): company → sales → (anna, bo), company → marketing;
/// sales rows, and a budget (target_levels by period) for the goals of <see cref="Goals"/>. A test gives the rows.
/// </summary>
internal sealed class SalesData : IDisposable
{
    public const string Units = "company,Company,\nsales,Sales,company\nanna,Anna,sales\nbo,Bo,sales\nmarketing,Marketing,company\n";

    public const string Head = """
        organisation: Sales test
        parameters:
          bonus_floor: 90
        datasets:
          units:
            key: [unit_id]
            columns:
              unit_id: text
              name: text
              parent_id: {type: text, nullable: true}
          sales:
            key: [sale_id]
            unit: unit_id
            time: sold_on
            columns:
              sale_id: text
              unit_id: text
              sold_on: date
              amount: decimal
          budget:
            key: [goal_id, unit_id, period]
            columns:
              goal_id: text
              unit_id: text
              period: text
              level: decimal
        units: {dataset: units, id: unit_id, parent: parent_id, name: name}
        target_levels: {dataset: budget, goal: goal_id, unit: unit_id, period: period, level: level}
        metrics:
          sold: sum(sales.amount during period)
          average_sale: mean(sales.amount during period)
        areas:
          - {id: sales, name: Sales}

        """;

    /// <summary>The goals: sales against the monthly budget (summed to quarters) with bonus bands, for the sales team only;
    /// the average sale against its budget; sales against a yearly budget phased linearly.</summary>
    public const string Goals = """
        goals:
          - id: sold_vs_budget
            name: {sv: Försäljning mot budget, en: Sales against budget}
            area: sales
            type: Ä
            metric: sold
            units: [sales]
            target:
              rule: at_least
              level: budget
              phasing: sum
              bands:
                - {below: bonus_floor, label: {sv: Ingen bonus, en: No bonus}}
                - {below: 100, label: {sv: Delbonus, en: Partial bonus}}
                - {label: {sv: Full bonus, en: Full bonus}}
          - id: average_sale
            name: Average sale
            area: sales
            type: Ä
            metric: average_sale
            units: [bo]
            target: {rule: at_least, level: budget}
          - id: sold_yearly
            name: Sales against the year's budget
            area: sales
            type: Ä
            metric: sold
            units: [sales]
            target: {rule: at_least, level: budget, phasing: linear}

        """;

    private readonly Engine _engine;
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public SalesData(Engine engine, string goals = Goals)
    {
        _engine = engine;
        Folder = Path.Combine(Path.GetTempPath(), "styrkort-targets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "goals.yaml"), Head + goals);
        _files["units.csv"] = "unit_id,name,parent_id\n" + Units;
        _files["sales.csv"] = "sale_id,unit_id,sold_on,amount\n";
        _files["budget.csv"] = "goal_id,unit_id,period,level\n";
    }

    public string Folder { get; }

    public string GoalFilePath => Path.Combine(Folder, "goals.yaml");

    public SalesData Sales(params string[] rows) { _files["sales.csv"] += string.Concat(rows.Select(r => r + "\n")); return this; }

    public SalesData Budget(params string[] rows) { _files["budget.csv"] += string.Concat(rows.Select(r => r + "\n")); return this; }

    /// <summary>Imports the files into a fresh warehouse of the engine, which the caller disposes.</summary>
    public (GoalFile File, Warehouse.IWarehouse Store) Import()
    {
        foreach (var (name, text) in _files) File.WriteAllText(Path.Combine(Folder, name), text);
        var file = GoalFileReader.Read(GoalFilePath);
        var store = _engine.Open();
        try
        {
            store.Import(file, Folder, TimeProvider.System);
            return (file, store);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The outcomes of each period, by (goal, unit); a goal not followed in a unit has no entry.</summary>
    public IReadOnlyList<Dictionary<(string Goal, string Unit), Evaluation.Outcome>> Evaluate(params string[] periods)
    {
        var (file, store) = Import();
        using (store)
            return new Evaluation.Evaluator(file, store).Evaluate(periods.Select(Period.Parse).ToList(), null, CancellationToken.None)
                .Select(e => e.Outcomes.ToDictionary(o => (o.Goal, o.Unit))).ToList();
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
