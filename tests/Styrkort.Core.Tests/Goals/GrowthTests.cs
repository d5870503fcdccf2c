using Styrkort.Core.Evaluation;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Goals;

/// <summary>
/// Goals 1–2: median growth F/B − 1 of the base year's customers against comparison group A (the region's companies
/// that were SMEs in B). For 2026: F = the latest fiscal_year ≤ 2025, here 2025 (a 2026 row exists and must not
/// count), B = 2024; the customers are those with a loan disbursed or an effort started in 2024-01-01 … 2024-12-31.
/// </summary>
public abstract class GrowthTests(Engine engine)
{
    private AlmiData GrowthData() => new AlmiData(engine)
        .Companies(
            "a1,A1,01,F,true", "a2,A2,01,M,false", "a3,A3,03,F,true", "a4,A4,03,M,false", "a5,A5,01,F,true",
            "a6,A6,01,M,false", "a7,A7,01,F,true", "a8,A8,01,M,false", "a9,A9,01,F,true", "a10,A10,12,M,false",
            "a11,A11,12,F,true", "a12,A12,12,M,false", "a13,A13,01,F,true", "a15,A15,12,M,false")
        .Financials(
            // org, year, net_revenue, ebitda, employees, total_assets   growth nr | growth ebitda
            "a1,2024,1000,100,10,", "a1,2025,1100,150,10,",            //  0.1 |  0.5
            "a2,2024,2000,200,10,", "a2,2025,3000,100,10,",            //  0.5 | −0.5
            "a3,2024,1000,0,10,", "a3,2025,900,50,10,",                // −0.1 | base 0 → out
            "a4,2024,0,100,10,", "a4,2025,500,120,10,",                // base 0 → out | 0.2
            "a5,2024,1000,100,10,",                                    // no row for F → out of both
            "a6,2024,1000,,10,", "a6,2025,,50,10,",                    // an empty value in F (nr) / in B (ebitda) → out
            "a7,2024,1000,100,10,", "a7,2025,1200,130,10,", "a7,2026,5000,5000,10,",   // 0.2 | 0.3; 2026 is Y: ignored
            "a8,2024,100,100,10,", "a8,2025,1000,1000,10,",            //  9   |  9   (not a customer in 2024)
            "a9,2024,100,100,10,", "a9,2025,1000,1000,10,",            //  9   |  9   (not a customer in 2024)
            "a10,2024,100,10,10,", "a10,2025,150,10,10,",              //  0.5 |  0
            "a11,2024,100,10,10,", "a11,2025,120,20,10,",              //  0.2 |  1.0
            "a12,2024,100,10,10,", "a12,2025,130,12,10,",              //  0.3 |  0.2
            "a13,2024,100,10,300,", "a13,2025,10000,1000,10,",         //  99  | 99, but not an SME in B → not in group A
            "a15,2024,100,10,10,", "a15,2025,50,5,10,")                // −0.5 | −0.5 (not a customer)
        .Loans(
            "L1,a1,north,2024-01-01,1,start",     // first day of B: in
            "L3,a3,north,2024-06-01,1,start",
            "L4,a4,north,2024-06-01,1,start",
            "L5,a5,north,2024-06-01,1,start",
            "L6,a6,north,2024-06-01,1,start",
            "L7,a7,north,2024-06-01,1,start",
            "L8,a8,north,2025-01-01,1,start",     // after B: out
            "L10,a10,south,2024-03-01,1,start",
            "L11,a11,south,2024-03-01,1,start",
            "L12,a12,south,2024-03-01,1,start")
        .Efforts(
            "E2,a2,north,2024-12-31,,start",                 // started on the last day of B: in
            "E9,a9,north,2023-12-31,2024-02-01,start");      // started before B: out (completion does not count)

    [Fact]
    public void NetRevenueGrowth_EligibleCustomersOfTheBaseYear_MedianEvenAndOdd_AgainstGroupA()
    {
        using var data = GrowthData();
        var result = data.Evaluate("2026-Q4");
        const string goal = "net_revenue_growth";

        // North customers in 2024: a1…a7; eligible a1 0.1, a2 0.5, a3 −0.1, a7 0.2 → even count: (0.1 + 0.2) / 2 = 0.15.
        // Group A (01, 03; SME in 2024; customers not removed): a1, a2, a3, a7, a8, a9 eligible
        //   → −0.1, 0.1, 0.2, 0.5, 9, 9 → (0.2 + 0.5) / 2 = 0.35. 15 < 35 → not met.
        var north = result[goal, "north"];
        GoalAssert.Is(15, Status.NotMet, north);
        Assert.Equal(35, north.Comparison!.Value, 9);

        // South customers a10, a11, a12 → 0.2, 0.3, 0.5 → odd count: 0.3. Group A (12): + a15 → −0.5, 0.2, 0.3, 0.5 → 0.25.
        // 30 > 25 → met.
        var south = result[goal, "south"];
        GoalAssert.Is(30, Status.Met, south);
        Assert.Equal(25, south.Comparison!.Value, 9);

        // Root: customers −0.1, 0.1, 0.2, 0.2, 0.3, 0.5, 0.5 (ties) → 0.2.
        // Group A, all regions: −0.5, −0.1, 0.1, 0.2, 0.2, 0.3, 0.5, 0.5, 9, 9 → (0.2 + 0.3) / 2 = 0.25. 20 < 25 → not met.
        var root = result[goal, "root"];
        GoalAssert.Is(20, Status.NotMet, root);
        Assert.Equal(25, root.Comparison!.Value, 9);
    }

    [Fact]
    public void EbitdaGrowth_EligibilityOnEbitda_AlsoInGroupA()
    {
        using var data = GrowthData();
        var result = data.Evaluate("2026-Q4");
        const string goal = "ebitda_growth";

        // North: a1 0.5, a2 −0.5, a4 0.2, a7 0.3 (a3 base 0, a5 no F, a6 empty B) → (0.2 + 0.3) / 2 = 0.25.
        // Group A: −0.5, 0.2, 0.3, 0.5, 9, 9 → (0.3 + 0.5) / 2 = 0.4. 25 < 40 → not met.
        GoalAssert.Is(25, Status.NotMet, result[goal, "north"]);
        Assert.Equal(40, result[goal, "north"].Comparison!.Value, 9);
        // South: 0, 0.2, 1.0 → 0.2; group A −0.5, 0, 0.2, 1.0 → 0.1. 20 > 10 → met.
        GoalAssert.Is(20, Status.Met, result[goal, "south"]);
        Assert.Equal(10, result[goal, "south"].Comparison!.Value, 9);
        // Root: −0.5, 0, 0.2, 0.2, 0.3, 0.5, 1.0 → 0.2; group A −0.5, −0.5, 0, 0.2, 0.2, 0.3, 0.5, 1.0, 9, 9 → 0.25.
        GoalAssert.Is(20, Status.NotMet, result[goal, "root"]);
        Assert.Equal(25, result[goal, "root"].Comparison!.Value, 9);
    }

    [Fact]
    public void Growth_LatestFiscalYearIsTheLatestWithStatements_AtMostTheYearBefore()
    {
        using var data = new AlmiData(engine)
            .Financials(
                "c1,2022,100,10,5,", "c1,2023,200,10,5,",     // F = 2023 for 2025 (no 2024 statements), B = 2022
                "c2,2022,100,10,5,", "c2,2023,150,30,5,",
                "c2,2025,900,90,5,")                          // Y = 2025: ignored for 2025, the F of 2026
            .Loans("L1,c1,north,2022-05-01,1,start", "L2,c2,north,2022-05-01,1,start");
        var result = data.Evaluate("2025-Q4");

        // North customers in 2022: c1 1.0, c2 0.5 → (1.0 + 0.5) / 2 = 0.75 → 75.
        // Group A north (01, 03; SME in 2022): c1, c2 (c3, c6 have no rows) → the same 75 → equal → not met.
        var north = result["net_revenue_growth", "north"];
        GoalAssert.Is(75, Status.NotMet, north);
        Assert.Equal(75, north.Comparison!.Value, 9);
        // Ebitda: c1 0, c2 2.0 → 1.0 → 100.
        GoalAssert.Value(100, result["ebitda_growth", "north"]);
        // South has no customers and no statements → no value and no comparison.
        GoalAssert.NoValue(result["net_revenue_growth", "south"]);
        Assert.Null(result["net_revenue_growth", "south"].Comparison);
    }

    [Fact]
    public void Growth_CustomersWithoutEligibleStatements_IsNoDataButTheComparisonIsGiven()
    {
        using var data = GrowthData().Loans("L5,a5,south,2024-06-01,1,start");
        var result = data.Evaluate("2026-Q4");

        // South's only 2024 customer a5 has no 2025 row → no value; group A (12) still gives 0.25 → 25.
        var south = result["net_revenue_growth", "south"];
        GoalAssert.NoValue(south);
        Assert.Equal(25, south.Comparison!.Value, 9);
        // The growth goals are evaluated in every quarter, not only when the board sees them (Q4).
        var q2 = data.Evaluate("2026-Q2");
        Assert.False(q2["net_revenue_growth", "south"].Scheduled);
        Assert.Equal(25, q2["net_revenue_growth", "south"].Comparison!.Value, 9);
    }
}

public sealed class GrowthTestsOnDuckDb() : GrowthTests(DuckDbEngine.Instance);

public sealed class GrowthTestsOnPostgres(PostgresEngine engine) : GrowthTests(engine), IClassFixture<PostgresEngine>;
