using Styrkort.Core.Evaluation;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Goals;

/// <summary>
/// Goal 6, loan_return_36m: over the 36 months ending with the period's last month, R = Σ(interest + fee − losses),
/// capital = Σ outstanding_balance / 36 (a month without rows counts 0), value = 100 × R / capital / 3.
/// For 2026-Q2 the window is 2023-07 … 2026-06.
/// </summary>
public abstract class LoanReturnTests(Engine engine)
{
    private const string Goal = "loan_return_36m";

    [Fact]
    public void LoanReturn_FirstAndLastMonthIn_MonthBeforeAndAfterOut_MissingMonthsCountZero()
    {
        using var data = new AlmiData(engine).Ledger(
            "north,2023-06,99999,99999,0,99999",   // the month before the window: out
            "north,2023-07,100,20,0,36000",        // first of the 36 months: in
            "north,2026-06,200,0,32,72000",        // last month: in
            "north,2026-07,99999,99999,0,99999");  // after the period: out
        var result = data.Evaluate("2026-Q2");

        // R = (100 + 20 − 0) + (200 + 0 − 32) = 288; capital = (36000 + 72000) / 36 = 3000 (34 months count 0);
        // value = 100 × 288 / 3000 / 3 = 3.2 → between 2 and 4 → met.
        GoalAssert.Is(3.2, Status.Met, result[Goal, "north"]);
        // The root covers north; south has no rows → the same figure.
        GoalAssert.Is(3.2, Status.Met, result[Goal, "root"]);
        // South has no ledger row for 2023-07 → no data.
        GoalAssert.NoValue(result[Goal, "south"]);
    }

    [Fact]
    public void LoanReturn_NoLedgerRowInFirstOfThe36Months_IsNoData()
    {
        using var data = new AlmiData(engine).Ledger(
            "north,2023-06,100,0,0,36000",   // the month before the window does not count as the first month
            "north,2023-08,100,0,0,36000",
            "north,2026-06,100,0,0,36000");
        var result = data.Evaluate("2026-Q2");

        GoalAssert.NoValue(result[Goal, "north"]);
        GoalAssert.NoValue(result[Goal, "root"]);
        Assert.Null(result[Goal, "north"].Comparison);
    }

    [Fact]
    public void LoanReturn_FirstMonthRowOfAnotherUnitInTheSubtree_GivesTheParentData_AndZeroCapitalIsNoData()
    {
        using var data = new AlmiData(engine).Ledger(
            "south,2023-07,0,0,0,0",          // south has the first month, but no capital at all
            "north,2024-01,90,0,0,54000");    // north lacks the first month
        var result = data.Evaluate("2026-Q2");

        // Root: the subtree (south) has a row for 2023-07. R = 90; capital = (0 + 54000) / 36 = 1500;
        // value = 100 × 90 / 1500 / 3 = 2.0 → exactly the lower bound → met (inclusive).
        GoalAssert.Is(2.0, Status.Met, result[Goal, "root"]);
        // North: no row of its own subtree for 2023-07 → no data.
        GoalAssert.NoValue(result[Goal, "north"]);
        // South: capital 0 → no data.
        GoalAssert.NoValue(result[Goal, "south"]);
    }

    [Fact]
    public void LoanReturn_ExactlyTheUpperBoundIsMet_AboveItIsNotMetWithTheValueGiven()
    {
        using var data = new AlmiData(engine).Ledger(
            "north,2023-07,120,0,0,36000",
            "south,2023-07,121,0,0,36000");
        var result = data.Evaluate("2026-Q2");

        // North: capital = 36000 / 36 = 1000; 100 × 120 / 1000 / 3 = 4.0 → met.
        GoalAssert.Is(4.0, Status.Met, result[Goal, "north"]);
        // South: 100 × 121 / 1000 / 3 = 4.0333… → not met, value still given.
        GoalAssert.Is(12100.0 / 1000 / 3, Status.NotMet, result[Goal, "south"]);
        // Root: R = 241, capital = 72000 / 36 = 2000; 100 × 241 / 2000 / 3 = 4.01666… → not met.
        GoalAssert.Is(24100.0 / 2000 / 3, Status.NotMet, result[Goal, "root"]);
    }

    [Fact]
    public void LoanReturn_BelowTheLowerBound_IsNotMet_AndCreditLossesCanMakeItNegative()
    {
        using var data = new AlmiData(engine).Ledger(
            "north,2023-07,50,7,0,36000",
            "south,2023-07,10,0,100,36000");
        var result = data.Evaluate("2026-Q2");

        // North: R = 50 + 7 = 57, capital = 1000 → 100 × 57 / 1000 / 3 = 1.9 → not met.
        GoalAssert.Is(1.9, Status.NotMet, result[Goal, "north"]);
        // South: R = 10 − 100 = −90 → 100 × −90 / 1000 / 3 = −3.0 → not met.
        GoalAssert.Is(-3.0, Status.NotMet, result[Goal, "south"]);
    }

    [Fact]
    public void LoanReturn_WindowMovesWithTheQuarter()
    {
        using var data = new AlmiData(engine).Ledger(
            "north,2023-04,30,0,0,36000",   // first month for 2026-Q1 (window 2023-04 … 2026-03)
            "north,2026-04,60,0,0,0");      // after 2026-Q1; last-but-two month of 2026-Q2
        var q1 = data.Evaluate("2026-Q1");
        var q2 = data.Evaluate("2026-Q2");

        // Q1: R = 30, capital = 36000 / 36 = 1000 → 100 × 30 / 1000 / 3 = 1.0 → not met.
        GoalAssert.Is(1.0, Status.NotMet, q1[Goal, "north"]);
        // Q2: window 2023-07 … 2026-06 has no row for 2023-07 → no data.
        GoalAssert.NoValue(q2[Goal, "north"]);
    }
}

public sealed class LoanReturnTestsOnDuckDb() : LoanReturnTests(DuckDbEngine.Instance);

public sealed class LoanReturnTestsOnPostgres(PostgresEngine engine) : LoanReturnTests(engine), IClassFixture<PostgresEngine>;
