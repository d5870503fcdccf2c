using Styrkort.Core.Diagnostics;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Tests.Targets;

/// <summary>Bands on the achievement (100 × value / level, strict 'below') and on the value; the warning zone of both rules.</summary>
public sealed class TargetJudgeTests
{
    private static readonly LocalizedText None = new("Ingen bonus", "No bonus"), Partial = new("Delbonus", "Partial bonus"), Full = new("Full bonus", "Full bonus");

    private static readonly IReadOnlyList<Band> BonusBands = [new(90, None), new(100, Partial), new(null, Full)];

    private static Goal GoalWith(TargetRule rule) =>
        new("g", new LocalizedText("G", "G"), "a", LevelSetBy.Owners, "m", null, rule, new HashSet<int>(), null, new SourceLocation("goals.yaml", 1, 1));

    private static readonly Period March = Period.Parse("2026-03");

    private static Judgement Judge(TargetRule rule, decimal value) => TargetJudge.Judge(GoalWith(rule), March, new Quantity(value, null), null, (decimal?)null);

    [Theory]
    // Level 200: 180 is 100 × 180 / 200 = 90 exactly → the band from 90 up; 179.98 is 89.99 → below it.
    [InlineData(179.98, "Ingen bonus")]
    [InlineData(180, "Delbonus")]
    // 199.98 → 99.99; 200 → exactly 100 → the last band.
    [InlineData(199.98, "Delbonus")]
    [InlineData(200, "Full bonus")]
    [InlineData(0, "Ingen bonus")]
    public void Band_OnTheAchievement_AnEdgeBelongsToTheBandAboveIt(decimal value, string band)
    {
        var rule = new TargetRule(TargetRuleKind.AtLeast, 200, null, null, false, false) { Bands = BonusBands };
        Assert.Equal(band, Judge(rule, value).Band!.Swedish);
    }

    [Fact]
    public void Band_OfAValueInDoublePrecision_ReadAsTheDecimalItPrintsAs()
    {
        // 0.3 × 3 in double is 0.8999999999999999: read as the decimal 0.9, against the level 1 the achievement is 90, not 89.99….
        var rule = new TargetRule(TargetRuleKind.AtLeast, 1, null, null, false, false) { Bands = BonusBands };
        var judged = TargetJudge.Judge(GoalWith(rule), March, new Quantity(null, 0.3 * 3), null, (decimal?)null);
        Assert.Equal(Partial, judged.Band);
    }

    [Theory]
    [InlineData(3.9, "low")]
    [InlineData(4, "mid")]   // 'below: 4' is strict
    [InlineData(6, "high")]
    public void Band_OnTheValue_ForABetweenTarget(decimal value, string band)
    {
        var rule = new TargetRule(TargetRuleKind.Between, null, 2, 5, false, false)
        {
            Bands = [new(4, new("low", "low")), new(6, new("mid", "mid")), new(null, new("high", "high"))],
            BandsOn = BandsOn.Value,
        };
        Assert.Equal(band, Judge(rule, value).Band!.English);
    }

    [Fact]
    public void Band_AbsentWithoutBandsOrValueOrLevel()
    {
        var plain = new TargetRule(TargetRuleKind.AtLeast, 200, null, null, false, false);
        Assert.Null(Judge(plain, 300).Band);
        var banded = plain with { Bands = BonusBands };
        Assert.Null(TargetJudge.Judge(GoalWith(banded), March, null, null, (decimal?)null).Band);
        Assert.Null(Judge(banded with { Level = 0 }, 5).Band);   // no achievement against a level of 0
    }

    [Theory]
    // at_least 55, warning 52: 55 met; 52 ≤ v < 55 at risk; below 52 not met.
    [InlineData(55, Status.Met)]
    [InlineData(54.99, Status.AtRisk)]
    [InlineData(52, Status.AtRisk)]
    [InlineData(51.99, Status.NotMet)]
    public void Warning_AtLeast_FromTheWarningUpToTheLevelIsAtRisk(decimal value, Status status)
    {
        var rule = new TargetRule(TargetRuleKind.AtLeast, 55, null, null, false, false) { Warning = 52 };
        Assert.Equal(status, Judge(rule, value).Status);
    }

    [Theory]
    // at_most 3, warning 4: 3 met; 3 < v ≤ 4 at risk; above 4 not met.
    [InlineData(3, Status.Met)]
    [InlineData(3.01, Status.AtRisk)]
    [InlineData(4, Status.AtRisk)]
    [InlineData(4.01, Status.NotMet)]
    public void Warning_AtMost_AboveTheLevelUpToTheWarningIsAtRisk(decimal value, Status status)
    {
        var rule = new TargetRule(TargetRuleKind.AtMost, 3, null, null, false, false) { Warning = 4 };
        Assert.Equal(status, Judge(rule, value).Status);
    }

    [Fact]
    public void Warning_IsPhasedLikeTheLevel()
    {
        // Annual 1200, warning 1080, phased linearly: March → 300 and 270; 280 is at risk, 269 not met.
        var rule = new TargetRule(TargetRuleKind.AtLeast, 1200, null, null, false, true) { Warning = 1080 };
        var judged = Judge(rule, 280);
        Assert.Equal(Status.AtRisk, judged.Status);
        Assert.Equal(300m, judged.Target.Level);
        Assert.Equal(270m, judged.Target.Warning);
        Assert.Equal(Status.NotMet, Judge(rule, 269).Status);
    }

    [Fact]
    public void Budget_LevelOfThePeriodItselfIsNotPhased_TheYearsIs()
    {
        var rule = new TargetRule(TargetRuleKind.AtLeast, null, null, null, false, true) { FromBudget = true };
        var goal = GoalWith(rule);
        var own = TargetJudge.Judge(goal, March, new Quantity(100m, null), null, new DatasetLevel(100, ForYear: false));
        Assert.Equal((Status.Met, 100m, false, "budget"), (own.Status, own.Target.Level, own.Target.Phased, own.Target.Source));
        // The year's 1200 for March: 1200 × 3/12 = 300.
        var year = TargetJudge.Judge(goal, March, new Quantity(100m, null), null, new DatasetLevel(1200, ForYear: true));
        Assert.Equal((Status.NotMet, 300m, 1200m, true), (year.Status, year.Target.Level, year.Target.AnnualLevel, year.Target.Phased));
        Assert.Equal(Status.NoTarget, TargetJudge.Judge(goal, March, new Quantity(100m, null), null, (DatasetLevel?)null).Status);
    }
}
