using System.Globalization;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Language;

/// <summary>
/// A small company's customers, invoices and monthly revenue, written by hand for the date features of the language
/// (date arithmetic, period length, windows relative to each row's own date, 'on' through a reference). Units: root →
/// north, south. Formulas are evaluated as metrics of a goal file made of <see cref="Header"/> and the formulas.
/// </summary>
internal static class DateData
{
    public const string Header = """
        organisation: Test
        parameters:
          horizon: 3
          digits: 1
          width: 1
          month_length: 30.0
        datasets:
          units:
            key: [unit_id]
            columns:
              unit_id: text
              parent_id: {type: text, nullable: true}
          customers:
            key: [customer_id]
            unit: unit_id
            time: acquired_on
            columns:
              customer_id: text
              unit_id: text
              acquired_on: {type: date, nullable: true}
          invoices:
            key: [invoice_id]
            unit: unit_id
            time: invoiced_on
            columns:
              invoice_id: text
              customer_id: {type: text, references: customers}
              unit_id: text
              invoiced_on: date
              amount: decimal
          monthly:
            key: [customer_id, month]
            unit: unit_id
            time: month
            columns:
              customer_id: {type: text, references: customers}
              unit_id: text
              month: month
              amount: decimal
        units: {dataset: units, id: unit_id, parent: parent_id}
        values:
          cutoff: period.end - 365
        functions:
          first_months(n): sum(invoices.amount where customers.acquired_on >= period.start and customers.acquired_on <= period.end during months_after(customers.acquired_on, 0, n))
          month_ago(n): sum(invoices.amount during months(-n, -n))
          recent(n): sum(invoices.amount during months(-n + 1, 0))

        """;

    /// <summary>
    /// k1 is acquired on 2024-01-31 (a month end in a leap year), k2 on 2023-01-31, k3 on the leap day 2024-02-29, k4 on
    /// no day, k5 on 2024-03-15.
    /// </summary>
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["units.csv"] = """
            unit_id,parent_id
            root,
            north,root
            south,root
            """,
        ["customers.csv"] = """
            customer_id,unit_id,acquired_on
            k1,north,2024-01-31
            k2,north,2023-01-31
            k3,south,2024-02-29
            k4,south,
            k5,north,2024-03-15
            """,
        ["invoices.csv"] = """
            invoice_id,customer_id,unit_id,invoiced_on,amount
            i1,k1,north,2024-01-31,100
            i2,k1,north,2024-02-28,200
            i3,k1,north,2024-02-29,400
            i4,k1,north,2024-04-30,800
            i5,k2,north,2023-02-27,1000
            i6,k2,north,2023-02-28,2000
            i7,k3,south,2025-02-27,10
            i8,k3,south,2025-02-28,20
            i9,k4,south,2024-02-01,5000
            i10,k5,north,2024-04-13,7
            i11,k5,north,2024-04-14,70
            """,
        ["monthly.csv"] = """
            customer_id,unit_id,month,amount
            k1,north,2024-01,1
            k1,north,2024-02,2
            k1,north,2024-03,4
            k1,north,2024-04,8
            """,
    };

    /// <summary>
    /// Each formula's value per unit for each period, evaluated on the engine in one plan (as an evaluation does); a
    /// unit without a value is missing from its map.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<IReadOnlyDictionary<string, double>>> Evaluate(Engine engine, string[] periods, params string[] formulas)
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-dates-").FullName;
        try
        {
            foreach (var (name, text) in Files) File.WriteAllText(Path.Combine(folder, name), text + "\n");
            var metrics = string.Concat(formulas.Select((f, i) => $"  m{i}: {f}\n"));
            var path = Path.Combine(folder, "goals.yaml");
            File.WriteAllText(path, Header + "metrics:\n" + metrics);
            var file = GoalFileReader.Read(path);
            using var warehouse = engine.Open();
            warehouse.Import(file, folder, TimeProvider.System);
            var computed = new Evaluator(file, warehouse).Metrics(formulas.Select((_, i) => $"m{i}").ToList(), periods.Select(Period.Parse).ToList(), CancellationToken.None);
            return computed.Select(p => (IReadOnlyList<IReadOnlyDictionary<string, double>>)formulas.Select((_, i) =>
                (IReadOnlyDictionary<string, double>)p[$"m{i}"].ToDictionary(kv => kv.Key, kv => kv.Value.AsDouble)).ToList()).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Values per unit, as "root 1 | north 1 | south -" (- for no value).</summary>
    public static string Show(IReadOnlyDictionary<string, double> values) =>
        string.Join(" | ", new[] { "root", "north", "south" }.Select(u => $"{u} {(values.TryGetValue(u, out var v) ? Math.Round(v, 6).ToString("0.######", CultureInfo.InvariantCulture) : "-")}"));
}
