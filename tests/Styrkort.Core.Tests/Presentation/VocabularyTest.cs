using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Presentation;

namespace Styrkort.Core.Tests.Presentation;

using Language = Styrkort.Core.Presentation.Language;

public sealed class VocabularyTest
{
    [Theory]
    [InlineData("sv", false)]
    [InlineData("en", true)]
    [InlineData("EN-gb", true)]
    [InlineData(null, false)]
    [InlineData("de", false)]
    public void Language_ParsesCodesWithSwedishAsTheDefault(string? code, bool english)
    {
        Assert.Equal(english, Language.Parse(code).IsEnglish);
        Assert.Equal(english ? "en" : "sv", Language.Parse(code).ToString());
    }

    [Fact]
    public void Language_DefaultIsSwedish() => Assert.Equal(Language.Sv, default(Language));

    [Fact]
    public void Language_TryParseAcceptsOnlyTheTwoLanguages()
    {
        Assert.True(Language.TryParse("EN", out var en) && en == Language.En);
        Assert.False(Language.TryParse("de", out _));
    }

    [Theory]
    [InlineData(Status.Met, "met", "Uppfyllt", "Met", "✓")]
    [InlineData(Status.NotMet, "not_met", "Ej uppfyllt", "Not met", "✗")]
    [InlineData(Status.AtRisk, "at_risk", "I riskzonen", "At risk", "!")]
    [InlineData(Status.NoData, "no_data", "Data saknas", "No data", "…")]
    [InlineData(Status.NoTarget, "no_target", "Målnivå saknas", "No target", "○")]
    public void Statuses_HaveAKeyANameInBothLanguagesAndASign(Status status, string key, string sv, string en, string icon)
    {
        Assert.Equal(key, Statuses.Key(status));
        Assert.True(Statuses.TryParse(key, out var back) && back == status);
        Assert.Equal(sv, Statuses.Name(status, Language.Sv));
        Assert.Equal(en, Statuses.Name(status, Language.En));
        Assert.Equal(icon, Statuses.Icon(status));
    }

    [Fact]
    public void Statuses_NameTheBandBesideTheStatus() =>
        Assert.Equal("Uppfyllt · Full bonus", Statuses.Name(Status.Met, new LocalizedText("Full bonus", "Full bonus"), Language.Sv));

    [Fact]
    public void Statuses_AreAllInTheSummaryOrder() => Assert.Equal(Enum.GetValues<Status>().Order(), Statuses.InOrder.Order());

    [Theory]
    [InlineData(TargetRuleKind.AtLeast, "at_least")]
    [InlineData(TargetRuleKind.AtMost, "at_most")]
    [InlineData(TargetRuleKind.Between, "between")]
    [InlineData(TargetRuleKind.Exactly, "exactly")]
    [InlineData(TargetRuleKind.AboveComparison, "above_comparison")]
    [InlineData(TargetRuleKind.BelowComparison, "below_comparison")]
    public void TargetRules_KeepTheirGoalFileAndJsonNames(TargetRuleKind kind, string key)
    {
        Assert.Equal(key, kind.Key());
        Assert.True(TargetRuleKinds.TryParse(key, out var back) && back == kind);
    }

    private static AppliedTarget Applied(TargetRuleKind rule, decimal? level = null, decimal? min = null, decimal? max = null) =>
        new(rule, "fixed", level, null, min, max, false);

    [Theory]
    [InlineData(TargetRuleKind.AtLeast, "sv", "≥\u00a080,0\u00a0%")]
    [InlineData(TargetRuleKind.AtMost, "sv", "≤\u00a080,0\u00a0%")]
    [InlineData(TargetRuleKind.Exactly, "en", "=\u00a080.0%")]
    [InlineData(TargetRuleKind.Between, "sv", "2,0\u00a0%\u20134,0\u00a0%")]
    [InlineData(TargetRuleKind.AboveComparison, "sv", "> jämförelse")]
    [InlineData(TargetRuleKind.BelowComparison, "en", "< comparison")]
    public void TargetText_AppliedForEveryRule(TargetRuleKind rule, string lang, string expected)
    {
        var target = rule == TargetRuleKind.Between ? Applied(rule, min: 2, max: 4) : Applied(rule, level: 80);
        Assert.Equal(expected, TargetText.Applied(target, FigureColumn.Of("percent", Language.Parse(lang), Array.Empty<FigureRow>())));
    }

    [Fact]
    public void TargetText_AppliedWithoutALevelIsADash() =>
        Assert.Equal("–", TargetText.Applied(Applied(TargetRuleKind.AtLeast), FigureColumn.Of("SEK", Language.Sv, Array.Empty<FigureRow>())));

    [Fact]
    public void TargetText_RuleStatesLevelsAsWritten()
    {
        var rule = new TargetRule(TargetRuleKind.AtLeast, 55.75m, null, null, false, true) { Warning = 52m };
        Assert.Equal("Minst 55,75\u00a0%, fördelad linjärt över året (nivå × kvartal / 4); i riskzonen från 52\u00a0%", TargetText.Rule(rule, "percent", Language.Sv));
        Assert.Equal("At least 55.75%, phased linearly over the year (level × quarter / 4); at risk from 52%", TargetText.Rule(rule, "percent", Language.En));
    }

    [Fact]
    public void TargetText_RuleForBoardBudgetBetweenAndComparison()
    {
        Assert.Equal("Högst den nivå enhetens styrelse beslutat för året", TargetText.Rule(new TargetRule(TargetRuleKind.AtMost, null, null, null, true, false), "SEK", Language.Sv));
        Assert.Equal("At least the budget for the unit and period", TargetText.Rule(new TargetRule(TargetRuleKind.AtLeast, null, null, null, false, false) { FromBudget = true }, "SEK", Language.En));
        Assert.Equal("Mellan 2 och 4,5, gränserna inräknade", TargetText.Rule(new TargetRule(TargetRuleKind.Between, null, 2, 4.5m, false, false), null, Language.Sv));
        Assert.Equal("Below the comparison group's value", TargetText.Rule(new TargetRule(TargetRuleKind.BelowComparison, null, null, null, false, false), null, Language.En));
        Assert.Equal("Exakt 3\u00a0dagar", TargetText.Rule(new TargetRule(TargetRuleKind.Exactly, 3, null, null, false, false), "days", Language.Sv));
    }

    [Fact]
    public void TargetText_RuleNamesBandsOnAchievementInPerCent()
    {
        var rule = new TargetRule(TargetRuleKind.AtLeast, 100, null, null, false, false)
        {
            Bands = [new Band(90, new LocalizedText("Delbonus", "Partial bonus")), new Band(null, new LocalizedText("Full bonus", "Full bonus"))],
        };
        Assert.Equal("Minst 100; nivåer: Delbonus < 90\u00a0%, Full bonus", TargetText.Rule(rule, null, Language.Sv));
    }

    [Fact]
    public void StatusCounts_InBothLanguages()
    {
        Assert.Equal("5 uppfyllda", Statuses.Count(Status.Met, 5, Language.Sv));
        Assert.Equal("1 without data", Statuses.Count(Status.NoData, 1, Language.En));
    }
}
