using System.Globalization;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Planning;
using Styrkort.Core.Tests.Compilation;
using Styrkort.Core.Tests.Engines;
using Styrkort.Core.Warehouse;

namespace Styrkort.Core.Tests.Planning;

/// <summary>
/// "The rows behind this number": for a metric, unit and period, the rows each dataset gives are exactly the rows the
/// metric aggregates — their count is the metric's count and their sum its sum — for every unit of the boundary data of
/// <see cref="AlmiWarehouse"/> (rows on the first and last day of windows, and the day after).
/// </summary>
public abstract class MetricRowsTests : IDisposable
{
    private static readonly string[] Units = ["ba", "north", "south", "south_city", "east"];

    // Beside the Företagspartner metrics: a sum with a where, a window in months, a filter through a referenced row.
    private const string Extra = """
        include: [almi-goals.yaml]
        metrics:
          promoters: count(nps_responses where nps_responses.score >= 9 during ytd)
          big_loans: sum(loans.amount where loans.amount >= 100 during ytd)
          old_interest: sum(loan_ledger.interest_income during months(-36, -12))
          region_01_loans: sum(loans.amount where companies.region in ('01', '04') during ytd)
          region_01_count: count(loans where companies.region = '01' during to_date)
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-rows-").FullName;
    private readonly IWarehouse _warehouse;
    private readonly GoalFile _goals;

    protected MetricRowsTests(Engine engine)
    {
        foreach (var (name, text) in AlmiWarehouse.Files) File.WriteAllText(Path.Combine(_folder, name), text + "\n");
        File.Copy(Path.Combine(SqlSnapshotTest.Root, "samples", "almi", "goals.yaml"), Path.Combine(_folder, "almi-goals.yaml"));
        File.WriteAllText(Path.Combine(_folder, "goals.yaml"), Extra);
        _goals = GoalFileReader.Read(Path.Combine(_folder, "goals.yaml"));
        _warehouse = engine.Open();
        _warehouse.Import(_goals, _folder, TimeProvider.System);
    }

    [Theory]
    [InlineData("promoters", "nps_responses", "2026-Q2")]
    [InlineData("completed_efforts", "efforts", "2026-Q2")]
    [InlineData("completed_efforts", "efforts", "2026-01")]
    [InlineData("region_01_count", "loans", "2026-Q2")]
    [InlineData("region_01_count", "loans", "2024")]
    public void FilteredCount_RowsCountIsTheMetric(string metric, string dataset, string period)
    {
        foreach (var unit in Units)
        {
            var rows = Trace(metric, unit, period).For(dataset)!;
            Assert.Equal(Value(metric, unit, period) ?? 0m, Scalar(rows.Count()) ?? 0m);
        }
    }

    [Theory]
    [InlineData("disbursed_loans", "loans", "amount", "2026-Q2")]
    [InlineData("big_loans", "loans", "amount", "2026-Q2")]
    [InlineData("region_01_loans", "loans", "amount", "2026-Q2")]
    [InlineData("old_interest", "loan_ledger", "interest_income", "2026-Q2")]
    [InlineData("old_interest", "loan_ledger", "interest_income", "2026-Q3")]
    [InlineData("cost_per_effort", "operating_costs", "amount", "2026-Q2")]
    public void SumWithWhere_RowsSumIsTheMetric(string metric, string dataset, string column, string period)
    {
        foreach (var unit in Units)
        {
            var rows = Trace(metric, unit, period).For(dataset)!;
            var expected = metric == "cost_per_effort" ? Value("costs_only", unit, period, "sum(operating_costs.amount during ytd)") : Value(metric, unit, period);
            Assert.True((expected ?? 0m) == (Scalar(rows.Aggregate("sum", column)) ?? 0m), $"{metric} {unit} {period}: {expected} vs the rows' sum");
        }
    }

    [Fact]
    public void Nps_ReadsEveryResponseOfTheYearToDateOnce()
    {
        // nps counts promoters, detractors and all answers: the rows are the union of the three, so all answers of the YTD.
        var trace = Trace("nps", "ba", "2026-Q2");
        var rows = _warehouse.Rows(trace.For("nps_responses")!.Rows).Select(r => (string)r[0]!).ToList();
        Assert.Equal(["R2", "R3", "R5", "R6", "R7"], rows);
    }

    [Fact]
    public void FirstRows_AreOrderedByKeyAndLimited()
    {
        var rows = _warehouse.Rows(Trace("nps", "ba", "2026-Q2").For("nps_responses")!.First(2));
        Assert.Equal(["R2", "R3"], rows.Select(r => (string)r[0]!));
        Assert.Equal(5, rows[0].Length); // the dataset's own columns, nothing of the plan's
    }

    [Fact]
    public void CostPerEffort_ListsEveryDatasetItReads()
    {
        var trace = Trace("cost_per_effort", "south", "2026-Q2");
        Assert.Equal(["efforts", "loans", "operating_costs"], trace.Datasets.Select(d => d.Dataset.Name));
        Assert.Empty(trace.Untraced);
        // south's subtree: L3 (south, 2026-06-30); L5 (south_city); not L4 (2026-07-01).
        Assert.Equal(["L3", "L5"], _warehouse.Rows(trace.For("loans")!.Rows).Select(r => (string)r[0]!));
    }

    [Fact]
    public void LatestWindow_RowsAreTheLatestSnapshotPerUnit()
    {
        // kyc_coverage reads the active relations of each unit's latest snapshot up to the period end.
        var rows = _warehouse.Rows(Trace("kyc_coverage", "north", "2026-Q2").For("kyc_snapshots")!.Rows);
        Assert.All(rows, r => Assert.Equal(new DateOnly(2026, 6, 30), AsDate(r[0])));
        Assert.Equal(2, rows.Count); // c1 and c5 active on 2026-06-30; c2 inactive
    }

    [Fact]
    public void PopulationMetric_ListsMemberRowsAndSaysTheCompaniesAreNotListed()
    {
        var trace = Trace("women_share", "north", "2026-Q2");
        Assert.Equal(["efforts", "loans"], trace.Datasets.Select(d => d.Dataset.Name).Order());
        Assert.All(trace.Datasets, d => Assert.Equal("customers", d.Population));
        Assert.Contains(trace.Untraced, u => u.Dataset == "companies" && u.Kind == UntracedKind.PopulationEntities);
        Assert.Contains(trace.Untraced, u => u.Kind == UntracedKind.RegionPopulation || u.Kind == UntracedKind.PopulationEntities);
    }

    [Fact]
    public void RegionGroupWithLookups_IsUntracedNotGuessed()
    {
        var trace = Trace("net_revenue_growth_group_a", "north", "2026-Q2");
        Assert.Empty(trace.Datasets);
        Assert.Contains(trace.Untraced, u => u.Dataset == "companies" && u.Kind == UntracedKind.RegionPopulation);
        Assert.Contains(trace.Untraced, u => u.Dataset == "financials" && u.Kind == UntracedKind.Lookup);
    }

    private MetricRowsTrace Trace(string metric, string unit, string period) => MetricRows.Trace(_goals, metric, unit, Period.Parse(period));

    private decimal? Value(string metric, string unit, string period, string? formula = null)
    {
        var file = _goals;
        if (formula is not null)
        {
            var path = Path.Combine(_folder, $"{metric}.yaml");
            File.WriteAllText(path, $"include: [almi-goals.yaml]\nmetrics:\n  {metric}: {formula}\n");
            file = GoalFileReader.Read(path);
        }
        var values = new Evaluator(file, _warehouse).Metrics([metric], [Period.Parse(period)], CancellationToken.None)[0][metric];
        return values.TryGetValue(unit, out var q) ? q.Exact ?? (decimal)q.AsDouble : null;
    }

    private decimal? Scalar(Core.Sql.SqlQuery query) =>
        _warehouse.Rows(query)[0][0] is { } v ? Convert.ToDecimal(v, CultureInfo.InvariantCulture) : null;

    private static DateOnly AsDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => throw new InvalidCastException(value?.GetType().Name),
    };

    public void Dispose()
    {
        _warehouse.Dispose();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

public sealed class MetricRowsTestsOnDuckDb() : MetricRowsTests(DuckDbEngine.Instance);

public sealed class MetricRowsTestsOnPostgres(PostgresEngine engine) : MetricRowsTests(engine), IClassFixture<PostgresEngine>;
