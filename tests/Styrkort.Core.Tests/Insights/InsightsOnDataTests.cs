using System.Globalization;
using System.Text;
using Styrkort.Core.Binding;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Insights;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Insights;

/// <summary>
/// The analyses on a small warehouse whose numbers are known: a seller team (co → anna, bo) with 42 months of seasonal
/// sales, each won or lost, by channel. The expected numbers are computed here from the rows themselves. On both
/// engines: the numerators and denominators are formulas the planner renders in each dialect.
/// </summary>
public abstract class InsightsOnDataTests : IDisposable
{
    private const string Goals = """
        organisation: Testbolaget
        datasets:
          team:
            key: [person_id]
            columns: {person_id: text, parent_id: {type: text, nullable: true}}
          sales:
            key: [sale_id]
            unit: person_id
            time: sold_on
            columns:
              sale_id: text
              person_id: text
              sold_on: date
              channel: {type: code, values: [web, partner]}
              amount: decimal
              won: boolean
        units: {dataset: team, id: person_id, parent: parent_id}
        metrics:
          sales: sum(sales.amount during ytd)
          win_rate: 100 * count(sales where sales.won during ytd) / count(sales during ytd)
          won_share: 100 * share(sales.won during ytd)
          monthly_sales: sum(sales.amount during period)
          median_sale: median(sales.amount during ytd)
          rolling_sales: sum(sales.amount during rolling(12))
          month_mean: mean(sales.amount during period)
          since_start: sum(sales.amount where sales.sold_on >= period.start during to_date)
        areas: [{id: a, name: A}]
        goals:
          - {id: sales, name: Försäljning, area: a, type: Ä, metric: sales, target: {rule: at_least, level: 200000, phasing: linear}, breakdown: [sales.channel], board: [Q2, Q4]}
          - {id: win_rate, name: {sv: Vinstandel, en: Win rate}, area: a, type: Ä, metric: win_rate, target: {rule: at_least, level: 50}, breakdown: [sales.channel], board: [Q4]}
          - {id: won_share, name: Vunna, area: a, type: Ä, metric: won_share, target: {rule: at_least, level: 50}, board: [Q1, Q2, Q3, Q4]}
          - {id: monthly_sales, name: Månadens försäljning, area: a, type: Ä, metric: monthly_sales, target: {rule: at_least, level: 1000}}
          - {id: median_sale, name: Median, area: a, type: Ä, metric: median_sale, target: {rule: at_least, level: 100}}
          - {id: rolling_sales, name: Rullande, area: a, type: Ä, metric: rolling_sales, target: {rule: at_least, level: 100}}
          - {id: month_mean, name: Medel, area: a, type: Ä, metric: month_mean, target: {rule: at_least, level: 100}}
          - {id: since_start, name: Sedan start, area: a, type: Ä, metric: since_start, target: {rule: at_least, level: 100}}
        """;

    private sealed record Sale(string Id, string Person, DateOnly On, string Channel, decimal Amount, bool Won);

    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-insights-").FullName;
    private readonly List<Sale> _sales = [];
    private readonly GoalFile _file;
    private readonly Warehouse.IWarehouse _store;

    protected InsightsOnDataTests(Engine engine)
    {
        // 2023-01 … 2026-06, and the truth of 2026-07 … 12 kept apart. A month's sales: a trend, December twice the
        // rest, anna's web sales won two times in three, bo's partner sales one in two.
        var random = new Random(5);
        for (var i = 0; i < 48; i++)
        {
            var month = new DateOnly(2023, 1, 1).AddMonths(i);
            foreach (var (person, channel, baseAmount) in new[] { ("anna", "web", 1000m), ("anna", "partner", 600m), ("bo", "partner", 800m) })
                for (var k = 0; k < 3; k++)
                {
                    var amount = Math.Round((baseAmount + 10 * i) * (month.Month == 12 ? 2 : 1) * (decimal)(0.95 + 0.1 * random.NextDouble()));
                    _sales.Add(new Sale($"s{_sales.Count}", person, month.AddDays(3 + 7 * k), channel, amount,
                        channel == "web" ? k < 2 : (k + i) % 2 == 0));
                }
        }
        File.WriteAllText(Path.Combine(_folder, "goals.yaml"), Goals);
        File.WriteAllText(Path.Combine(_folder, "team.csv"), "person_id,parent_id\nco,\nanna,co\nbo,co\n");
        var csv = new StringBuilder("sale_id,person_id,sold_on,channel,amount,won\n");
        foreach (var s in _sales.Where(s => s.On < new DateOnly(2026, 7, 1)))
            csv.Append(CultureInfo.InvariantCulture, $"{s.Id},{s.Person},{s.On:yyyy-MM-dd},{s.Channel},{s.Amount},{(s.Won ? "true" : "false")}\n");
        File.WriteAllText(Path.Combine(_folder, "sales.csv"), csv.ToString());
        _file = GoalFileReader.Read(Path.Combine(_folder, "goals.yaml"));
        _store = engine.Open();
        _store.Import(_file, _folder, TimeProvider.System);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData("sales", YearFromMonths.Flows)]
    [InlineData("win_rate", YearFromMonths.Ratio)]
    [InlineData("won_share", YearFromMonths.Ratio)]
    [InlineData("monthly_sales", YearFromMonths.Flows)]
    [InlineData("median_sale", YearFromMonths.Path)]
    [InlineData("rolling_sales", YearFromMonths.Path)]
    [InlineData("month_mean", YearFromMonths.None)]
    [InlineData("since_start", YearFromMonths.None)]
    public void Shape_IsReadFromTheFormula(string metric, YearFromMonths expected) =>
        Assert.Equal(expected, MetricShape.Of(BoundGoalFile.Of(_file), metric).Year);

    [Fact]
    public void Forecast_OfAYearToDateSum_IsNearTheTruth_AndInsideItsInterval()
    {
        var evaluation = new Evaluator(_file, _store).Evaluate(Period.Parse("2026-06"));
        var insights = new GoalInsights(_file, _store).Analyse(evaluation, forecast: true, anomalies: true, CancellationToken.None);
        var truth = (double)_sales.Where(s => s.On.Year == 2026 && s.Person == "anna").Sum(s => s.Amount);
        var f = insights.Forecasts[("sales", "anna")].Forecast!;
        Assert.Equal(Period.Parse("2026"), f.Year);
        Assert.Equal(YearFromMonths.Flows, f.Method);
        Assert.Equal(42, f.Months);
        Assert.InRange(f.Value, truth * 0.97, truth * 1.03);
        Assert.InRange(truth, f.Low, f.High);
        Assert.True(f.Low < f.Value && f.Value < f.High);
        // Anna's year comes to about 70 000 against 200 000: no chance.
        Assert.Equal(0, f.ProbabilityMet);
        // The win rate: a ratio of counts, forecast as its numerator over its denominator.
        var w = insights.Forecasts[("win_rate", "co")].Forecast!;
        Assert.Equal(YearFromMonths.Ratio, w.Method);
        var year = _sales.Where(s => s.On.Year == 2026).ToList();
        Assert.InRange(w.Value, 100.0 * year.Count(s => s.Won) / year.Count - 3, 100.0 * year.Count(s => s.Won) / year.Count + 3);
        // A sum of each period with a level for each period is no yearly goal; a mean of each month has no year in it.
        Assert.Null(insights.Forecasts[("monthly_sales", "co")].Forecast);
        Assert.Equal("nivån gäller varje period, inte året", insights.Forecasts[("monthly_sales", "co")].NotForecast!.Swedish);
        Assert.Null(insights.Forecasts[("month_mean", "co")].Forecast);
        // The clean history has no anomalies.
        Assert.Empty(insights.Anomalies);
    }

    [Fact]
    public void Forecast_WithLessThanTwoYearsOfHistory_IsAbsent_AndSaysWhy()
    {
        var evaluation = new Evaluator(_file, _store).Evaluate(Period.Parse("2024-10"));
        var insights = new GoalInsights(_file, _store).Analyse(evaluation, forecast: true, anomalies: false, CancellationToken.None);
        var f = insights.Forecasts[("sales", "anna")];
        Assert.Null(f.Forecast);
        Assert.Equal("för kort historik (22 månader, minst 24)", f.NotForecast!.Swedish);
    }

    [Fact]
    public void Explain_ASum_SplitsTheChangeExactly_ByUnitAndChannel()
    {
        var evaluation = new Evaluator(_file, _store).Evaluate(Period.Parse("2026-Q2"));
        var change = new ChangeExplainer(_file, _store).Explain(evaluation, [], CancellationToken.None)[("sales", "co")];
        decimal Ytd(int lastMonth, Func<Sale, bool> which) => _sales.Where(s => s.On.Year == 2026 && s.On.Month <= lastMonth && which(s)).Sum(s => s.Amount);
        Assert.Equal((double)(Ytd(6, _ => true) - Ytd(3, _ => true)), change.Change, 6);
        foreach (var dimension in new[] { "unit", "sales.channel" })
            Assert.Equal(change.Change, change.Contributors.Where(c => c.Dimension == dimension).Sum(c => c.Effect), 6);
        var anna = change.Contributors.Single(c => c.Dimension == "unit" && (string?)c.Key == "anna");
        Assert.Equal(ChangeKind.Contribution, anna.Kind);
        Assert.Equal((double)(Ytd(6, s => s.Person == "anna") - Ytd(3, s => s.Person == "anna")), anna.Effect, 6);
        Assert.Equal(anna.Effect / change.Change, anna.Share, 9);
        Assert.StartsWith("co: Försäljning steg", change.Sentence.Swedish, StringComparison.Ordinal);
        Assert.Contains("av ökningen kommer från", change.Sentence.Swedish, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ARatio_SplitsTheChangeIntoMixAndRate_ThatAddUpExactly()
    {
        var evaluation = new Evaluator(_file, _store).Evaluate(Period.Parse("2026-Q2"));
        var change = new ChangeExplainer(_file, _store).Explain(evaluation, [], CancellationToken.None)[("win_rate", "co")];
        foreach (var dimension in new[] { "unit", "sales.channel" })
            Assert.Equal(change.Change, change.Contributors.Where(c => c.Dimension == dimension).Sum(c => c.Effect), 9);
        // By hand for the web channel: w = its share of the sales, r = its win rate, in Q1 and in the half year.
        (double N, double D) Of(int lastMonth, Func<Sale, bool> which)
        {
            var rows = _sales.Where(s => s.On.Year == 2026 && s.On.Month <= lastMonth && which(s)).ToList();
            return (100.0 * rows.Count(s => s.Won), rows.Count);
        }
        var (n1, d1) = Of(6, s => s.Channel == "web");
        var (n0, d0) = Of(3, s => s.Channel == "web");
        var (_, total1) = Of(6, _ => true);
        var (_, total0) = Of(3, _ => true);
        var rate = (d1 / total1 + d0 / total0) / 2 * (n1 / d1 - n0 / d0);
        var mix = (n1 / total1 - n0 / total0) - rate;
        var web = change.Contributors.Where(c => c.Dimension == "sales.channel" && (string?)c.Key == "web").ToDictionary(c => c.Kind);
        Assert.Equal(rate, web[ChangeKind.Rate].Effect, 9);
        Assert.Equal(mix, web[ChangeKind.Mix].Effect, 9);
        Assert.StartsWith("co: Vinstandel", change.Sentence.Swedish, StringComparison.Ordinal);
        Assert.Contains("Win rate", change.Sentence.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sales", "2026-Q2", "2025-Q4")]      // board: [Q2, Q4]
    [InlineData("win_rate", "2026-05", "2025-12")]   // board: [Q4], a ratio
    [InlineData("sales", "2026-05", "2025-12")]      // a month: the last month of the board's last quarter
    public void Explain_SinceTheBoardLastSawIt_SplitsTheChangeFromThatPeriod_AndAddsUpToEvaluatesValues(string goal, string period, string from)
    {
        var evaluator = new Evaluator(_file, _store);
        var evaluation = evaluator.Evaluate(Period.Parse(period));
        var change = new ChangeExplainer(_file, _store).Explain(evaluation, [], ChangeSince.Board, CancellationToken.None)[(goal, "co")];
        Assert.Equal(ChangeSince.Board, change.Since);
        Assert.Equal(Period.Parse(from), change.From);
        Assert.Equal(Period.Parse(period), change.To);
        // Before and after are what evaluate says for the two periods; each dimension's parts add up to the change.
        double Value(Core.Evaluation.Evaluation e) => e.Outcomes.Single(o => o.Goal == goal && o.Unit == "co").Value!.Value.AsDouble;
        Assert.Equal(Value(evaluator.Evaluate(Period.Parse(from))), change.Before, 9);
        Assert.Equal(Value(evaluation), change.After, 9);
        foreach (var dimension in new[] { "unit", "sales.channel" })
            Assert.Equal(change.Change, change.Contributors.Where(c => c.Dimension == dimension).Sum(c => c.Effect), 6);
        Assert.Contains($"sedan styrelsen senast såg målet ({from})", change.Sentence.Swedish, StringComparison.Ordinal);
        Assert.Contains($"since the board last saw it ({from})", change.Sentence.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_SinceTheBoardLastSawIt_WhenThatWasThePeriodBefore_IsTheSameChange_SaidOnce()
    {
        var evaluation = new Evaluator(_file, _store).Evaluate(Period.Parse("2026-Q2"));
        var both = new ChangeExplainer(_file, _store).Explain(evaluation, [], [ChangeSince.Previous, ChangeSince.Board], CancellationToken.None);
        var previous = both[ChangeSince.Previous][("won_share", "co")];
        var board = both[ChangeSince.Board][("won_share", "co")];
        Assert.Equal(previous.From, board.From);
        Assert.Equal(previous.Before, board.Before);
        Assert.Equal(previous.Contributors, board.Contributors);
        Assert.Contains("sedan 2026-Q1;", previous.Sentence.Swedish, StringComparison.Ordinal);
        Assert.Contains("sedan 2026-Q1, då styrelsen senast såg målet;", board.Sentence.Swedish, StringComparison.Ordinal);
        Assert.Contains("since 2026-Q1, when the board last saw it;", board.Sentence.English, StringComparison.Ordinal);
        // The same as explaining the previous period alone, and a goal the board never sees has no board change.
        Assert.Equal(previous.Sentence, new ChangeExplainer(_file, _store).Explain(evaluation, [], CancellationToken.None)[("won_share", "co")].Sentence);
        Assert.True(both[ChangeSince.Previous].ContainsKey(("monthly_sales", "co")));
        Assert.False(both[ChangeSince.Board].ContainsKey(("monthly_sales", "co")));
    }

    [Fact]
    public void Explain_AMedian_IsNotSplit_AndSaysSo()
    {
        var evaluation = new Evaluator(_file, _store).Evaluate(Period.Parse("2026-Q2"));
        var change = new ChangeExplainer(_file, _store).Explain(evaluation, [], CancellationToken.None)[("median_sale", "co")];
        Assert.False(change.Decomposed);
        Assert.Empty(change.Contributors);
        Assert.Contains("kan inte delas upp", change.Sentence.Swedish, StringComparison.Ordinal);
    }
}

public sealed class InsightsOnDataTestsOnDuckDb() : InsightsOnDataTests(DuckDbEngine.Instance);

public sealed class InsightsOnDataTestsOnPostgres(PostgresEngine engine) : InsightsOnDataTests(engine), IClassFixture<PostgresEngine>;
