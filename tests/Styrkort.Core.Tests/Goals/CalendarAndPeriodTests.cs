using Styrkort.Core.Evaluation;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Goals;

/// <summary>The board calendar, periods as months, years and ISO weeks, and what an empty unit gives for each goal.</summary>
public abstract class CalendarAndPeriodTests(Engine engine)
{
    private static readonly string[] AllGoals =
    [
        "net_revenue_growth", "ebitda_growth", "early_stage_share", "women_share", "foreign_background_share",
        "loan_return_36m", "disbursed_loans", "completed_efforts", "cost_per_effort", "engagement_index",
        "kyc_coverage", "nps",
    ];

    [Theory]
    [InlineData("2026-Q1", new[] { 6, 7, 8, 9 })]
    [InlineData("2026-Q2", new[] { 3, 4, 5, 6, 7, 8, 9, 11, 12 })]
    [InlineData("2026-Q3", new[] { 6, 7, 8, 9 })]
    [InlineData("2026-Q4", new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })]
    [InlineData("2026-03", new[] { 6, 7, 8, 9 })]                              // a month closing Q1
    [InlineData("2026-05", new int[0])]                                        // a month inside a quarter
    [InlineData("2026", new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })]     // a year: as Q4
    [InlineData("2026-W14", new[] { 6, 7, 8, 9 })]                             // 30 March – 5 April holds Q1's last day
    [InlineData("2026-W13", new int[0])]                                       // 23–29 March: no quarter ends
    [InlineData("2026-W01", new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })] // 29 Dec 2025 – 4 Jan 2026 holds Q4's last day
    public void Scheduled_FollowsTheBoardCalendar_EveryGoalEvaluatedForEveryUnit(string period, int[] goalNumbers)
    {
        using var data = new AlmiData(engine);
        var result = data.Evaluate(period);

        Assert.Equal(12 * 3, result.Evaluation.Outcomes.Count);
        Assert.Equal(AllGoals, result.Evaluation.Outcomes.Select(o => o.Goal).Distinct());
        foreach (var unit in new[] { "root", "north", "south" })
            for (var i = 0; i < AllGoals.Length; i++)
                Assert.True(goalNumbers.Contains(i + 1) == result[AllGoals[i], unit].Scheduled,
                    $"{period}: goal {i + 1} ({AllGoals[i]}) for {unit}: expected scheduled = {goalNumbers.Contains(i + 1)}");
    }

    [Fact]
    public void EmptyUnit_SumsAndCountsAreZero_SharesMediansAndMeansAreNoData_ComparisonOnlyForGoals1245()
    {
        using var data = new AlmiData(engine)
            .Units("root,Företagspartner,,", "north,Nord,root,01;03", "south,Syd,root,12", "east,Öst,root,05")
            .Companies("c1,Alfa AB,01,F,true", "e1,Östra AB,05,M,false")
            .Financials("e1,2024,100,10,5,", "e1,2025,150,20,5,", "e1,2022,100,10,5,")
            .Loans("L1,c1,north,2026-02-01,100,start")
            .Targets(("disbursed_loans", "east", 2026, "0"), ("cost_per_effort", "east", 2026, "1"));
        var result = data.Evaluate("2026-Q4");

        // East has no rows of its own, only a company in its region (05).
        Assert.Equal(0m, result["disbursed_loans", "east"].Value!.Value.Exact);
        Assert.Equal(Status.Met, result["disbursed_loans", "east"].Status);   // 0 ≥ 0 × 4/4
        Assert.Equal(0m, result["completed_efforts", "east"].Value!.Value.Exact);
        Assert.Equal(Status.NoTarget, result["completed_efforts", "east"].Status);
        foreach (var goal in new[] { "early_stage_share", "loan_return_36m", "cost_per_effort", "engagement_index", "kyc_coverage", "nps" })
            GoalAssert.NoValue(result[goal, "east"]);
        // The growth and share goals have no value, but east's comparison groups exist: e1 is an SME in B = 2024 and F = 2025.
        // Group A: e1 growth 150/100 − 1 = 0.5 → 50 (net revenue), 20/10 − 1 = 1 → 100 (EBITDA).
        GoalAssert.NoValue(result["net_revenue_growth", "east"]);
        Assert.Equal(50, result["net_revenue_growth", "east"].Comparison!.Value, 9);
        Assert.Equal(100, result["ebitda_growth", "east"].Comparison!.Value, 9);
        // Group B: e1 grew 150 vs 100 in 2022 → 150000 ≥ 133100 → in; M, false → women 0, foreign 0.
        GoalAssert.NoValue(result["women_share", "east"]);
        Assert.Equal(0, result["women_share", "east"].Comparison!.Value, 9);
        Assert.Equal(0, result["foreign_background_share", "east"].Comparison!.Value, 9);

        foreach (var outcome in result.Evaluation.Outcomes.Where(o => o.Goal is not ("net_revenue_growth" or "ebitda_growth" or "women_share" or "foreign_background_share")))
            Assert.Null(outcome.Comparison);
    }

    [Fact]
    public void MonthPeriod_YtdCoversJanuaryToTheMonth_PhasedByTwelfths()
    {
        using var data = new AlmiData(engine)
            .Loans(
                "L1,c1,north,2026-01-01,100,start",
                "L2,c1,north,2026-03-31,200,start",
                "L3,c1,north,2026-04-01,400,start",
                "L4,c1,north,2025-12-31,800,start")
            .Ledger("north,2023-04,30,0,0,36000", "north,2023-03,999,0,0,0")
            .Targets(("disbursed_loans", "north", 2026, "1200"));
        var result = data.Evaluate("2026-03");

        // YTD 2026-01-01 … 2026-03-31: 100 + 200 = 300; level 1200 × 3/12 = 300 → met.
        Assert.Equal(300m, result["disbursed_loans", "north"].Value!.Value.Exact);
        Assert.Equal(300m, result["disbursed_loans", "north"].Target.Level);
        Assert.Equal(Status.Met, result["disbursed_loans", "north"].Status);
        // Rolling 36 months 2023-04 … 2026-03: R = 30, capital = 36000 / 36 = 1000 → 1.0.
        GoalAssert.Is(1.0, Status.NotMet, result["loan_return_36m", "north"]);
    }

    [Fact]
    public void WeekPeriod_ReckonedByItsSunday_YtdFromTheSundaysYear_PhasedByDays_LevelOfThatYear()
    {
        // 2020-W53 is Monday 2020-12-28 – Sunday 2021-01-03: ISO year 2020, but its last day is in 2021.
        using var data = new AlmiData(engine)
            .Loans(
                "L1,c1,north,2020-12-28,100,start",   // in the week, but before 1 January 2021
                "L2,c1,north,2021-01-01,200,start",
                "L3,c1,north,2021-01-03,400,start",
                "L4,c1,north,2021-01-04,800,start")   // the Monday after
            .Ledger("north,2018-02,30,0,0,36000", "north,2018-01,999,0,0,0")
            .Nps("n1,c1,north,2021-01-03,10", "n2,c1,north,2020-12-30,0")
            .Targets(("disbursed_loans", "north", 2021, "36500"), ("disbursed_loans", "north", 2020, "1"));
        var result = data.Evaluate("2020-W53");

        Assert.Equal("2020-W53", result.Evaluation.Period.ToString());
        // YTD 2021-01-01 … 2021-01-03: 200 + 400 = 600; the level of 2021, 36500 × 3/365 = 300 → met.
        Assert.Equal(600m, result["disbursed_loans", "north"].Value!.Value.Exact);
        Assert.Equal(300m, result["disbursed_loans", "north"].Target.Level);
        Assert.Equal(36500m, result["disbursed_loans", "north"].Target.AnnualLevel);
        Assert.Equal(Status.Met, result["disbursed_loans", "north"].Status);
        Assert.True(result["disbursed_loans", "north"].Scheduled);          // 31 December 2020 falls in the week
        // Rolling 36 months counted from January 2021: 2018-02 … 2021-01; R = 30, capital = 36000 / 36 = 1000 → 1.0.
        GoalAssert.Is(1.0, Status.NotMet, result["loan_return_36m", "north"]);
        // NPS ytd: only the promoter of 2021-01-03 → 100.
        GoalAssert.Value(100, result["nps", "north"]);
    }

    [Fact]
    public void YearPeriod_YtdIsTheWholeYear_TheLevelIsNotPhased()
    {
        using var data = new AlmiData(engine)
            .Loans(
                "L1,c1,north,2026-01-01,100,start",
                "L2,c1,north,2026-12-31,200,start",
                "L3,c1,north,2027-01-01,400,start",
                "L4,c1,north,2025-12-31,800,start")
            .Nps("n1,c1,north,2026-12-31,10", "n2,c1,north,2027-01-01,0")
            .Targets(("disbursed_loans", "north", 2026, "301"));
        var result = data.Evaluate("2026");

        // 100 + 200 = 300 < 301 × 1/1 → not met.
        Assert.Equal(300m, result["disbursed_loans", "north"].Value!.Value.Exact);
        Assert.Equal(301m, result["disbursed_loans", "north"].Target.Level);
        Assert.Equal(Status.NotMet, result["disbursed_loans", "north"].Status);
        // NPS: one promoter on 2026-12-31 → 100.
        GoalAssert.Value(100, result["nps", "north"]);
    }
}

public sealed class CalendarAndPeriodTestsOnDuckDb() : CalendarAndPeriodTests(DuckDbEngine.Instance);

public sealed class CalendarAndPeriodTestsOnPostgres(PostgresEngine engine) : CalendarAndPeriodTests(engine), IClassFixture<PostgresEngine>;
