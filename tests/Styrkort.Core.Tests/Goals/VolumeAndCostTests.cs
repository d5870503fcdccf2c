using Styrkort.Core.Evaluation;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Goals;

/// <summary>
/// Goals 7–9: disbursed_loans (Σ amount, YTD), completed_efforts (count by completed_on, YTD), both against the
/// board's level phased level × q / 4; cost_per_effort (Σ costs YTD / (loans YTD + completed efforts YTD)) against
/// the board's level, not phased. For 2026-Q2 YTD is 2026-01-01 … 2026-06-30.
/// </summary>
public abstract class VolumeAndCostTests(Engine engine)
{
    [Fact]
    public void DisbursedLoans_YtdFirstAndLastDayIn_AndAValueEqualToThePhasedLevelIsMet()
    {
        using var data = new AlmiData(engine)
            .Loans(
                "L1,c1,north,2026-01-01,100000,start",       // first day of YTD: in
                "L2,c1,north,2026-06-30,250000,expansion",   // last day of Q2: in
                "L3,c2,north,2026-07-01,999,start",          // after the period: out
                "L4,c2,north,2025-12-31,888,start",          // the year before: out
                "L5,c4,south,2026-03-15,100.50,established")
            .Targets(
                ("disbursed_loans", "north", 2026, "700000"),
                ("disbursed_loans", "north", 2025, "1"),        // another year's level does not apply
                ("disbursed_loans", "south", 2026, "1000"));
        var result = data.Evaluate("2026-Q2");

        // North: 100000 + 250000 = 350000; level 700000 × 2/4 = 350000 → equal → met.
        var north = result["disbursed_loans", "north"];
        Assert.Equal(350000m, north.Value!.Value.Exact);
        Assert.Equal(Status.Met, north.Status);
        Assert.Equal(350000m, north.Target.Level);
        Assert.Equal(700000m, north.Target.AnnualLevel);
        Assert.True(north.Target.Phased);
        // South: 100.50 against 1000 × 2/4 = 500 → not met, value given.
        Assert.Equal(100.5m, result["disbursed_loans", "south"].Value!.Value.Exact);
        Assert.Equal(Status.NotMet, result["disbursed_loans", "south"].Status);
        // Root: 350100.50, no level of its own → no target (the children's levels are not summed or inherited).
        Assert.Equal(350100.5m, result["disbursed_loans", "root"].Value!.Value.Exact);
        Assert.Equal(Status.NoTarget, result["disbursed_loans", "root"].Status);
        Assert.Null(result["disbursed_loans", "root"].Comparison);
    }

    [Fact]
    public void DisbursedLoans_OneKronaBelowThePhasedLevel_IsNotMet()
    {
        using var data = new AlmiData(engine)
            .Loans("L1,c1,north,2026-02-01,349999.99,start")
            .Targets(("disbursed_loans", "north", 2026, "700000"));
        var result = data.Evaluate("2026-Q2");

        // 349999.99 < 700000 × 2/4 = 350000 → not met (exact decimals).
        Assert.Equal(349999.99m, result["disbursed_loans", "north"].Value!.Value.Exact);
        Assert.Equal(Status.NotMet, result["disbursed_loans", "north"].Status);
    }

    [Fact]
    public void CompletedEfforts_CountedByCompletionDateInYtd_OngoingNotCounted_PhasedLevel()
    {
        using var data = new AlmiData(engine)
            .Efforts(
                "E1,c1,north,2025-11-01,2026-01-01,start",   // started last year, completed on YTD's first day: in
                "E2,c2,north,2026-02-01,2026-06-30,start",   // completed on the last day: in
                "E3,c1,north,2026-03-01,2026-07-01,start",   // completed after the period: out
                "E4,c2,north,2025-10-01,2025-12-31,start",   // completed the year before: out
                "E5,c1,north,2026-01-10,,start")             // ongoing: out
            .Targets(
                ("completed_efforts", "north", 2026, "4"),
                ("completed_efforts", "south", 2026, "10"),
                ("completed_efforts", "root", 2026, "5"));
        var result = data.Evaluate("2026-Q2");

        // North: 2 against 4 × 2/4 = 2 → met.
        Assert.Equal(2m, result["completed_efforts", "north"].Value!.Value.Exact);
        Assert.Equal(Status.Met, result["completed_efforts", "north"].Status);
        // South: no efforts → the count is 0 (not no data), against 10 × 2/4 = 5 → not met.
        Assert.Equal(0m, result["completed_efforts", "south"].Value!.Value.Exact);
        Assert.Equal(Status.NotMet, result["completed_efforts", "south"].Status);
        // Root: 2 against 5 × 2/4 = 2.5 → not met.
        Assert.Equal(2m, result["completed_efforts", "root"].Value!.Value.Exact);
        Assert.Equal(2.5m, result["completed_efforts", "root"].Target.Level);
        Assert.Equal(Status.NotMet, result["completed_efforts", "root"].Status);
    }

    [Fact]
    public void BoardLevel_IsLookedUpForTheUnitOnly_NoInheritanceFromTheRoot()
    {
        using var data = new AlmiData(engine)
            .Loans("L1,c1,north,2026-02-01,10,start", "L2,c4,south,2026-02-01,20,start")
            .Targets(("disbursed_loans", "root", 2026, "40"));
        var result = data.Evaluate("2026-Q2");

        // Root: 30 ≥ 40 × 2/4 = 20 → met. North and south have no level of their own → no target.
        Assert.Equal(Status.Met, result["disbursed_loans", "root"].Status);
        Assert.Equal(Status.NoTarget, result["disbursed_loans", "north"].Status);
        Assert.Equal(10m, result["disbursed_loans", "north"].Value!.Value.Exact);
        Assert.Equal(Status.NoTarget, result["disbursed_loans", "south"].Status);
        Assert.Null(result["disbursed_loans", "south"].Target.Level);
    }

    [Fact]
    public void CostPerEffort_CostsOverLoansPlusCompletedEfforts_NotPhased()
    {
        using var data = new AlmiData(engine)
            .Loans(
                "L1,c1,north,2026-01-01,100,start",
                "L2,c1,north,2026-06-30,200,start",
                "L3,c2,north,2026-07-01,300,start",
                "L4,c2,north,2025-12-31,400,start")
            .Efforts(
                "E1,c1,north,2025-11-01,2026-01-01,start",
                "E2,c2,north,2026-02-01,2026-06-30,start",
                "E3,c1,north,2026-03-01,2026-07-01,start",
                "E4,c2,north,2026-01-10,,start")
            .Costs(
                "north,2026-01,3000",
                "north,2026-06,1500",
                "north,2026-07,10000",   // after the period: out
                "north,2025-12,10000",   // the year before: out
                "south,2026-02,500")
            .Targets(
                ("cost_per_effort", "north", 2026, "1125"),
                ("cost_per_effort", "root", 2026, "1200"));
        var result = data.Evaluate("2026-Q2");

        // North: (3000 + 1500) / (2 loans L1, L2 + 2 completed efforts E1, E2) = 4500 / 4 = 1125 ≤ 1125 → met.
        GoalAssert.Is(1125, Status.Met, result["cost_per_effort", "north"]);
        Assert.Equal(1125m, result["cost_per_effort", "north"].Target.Level);
        Assert.False(result["cost_per_effort", "north"].Target.Phased);
        // Root: 5000 / 4 = 1250 > 1200 → not met.
        GoalAssert.Is(1250, Status.NotMet, result["cost_per_effort", "root"]);
        // South: 500 / 0 → no data; it also has no level, and no data wins over no target.
        GoalAssert.NoValue(result["cost_per_effort", "south"]);
    }

    [Fact]
    public void CostPerEffort_JustAboveTheLevel_IsNotMet_NoLevelIsNoTarget()
    {
        using var data = new AlmiData(engine)
            .Loans("L1,c1,north,2026-03-01,100,start", "L2,c4,south,2026-03-01,100,start",
                   "L3,c5,south,2026-03-02,100,start", "L4,c5,south,2026-03-03,100,start")
            .Costs("north,2026-03,1000.01", "south,2026-03,1000")
            .Targets(("cost_per_effort", "north", 2026, "1000"));
        var result = data.Evaluate("2026-Q1");

        // North: 1000.01 / 1 > 1000 → not met.
        GoalAssert.Is(1000.01, Status.NotMet, result["cost_per_effort", "north"]);
        // South: 1000 / 3 = 333.33…, no level → no target (the value is still given).
        GoalAssert.Is(1000.0 / 3, Status.NoTarget, result["cost_per_effort", "south"]);
    }
}

public sealed class VolumeAndCostTestsOnDuckDb() : VolumeAndCostTests(DuckDbEngine.Instance);

public sealed class VolumeAndCostTestsOnPostgres(PostgresEngine engine) : VolumeAndCostTests(engine), IClassFixture<PostgresEngine>;
