using Styrkort.Core.Evaluation;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Goals;

/// <summary>
/// A unit covers the rows of its whole subtree and the regions of its whole subtree, over more than one level:
/// root → north (01) → north_a (05), and root → south (12). Every unit is evaluated from the raw rows.
/// </summary>
public abstract class UnitTreeTests(Engine engine)
{
    private AlmiData ThreeLevels() => new AlmiData(engine)
        .Units("root,Företagspartner,,", "north,Nord,root,01", "north_a,Nord A,north,05", "south,Syd,root,12")
        .Companies("c1,Alfa AB,01,M,false", "x1,Xi AB,05,F,true", "s1,Sigma AB,12,M,true")
        .Financials(
            "c1,2022,100,,5,", "c1,2025,200,,5,",   // group B in 01: 200 × 1000 ≥ 1331 × 100
            "x1,2022,100,,5,", "x1,2025,200,,5,",   // group B in 05
            "s1,2022,100,,5,", "s1,2025,200,,5,");  // group B in 12

    [Fact]
    public void Grandchild_RowsAndRegionsCountInItsParentAndTheRoot()
    {
        using var data = ThreeLevels()
            .Loans("L1,x1,north_a,2026-02-01,300,start", "L2,c1,north,2026-03-01,100,established", "L3,s1,south,2026-03-01,50,start")
            .Engagement("r1,north_a,2026,a,5", "r1,north,2026,a,1", "r1,south,2025,a,3");
        var result = data.Evaluate("2026-Q2");

        // Disbursed: north_a 300; north 300 + 100 = 400; root 450.
        Assert.Equal(300m, result["disbursed_loans", "north_a"].Value!.Value.Exact);
        Assert.Equal(400m, result["disbursed_loans", "north"].Value!.Value.Exact);
        Assert.Equal(450m, result["disbursed_loans", "root"].Value!.Value.Exact);

        // Group B: north_a {x1} → women 100; north {c1, x1} → 50; root {c1, x1, s1} → 1 of 3.
        Assert.Equal(100, result["women_share", "north_a"].Comparison!.Value, 9);
        Assert.Equal(50, result["women_share", "north"].Comparison!.Value, 9);
        Assert.Equal(100.0 / 3, result["women_share", "root"].Comparison!.Value, 9);
        // Customers: north x1 F, c1 M → 50, equal to the comparison → not met.
        GoalAssert.Is(50, Status.NotMet, result["women_share", "north"]);
        // Early stage: north x1 start, c1 established → 50; root + s1 start → 2 of 3.
        GoalAssert.Value(50, result["early_stage_share", "north"]);
        GoalAssert.Value(200.0 / 3, result["early_stage_share", "root"]);

        // Engagement 2026 (Q2 uses Y = 2026): north_a 100, north (north_a r1 100, north r1 0) → 50;
        // root: latest year 2026, south's 2025 survey left out → 50; south alone: 2025 → 50.
        GoalAssert.Value(100, result["engagement_index", "north_a"]);
        GoalAssert.Value(50, result["engagement_index", "north"]);
        GoalAssert.Value(50, result["engagement_index", "root"]);
        GoalAssert.Value(50, result["engagement_index", "south"]);
    }

    [Fact]
    public void Grandchild_LedgerAndKycPooledOverTheWholeSubtree()
    {
        using var data = ThreeLevels()
            .Ledger("north_a,2023-07,60,0,0,36000", "north,2025-01,0,0,0,36000")
            .Kyc(
                "2026-06-01,x1,north_a,true,true",
                "2026-05-01,c1,north,true,false",
                "2026-06-15,c1,north,true,true",   // north's own latest
                "2026-04-01,s1,south,true,true");
        var result = data.Evaluate("2026-Q2");

        // north_a: 100 × 60 / (36000 / 36) / 3 = 2.0. north: first month from north_a; capital (36000 + 36000) / 36 = 2000
        // → 100 × 60 / 2000 / 3 = 1.0.
        GoalAssert.Is(2.0, Status.Met, result["loan_return_36m", "north_a"]);
        GoalAssert.Is(1.0, Status.NotMet, result["loan_return_36m", "north"]);
        // KYC: north = north_a's 2026-06-01 (1 of 1) + north's 2026-06-15 (1 of 1) → 100; root adds south's → 100.
        GoalAssert.Is(100, Status.Met, result["kyc_coverage", "north"]);
        GoalAssert.Is(100, Status.Met, result["kyc_coverage", "root"]);
    }
}

public sealed class UnitTreeTestsOnDuckDb() : UnitTreeTests(DuckDbEngine.Instance);

public sealed class UnitTreeTestsOnPostgres(PostgresEngine engine) : UnitTreeTests(engine), IClassFixture<PostgresEngine>;
