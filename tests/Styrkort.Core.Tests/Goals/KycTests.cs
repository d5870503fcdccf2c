using Styrkort.Core.Evaluation;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Goals;

/// <summary>
/// Goal 11, kyc_coverage: each unit's own latest snapshot ≤ period end; pool the active relations of those snapshots;
/// value = 100 × share with kyc_complete; met only at exactly 100.
/// </summary>
public abstract class KycTests(Engine engine)
{
    private const string Goal = "kyc_coverage";

    [Fact]
    public void Kyc_EachUnitsOwnLatestSnapshotUpToPeriodEnd_ActiveRelationsOnly_PooledInTheParent()
    {
        using var data = new AlmiData(engine).Kyc(
            "2026-03-31,c1,north,true,false",    // an older north snapshot: not used
            "2026-06-30,c1,north,true,true",     // north's latest ≤ 2026-06-30
            "2026-06-30,c2,north,true,true",
            "2026-06-30,c3,north,false,false",   // inactive relation: left out
            "2026-07-15,c1,north,true,false",    // after the period end: ignored
            "2026-03-31,c1,south,true,true",     // south's latest is older, and still counts
            "2026-03-31,c2,south,true,false",
            "2026-03-31,c3,south,true,true",
            "2026-03-31,c4,south,false,true");   // inactive: left out
        var result = data.Evaluate("2026-Q2");

        // North: 2 of 2 active relations complete → 100 → met.
        GoalAssert.Is(100, Status.Met, result[Goal, "north"]);
        // South: 2 of 3 → 66.66… → not met.
        GoalAssert.Is(200.0 / 3, Status.NotMet, result[Goal, "south"]);
        // Root: north's 2026-06-30 (2 of 2) + south's 2026-03-31 (2 of 3) → 4 of 5 = 80 → not met.
        GoalAssert.Is(80, Status.NotMet, result[Goal, "root"]);
        Assert.Null(result[Goal, "root"].Comparison);
    }

    [Fact]
    public void Kyc_NinetyNinePointFivePercent_IsNotMet()
    {
        var companies = Enumerable.Range(1, 200).Select(i => $"k{i:D3},Kund {i} AB,01,,").ToArray();
        var snapshot = Enumerable.Range(1, 200).Select(i => $"2026-05-31,k{i:D3},north,true,{(i == 200 ? "false" : "true")}").ToArray();
        using var data = new AlmiData(engine).Companies(companies).Kyc(snapshot);
        var result = data.Evaluate("2026-Q2");

        // 199 of 200 → 99.5 → not met (met only at exactly 100).
        GoalAssert.Is(99.5, Status.NotMet, result[Goal, "north"]);
        GoalAssert.Is(99.5, Status.NotMet, result[Goal, "root"]);
        GoalAssert.NoValue(result[Goal, "south"]);
    }

    [Fact]
    public void Kyc_LatestSnapshotWithOnlyInactiveRelations_IsNoData_EvenIfAnOlderOneHadActiveOnes()
    {
        using var data = new AlmiData(engine).Kyc(
            "2026-01-31,c1,north,true,true",
            "2026-04-30,c1,north,false,true");
        var result = data.Evaluate("2026-Q2");

        // The latest north snapshot (2026-04-30) has no active relation → the share of nothing → no data.
        GoalAssert.NoValue(result[Goal, "north"]);
        // In 2026-Q1 the latest snapshot ≤ 2026-03-31 is 2026-01-31 → 1 of 1 → 100 → met.
        GoalAssert.Is(100, Status.Met, data.Evaluate("2026-Q1")[Goal, "north"]);
    }
}

public sealed class KycTestsOnDuckDb() : KycTests(DuckDbEngine.Instance);

public sealed class KycTestsOnPostgres(PostgresEngine engine) : KycTests(engine), IClassFixture<PostgresEngine>;
