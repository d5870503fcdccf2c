using Styrkort.Core.Evaluation;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Goals;

/// <summary>Goal 12 (nps) and goal 10 (engagement_index): the survey-based goals with board levels.</summary>
public abstract class SurveyGoalTests(Engine engine)
{
    [Fact]
    public void Nps_PromotersNineToTen_DetractorsZeroToSix_PassivesSevenToEight_YtdOnly()
    {
        using var data = new AlmiData(engine)
            .Nps(
                "n1,c1,north,2026-01-15,10",
                "n2,c1,north,2026-02-01,9",
                "n3,c2,north,2026-02-01,8",
                "n4,c2,north,2026-03-01,7",
                "n5,c3,north,2026-04-01,6",
                "n6,c3,north,2026-05-01,0",
                "n7,c1,north,2026-01-01,9",    // first day of YTD: in
                "n8,c2,north,2026-06-30,10",   // last day of Q2: in
                "n9,c1,north,2025-12-31,0",    // the year before: out
                "n10,c1,north,2026-07-01,0")   // after the period: out
            .Targets(("nps", "north", 2026, "25"), ("nps", "south", 2026, "10"));
        var result = data.Evaluate("2026-Q2");

        // In YTD: 8 responses; promoters 10, 9, 9, 10 = 4; passives 8, 7; detractors 6, 0 = 2.
        // NPS = 100 × (4 − 2) / 8 = 25 ≥ 25 → met.
        GoalAssert.Is(25, Status.Met, result["nps", "north"]);
        // Root: the same responses, no level → no target.
        GoalAssert.Is(25, Status.NoTarget, result["nps", "root"]);
        // South: no responses → no data, even though it has a level.
        GoalAssert.NoValue(result["nps", "south"]);
        Assert.Null(result["nps", "north"].Comparison);
    }

    [Fact]
    public void Nps_AllDetractors_IsMinus100_AndBelowTheLevelIsNotMet()
    {
        using var data = new AlmiData(engine)
            .Nps("n1,c4,south,2026-02-01,6", "n2,c5,south,2026-02-02,0", "n3,c1,north,2026-02-02,7")
            .Targets(("nps", "south", 2026, "-50"), ("nps", "north", 2026, "1"));
        var result = data.Evaluate("2026-Q2");

        // South: 100 × (0 − 2) / 2 = −100 < −50 → not met.
        GoalAssert.Is(-100, Status.NotMet, result["nps", "south"]);
        // North: one passive → 100 × 0 / 1 = 0 < 1 → not met.
        GoalAssert.Is(0, Status.NotMet, result["nps", "north"]);
        // Root: 3 responses, 0 promoters, 2 detractors → −66.66…
        GoalAssert.Value(-200.0 / 3, result["nps", "root"]);
    }

    [Fact]
    public void Engagement_LatestSurveyYearUpToY_PerRespondentMean_SubunitWithoutThatYearLeftOut()
    {
        using var data = new AlmiData(engine)
            .Engagement(
                "r1,north,2026,a,5", "r1,north,2026,b,4",   // mean 4.5 → (4.5 − 1) × 25 = 87.5
                "r2,north,2026,a,3", "r2,north,2026,b,3",   // mean 3 → 50
                "r1,north,2025,a,1",                        // an older survey: out
                "r1,south,2025,a,5", "r1,south,2025,b,5",   // mean 5 → 100
                "r9,south,2025,a,2",                        // mean 2 → 25
                "r1,south,2027,a,1")                        // after the period's year: out
            .Targets(("engagement_index", "north", 2026, "68.75"), ("engagement_index", "south", 2026, "63"));
        var result = data.Evaluate("2026-Q4");

        // North: survey 2026 → (87.5 + 50) / 2 = 68.75 ≥ 68.75 → met.
        GoalAssert.Is(68.75, Status.Met, result["engagement_index", "north"]);
        // South: its latest survey ≤ 2026 is 2025 → (100 + 25) / 2 = 62.5 < 63 → not met.
        GoalAssert.Is(62.5, Status.NotMet, result["engagement_index", "south"]);
        // Root: the latest survey year in the subtree is 2026; south has no 2026 responses and is left out → 68.75.
        GoalAssert.Is(68.75, Status.NoTarget, result["engagement_index", "root"]);
    }

    [Fact]
    public void Engagement_RespondentIsUnitAndRespondentId_MeanOverRespondentsNotOverUnits()
    {
        using var data = new AlmiData(engine)
            .Engagement(
                "r1,north,2026,a,5", "r1,north,2026,b,5", "r1,north,2026,c,2",   // mean 4 → 75
                "r1,south,2026,a,1",                                             // a different respondent: mean 1 → 0
                "r2,south,2026,a,3");                                            // mean 3 → 50
        var result = data.Evaluate("2026-Q4");

        // North 75; south (0 + 50) / 2 = 25.
        GoalAssert.Value(75, result["engagement_index", "north"]);
        GoalAssert.Value(25, result["engagement_index", "south"]);
        // Root: three respondents (north r1, south r1, south r2) → (75 + 0 + 50) / 3 = 41.66…
        // (merging r1 across units would give 53.125; the mean of the units' values 50).
        GoalAssert.Value(125.0 / 3, result["engagement_index", "root"]);
    }

    [Fact]
    public void Engagement_OnlySurveysAfterY_IsNoData()
    {
        using var data = new AlmiData(engine).Engagement("r1,north,2027,a,4");
        var result = data.Evaluate("2026-Q4");

        GoalAssert.NoValue(result["engagement_index", "north"]);
        GoalAssert.NoValue(result["engagement_index", "root"]);
    }
}

public sealed class SurveyGoalTestsOnDuckDb() : SurveyGoalTests(DuckDbEngine.Instance);

public sealed class SurveyGoalTestsOnPostgres(PostgresEngine engine) : SurveyGoalTests(engine), IClassFixture<PostgresEngine>;
