using Styrkort.Core.Compilation;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Goals;

/// <summary>
/// Datasets without a unit column beside a unit's own rows, on both engines: 'latest' over a yearly market table (and
/// over a month and a date column) for a month, a quarter and a year, and a breakdown that splits such a dataset when its
/// rows reach the dimension — a region's sales against that region's market (issue 10).
/// Units: co → anna (sells in north), bo (sells in south).
/// </summary>
public abstract class DatasetWithoutUnitsTests(Engine engine)
{
    public const string GoalFile = """
        organisation: Marknadsbolaget AB
        datasets:
          team:
            key: [person_id]
            columns: {person_id: text, parent_id: {type: text, nullable: true}}
          regions:
            key: [region_id]
            columns: {region_id: text, name: text}
          sales:
            key: [sale_id]
            unit: person_id
            time: sold_on
            columns:
              sale_id: text
              person_id: text
              sold_on: date
              region_id: {type: text, references: regions}
              channel: {type: code, values: [web, partner]}
              amount: decimal
          market:
            key: [region_id, year]
            time: year
            columns:
              region_id: {type: text, references: regions}
              year: year
              market_sales: decimal
          market_monthly:
            key: [month]
            time: month
            columns: {month: month, amount: decimal}
          market_daily:
            key: [reading_id]
            time: read_on
            columns: {reading_id: text, read_on: date, amount: decimal}
        units: {dataset: team, id: person_id, parent: parent_id}
        metrics:
          sales: sum(sales.amount during period)
          market_latest: sum(market.market_sales during latest)
          market_share: 100 * sales / sum(market.market_sales during latest)
          market_share_of_year: 100 * sales / sum(market.market_sales during year(period.year))
          share_of_mean_region: 100 * sales / mean(sum(market.market_sales) per region_id during latest)
          monthly_latest: sum(market_monthly.amount during latest)
          daily_latest: sum(market_daily.amount during latest)
        areas:
          - {id: growth, name: {sv: Tillväxt, en: Growth}}
        goals:
          - id: market_share
            name: {sv: Marknadsandel, en: Market share}
            area: growth
            type: Ä
            metric: market_share
            target: {rule: at_least, level: 10}
            breakdown: [regions.region_id, sales.channel]
          - id: market_share_of_year
            name: {sv: Marknadsandel av årets marknad, en: Market share of the year's market}
            area: growth
            type: Ä
            metric: market_share_of_year
            target: {rule: at_least, level: 10}
            breakdown: [regions.region_id]
          - id: share_of_mean_region
            name: {sv: Andel av en medelregion, en: Share of a mean region}
            area: growth
            type: Ä
            metric: share_of_mean_region
            target: {rule: at_least, level: 10}
            breakdown: [regions.region_id]
        """;

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["team.csv"] = "person_id,parent_id\nco,\nanna,co\nbo,co\n",
        ["regions.csv"] = "region_id,name\nnorth,Norr\nsouth,Syd\neast,Öst\n",
        ["sales.csv"] = """
            sale_id,person_id,sold_on,region_id,channel,amount
            s1,anna,2026-03-10,north,web,600
            s2,bo,2026-02-15,south,partner,1200
            s3,anna,2026-11-01,north,web,200
            s4,anna,2025-06-01,north,partner,800
            s5,bo,2025-09-01,east,web,300

            """,
        // 2027 is a forecast after every period asked; east has a market but no sales.
        ["market.csv"] = """
            region_id,year,market_sales
            north,2024,1000
            south,2024,3000
            north,2025,2000
            south,2025,6000
            north,2026,4000
            south,2026,12000
            east,2026,4000
            north,2027,99999
            south,2027,99999

            """,
        ["market_monthly.csv"] = "month,amount\n2026-01,100\n2026-02,200\n2026-04,400\n",
        ["market_daily.csv"] = "reading_id,read_on,amount\nd1,2026-02-27,10\nd2,2026-03-31,30\nd3,2026-03-31,5\nd4,2026-04-01,70\n",
    };

    private (Evaluation.Evaluation Goals, IReadOnlyDictionary<string, IReadOnlyDictionary<string, Quantity>> Metrics) Evaluate(string period)
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-unitless-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "goals.yaml"), GoalFile);
            foreach (var (name, text) in Files) File.WriteAllText(Path.Combine(folder, name), text);
            var file = GoalFileReader.Read(Path.Combine(folder, "goals.yaml"));
            MetricCompiler.CheckAll(file);
            using var store = engine.Open();
            store.Import(file, folder, TimeProvider.System);
            var evaluator = new Evaluator(file, store);
            var when = Period.Parse(period);
            return (evaluator.Evaluate(when), evaluator.Metrics(["market_latest", "monthly_latest", "daily_latest", "sales"], [when], CancellationToken.None)[0]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private IReadOnlyList<Evaluation.Evaluation> EvaluateTogether(params string[] periods)
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-unitless-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "goals.yaml"), GoalFile);
            foreach (var (name, text) in Files) File.WriteAllText(Path.Combine(folder, name), text);
            var file = GoalFileReader.Read(Path.Combine(folder, "goals.yaml"));
            using var store = engine.Open();
            store.Import(file, folder, TimeProvider.System);
            return new Evaluator(file, store).Evaluate(periods.Select(Period.Parse).ToList(), null, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double? Value(Evaluation.Evaluation e, string goal, string unit) =>
        e.Outcomes.Single(o => o.Goal == goal && o.Unit == unit).Value?.AsDouble;

    private static List<(string? Key, double? Value)> Segments(Evaluation.Evaluation e, string goal, string unit, string dimension) =>
        e.Breakdowns.Single(b => b.Goal == goal && b.Unit == unit && b.Dimension == dimension).Segments
            .Select(s => ((string?)s.Key?.ToString(), s.Value?.AsDouble)).ToList();

    [Theory]
    // The latest year at or before the period's end is 2026 for a month, a quarter and the year: north 4000 + south
    // 12000 + east 4000 = 20000 (2027 comes after). 2025: 2000 + 6000 = 8000.
    // Sales: 2026-03 anna s1 600; 2026-Q1 s1 + s2 = 1800; 2026 s1 + s2 + s3 = 2000; 2025 s4 + s5 = 1100.
    [InlineData("2026-03", 20000, 600, 100.0 * 600 / 20000)]
    [InlineData("2026-Q1", 20000, 1800, 100.0 * 1800 / 20000)]
    [InlineData("2026", 20000, 2000, 100.0 * 2000 / 20000)]
    [InlineData("2025", 8000, 1100, 100.0 * 1100 / 8000)]
    public void Latest_OnAYearColumnWithoutUnits_IsTheLatestYearsRows_ForEveryUnit(string period, int market, int sales, double share)
    {
        var (e, metrics) = Evaluate(period);
        foreach (var unit in new[] { "co", "anna", "bo" })
            Assert.Equal(market, metrics["market_latest"][unit].AsDouble);
        Assert.Equal(sales, metrics["sales"]["co"].AsDouble);
        Assert.Equal(share, Value(e, "market_share", "co")!.Value, 9);
        Assert.Equal(share, Value(e, "market_share_of_year", "co")!.Value, 9);
    }

    [Fact]
    public void Latest_InOnePlanForSeveralPeriods_IsEachPeriodsOwnLatestYear()
    {
        // As above, but 2025, 2026-03 and 2026-Q1 in one query: 100 × 1100 / 8000, 100 × 600 / 20000, 100 × 1800 / 20000.
        var e = EvaluateTogether("2025", "2026-03", "2026-Q1");
        Assert.Equal(13.75, Value(e[0], "market_share", "co")!.Value, 9);
        Assert.Equal(3.0, Value(e[1], "market_share", "co")!.Value, 9);
        Assert.Equal(9.0, Value(e[2], "market_share", "co")!.Value, 9);
        // And by region: 2026-03 north 100 × 600 / 4000 = 15; 2025 north 100 × 800 / 2000 = 40.
        Assert.Equal([("north", 15.0)], Segments(e[1], "market_share", "co", "regions.region_id").Select(s => (s.Key, Math.Round(s.Value!.Value, 9))));
        Assert.Equal(40.0, Segments(e[0], "market_share", "co", "regions.region_id").Single(s => s.Key == "north").Value!.Value, 9);
    }

    [Theory]
    // Month column: the latest month at or before the end — 2026-03 and 2026-Q1 read 2026-02 (200), the year 2026-04 (400).
    // Date column: 2026-03 and 2026-Q1 read 31 March (30 + 5), the year 1 April (70), 2026-02 the 27th (10).
    [InlineData("2026-03", 200, 35)]
    [InlineData("2026-Q1", 200, 35)]
    [InlineData("2026", 400, 70)]
    [InlineData("2026-02", 200, 10)]
    public void Latest_OnAMonthOrDateColumnWithoutUnits_ReadsTheLatestTimeAtOrBeforeTheEnd(string period, int monthly, int daily)
    {
        var (_, metrics) = Evaluate(period);
        Assert.All(metrics["monthly_latest"].Values, v => Assert.Equal(monthly, v.AsDouble));
        Assert.All(metrics["daily_latest"].Values, v => Assert.Equal(daily, v.AsDouble));
        Assert.Equal(3, metrics["daily_latest"].Count);
    }

    [Fact]
    public void Breakdown_SplitsADatasetWithoutUnitsThatReachesTheDimension()
    {
        var (e, _) = Evaluate("2026-Q1");
        // By region, each region's sales against that region's 2026 market: north 100 × 600 / 4000 = 15,
        // south 100 × 1200 / 12000 = 10 (not 600 / 20000 and 1200 / 20000 against the whole market). East has a
        // market but no sales of the unit's: it is no segment. The total stays 100 × 1800 / 20000 = 9.
        Assert.Equal(9.0, Value(e, "market_share", "co")!.Value, 9);
        Assert.Equal([("north", 15.0), ("south", 10.0)], Segments(e, "market_share", "co", "regions.region_id").Select(s => (s.Key, Math.Round(s.Value!.Value, 9))));
        Assert.Equal([("north", 15.0)], Segments(e, "market_share", "anna", "regions.region_id").Select(s => (s.Key, Math.Round(s.Value!.Value, 9))));
        Assert.Equal([("south", 10.0)], Segments(e, "market_share", "bo", "regions.region_id").Select(s => (s.Key, Math.Round(s.Value!.Value, 9))));
        // A year(…) window is split the same way.
        Assert.Equal([("north", 15.0), ("south", 10.0)], Segments(e, "market_share_of_year", "co", "regions.region_id").Select(s => (s.Key, Math.Round(s.Value!.Value, 9))));
    }

    [Fact]
    public void Breakdown_SplitsATwoStepAggregationOverADatasetWithoutUnits()
    {
        var (e, _) = Evaluate("2026-Q1");
        // The mean region's 2026 market: (4000 + 12000 + 4000) / 3; 100 × 1800 / (20000 / 3) = 27. Per region the mean
        // is over that region's one group: north 100 × 600 / 4000 = 15, south 100 × 1200 / 12000 = 10.
        Assert.Equal(27.0, Value(e, "share_of_mean_region", "co")!.Value, 9);
        Assert.Equal([("north", 15.0), ("south", 10.0)], Segments(e, "share_of_mean_region", "co", "regions.region_id").Select(s => (s.Key, Math.Round(s.Value!.Value, 9))));
    }

    [Fact]
    public void Breakdown_LeavesADatasetWithoutUnitsWhole_WhenItsRowsDoNotReachTheDimension()
    {
        var (e, _) = Evaluate("2026-Q1");
        // The market has no channel: each channel's sales against the whole 2026 market, web 100 × 600 / 20000 = 3,
        // partner 100 × 1200 / 20000 = 6.
        Assert.Equal([("web", 3.0), ("partner", 6.0)], Segments(e, "market_share", "co", "sales.channel").Select(s => (s.Key, Math.Round(s.Value!.Value, 9))));
    }

    [Fact]
    public void Breakdown_OfARegionWithoutAMarketThatYear_HasNoShare()
    {
        var (e, _) = Evaluate("2025");
        // 2025: north 100 × 800 / 2000 = 40; east has no 2025 row (the latest year is the table's, not each region's),
        // so bo's 300 there has no share rather than one against some other region's market.
        var segments = Segments(e, "market_share", "co", "regions.region_id");
        Assert.Equal(["east", "north"], segments.Select(s => s.Key).Order());
        Assert.Null(segments.Single(s => s.Key == "east").Value);
        Assert.Equal(40.0, segments.Single(s => s.Key == "north").Value!.Value, 9);
    }
}

public sealed class DatasetWithoutUnitsTestsOnDuckDb() : DatasetWithoutUnitsTests(DuckDbEngine.Instance);

public sealed class DatasetWithoutUnitsTestsOnPostgres(PostgresEngine engine) : DatasetWithoutUnitsTests(engine), IClassFixture<PostgresEngine>;
