using Styrkort.Core.Evaluation;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Goals;

/// <summary>
/// Goals 3–5 over the unique customers in YTD (a loan disbursed or an effort started in 2026-01-01 … 2026-06-30 for
/// 2026-Q2): early_stage_share (phase of the earliest engagement), women_share and foreign_background_share.
/// </summary>
public abstract class FocusGroupTests(Engine engine)
{
    [Fact]
    public void EarlyStage_PhaseOfEarliestEngagementInWindow_TiesTakeTheEarliestStage_CustomerOfTwoUnitsOnceInParent()
    {
        using var data = new AlmiData(engine)
            .Loans(
                "L1,c1,north,2026-01-01,100,established",   // c1: a loan and an effort on the same first date →
                "L2,c2,north,2026-03-01,100,established",   //     the earliest stage, start
                "L3,c3,north,2026-06-30,100,expansion",     // c3: last day of YTD → expansion
                "L4,c3,north,2026-07-01,100,start",         //     after the period: out
                "L5,c4,north,2026-04-01,100,start",         // c4: later than its effort → established stays first
                "L6,c5,north,2026-02-02,100,established",   // c5: two loans on the same day → expansion
                "L7,c5,north,2026-02-02,100,expansion",
                "L8,c1,south,2026-05-05,100,expansion")     // c1 is also a customer of south
            .Efforts(
                "E1,c1,north,2026-01-01,,start",
                "E2,c2,north,2025-12-31,,start",            // c2: started the year before → out; c2 is established
                "E3,c4,north,2026-02-01,,established");
        var result = data.Evaluate("2026-Q2");

        // North: c1 start, c2 established, c3 expansion, c4 established, c5 expansion → 3 of 5 early = 60 < 80.
        GoalAssert.Is(60, Status.NotMet, result["early_stage_share", "north"]);
        // South: c1 expansion → 1 of 1 = 100 → met.
        GoalAssert.Is(100, Status.Met, result["early_stage_share", "south"]);
        // Root: c1 once, its earliest engagement in the root's rows is 2026-01-01 (start) → 3 of 5 = 60.
        GoalAssert.Is(60, Status.NotMet, result["early_stage_share", "root"]);
        Assert.Null(result["early_stage_share", "root"].Comparison);
    }

    [Fact]
    public void EarlyStage_ExactlyEightyPercentIsMet()
    {
        using var data = new AlmiData(engine).Loans(
            "L1,c1,south,2026-02-01,1,start",
            "L2,c2,south,2026-02-01,1,expansion",
            "L3,c3,south,2026-02-01,1,start",
            "L4,c4,south,2026-02-01,1,expansion",
            "L5,c5,south,2026-02-01,1,established");
        var result = data.Evaluate("2026-Q2");

        // 4 of 5 = 80 ≥ 80 → met; north has no customers → no data.
        GoalAssert.Is(80, Status.Met, result["early_stage_share", "south"]);
        GoalAssert.NoValue(result["early_stage_share", "north"]);
    }

    [Fact]
    public void WomenAndForeignShares_UnknownsLeftOut_ValueGivenWhenTheComparisonIsMissing()
    {
        using var data = new AlmiData(engine)
            .Companies(
                "c1,Alfa AB,01,F,true",
                "c2,Beta AB,01,M,false",
                "c3,Gamma AB,03,F,true",
                "c4,Delta AB,12,,false",
                "c5,Epsilon AB,12,M,true",
                "c6,Zeta AB,03,F,false",
                "c7,Eta AB,03,,")
            .Loans(
                "L1,c1,north,2026-01-01,1,start",
                "L2,c2,north,2026-06-30,1,start",
                "L3,c4,north,2026-03-01,1,start",
                "L4,c6,north,2025-12-31,1,start",   // the year before: c6 is not a customer
                "L5,c7,north,2026-03-01,1,start")
            .Efforts(
                "E1,c3,north,2026-02-01,,start",
                "E2,c5,north,2026-05-01,2026-05-02,start",
                "E3,c6,north,2026-07-01,,start");   // after the period
        var result = data.Evaluate("2026-Q2");

        // Customers c1 F/true, c2 M/false, c3 F/true, c4 –/false, c5 M/true, c7 –/–.
        // Women: known c1, c2, c3, c5 → F c1, c3 → 2 of 4 = 50.
        // No financials → comparison group B is empty → no comparison → no data, but the value is given.
        var women = result["women_share", "north"];
        GoalAssert.Value(50, women);
        Assert.Null(women.Comparison);
        Assert.Equal(Status.NoData, women.Status);
        // Foreign: known c1, c2, c3, c4, c5 → true c1, c3, c5 → 3 of 5 = 60.
        var foreign = result["foreign_background_share", "north"];
        GoalAssert.Value(60, foreign);
        Assert.Equal(Status.NoData, foreign.Status);
        // South has no customers: no value.
        Assert.Null(result["women_share", "south"].Value);
    }

    /// <summary>
    /// Group B for 2026 (F = 2025): region in the unit's regions, SME in 2025, net revenue 2022 &gt; 0 and
    /// 1000 × nr(2025) ≥ 1331 × nr(2022). Bounds: 50 000 000 × 11.0 = 550 000 000 SEK revenue, 43 000 000 × 11.0 =
    /// 473 000 000 SEK assets, employees &lt; 250.
    /// </summary>
    private AlmiData GroupBData() => new AlmiData(engine)
        .Companies(
            "b1,B1,01,F,true", "b2,B2,01,M,false", "b3,B3,03,M,true", "b4,B4,03,F,false", "b5,B5,01,F,true",
            "b6,B6,01,M,false", "b7,B7,01,F,false", "b8,B8,01,M,false", "b9,B9,01,F,false", "b10,B10,12,F,true",
            "b11,B11,01,F,false", "b12,B12,01,F,false", "b13,B13,01,M,false", "b14,B14,01,,")
        .Financials(
            "b1,2022,1000,,10,", "b1,2025,1331,,10,",                        // growth exactly 1331/1000 → in
            "b2,2022,1000,,10,", "b2,2025,1330.99,,10,",                     // just below → out
            "b3,2022,100,,10,", "b3,2025,550000000,,249,999999999999",       // revenue exactly at the bound, 249 employees → in
            "b4,2022,100,,10,", "b4,2025,550000001,,10,473000001",           // one krona above, assets above too → not SME
            "b5,2022,100,,10,", "b5,2025,550000001,,10,473000000",           // revenue above, assets exactly at the bound → in
            "b6,2022,100,,10,", "b6,2025,200,,250,",                         // 250 employees → not SME
            "b7,2022,100,,10,", "b7,2025,200,,,",                            // empty employees → not classified
            "b8,2022,100,,10,", "b8,2025,500,,10,",                          // empty assets: only its own condition false → in
            "b9,2022,100,,10,", "b9,2025,600000000,,10,",                    // revenue above, empty assets → not SME
            "b10,2022,100,,10,", "b10,2025,200,,10,",                        // qualifies, but region 12
            "b11,2025,500,,5,",                                              // no 2022 row → out
            "b12,2022,0,,5,", "b12,2025,500,,5,",                            // base 0 → out
            "b13,2022,100,,5,", "b13,2023,100,,5,", "b13,2025,100,,5,", "b13,2026,1000,,5,",   // the 2026 row must not make F = 2026
            "b14,2022,100,,5,", "b14,2025,200,,5,");                         // qualifies, gender and background unknown

    [Fact]
    public void GroupB_SmeBoundsGrowthBoundRegionsAndLatestFiscalYear()
    {
        using var data = GroupBData().Loans(
            "L1,b1,north,2026-02-01,1,start",
            "L2,b2,north,2026-02-01,1,start",
            "L3,b10,south,2026-02-01,1,start");
        var result = data.Evaluate("2026-Q2");

        // North (01, 03): group B = b1 F/true, b3 M/true, b5 F/true, b8 M/false, b14 –/–.
        // Women: 2 of 4 known = 50; foreign: 3 of 4 known = 75.
        // Customers b1 F/true, b2 M/false → women 50 = 50 → not met (equal is not above); foreign 50 < 75 → not met.
        var women = result["women_share", "north"];
        Assert.Equal(50, women.Comparison!.Value, 9);
        GoalAssert.Is(50, Status.NotMet, women);
        var foreign = result["foreign_background_share", "north"];
        Assert.Equal(75, foreign.Comparison!.Value, 9);
        GoalAssert.Is(50, Status.NotMet, foreign);

        // South (12): group B = b10 F/true → 100 and 100; customer b10 → 100 = 100 → not met.
        Assert.Equal(100, result["women_share", "south"].Comparison!.Value, 9);
        Assert.Equal(Status.NotMet, result["women_share", "south"].Status);

        // Root (all regions through its subtree): b1, b3, b5, b8, b10 (+ b14 unknown).
        // Women: F b1, b5, b10 = 3 of 5 = 60; customers b1, b2, b10 → 2 of 3 = 66.66… > 60 → met.
        Assert.Equal(60, result["women_share", "root"].Comparison!.Value, 9);
        GoalAssert.Is(200.0 / 3, Status.Met, result["women_share", "root"]);
        // Foreign: true b1, b3, b5, b10 = 4 of 5 = 80; customers 2 of 3 = 66.66… → not met.
        Assert.Equal(80, result["foreign_background_share", "root"].Comparison!.Value, 9);
        GoalAssert.Is(200.0 / 3, Status.NotMet, result["foreign_background_share", "root"]);
    }

    [Fact]
    public void GroupB_CustomerSharesAboveTheComparison_AreMet()
    {
        using var data = GroupBData().Loans(
            "L1,b1,north,2026-02-01,1,start",
            "L2,b5,north,2026-03-01,1,start");
        var result = data.Evaluate("2026-Q2");

        // North customers b1, b5: women 100 > 50, foreign 100 > 75 → met.
        GoalAssert.Is(100, Status.Met, result["women_share", "north"]);
        GoalAssert.Is(100, Status.Met, result["foreign_background_share", "north"]);
    }
}

public sealed class FocusGroupTestsOnDuckDb() : FocusGroupTests(DuckDbEngine.Instance);

public sealed class FocusGroupTestsOnPostgres(PostgresEngine engine) : FocusGroupTests(engine), IClassFixture<PostgresEngine>;
