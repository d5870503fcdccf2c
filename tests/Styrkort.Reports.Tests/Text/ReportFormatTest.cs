using Language = Styrkort.Core.Presentation.Language;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Evaluation;

namespace Styrkort.Reports.Tests.Text;

public sealed class ReportFormatTest
{
    [Theory]
    [InlineData(83.456, "percent", "sv", "83,5\u00a0%")]
    [InlineData(83.456, "percent", "en", "83.5%")]
    [InlineData(40235.4, "SEK", "sv", "40\u00a0235\u00a0kr")]
    [InlineData(9_999_999, "SEK", "sv", "9\u00a0999\u00a0999\u00a0kr")]
    [InlineData(1_684_375_000, "SEK", "sv", "1\u00a0684,4\u00a0mnkr")]
    [InlineData(1_684_375_000, "SEK", "en", "1,684.4\u00a0MSEK")]
    [InlineData(5657, "count", "sv", "5\u00a0657")]
    [InlineData(-7.04, null, "sv", "\u22127,0")]
    public void Number_ByUnitAndLanguage(double value, string? unit, string lang, string expected) =>
        Assert.Equal(expected, ReportFormat.Number(value, unit, Language.Parse(lang)));

    [Theory]
    [InlineData(0.31, "percent", "sv", "+0,3\u00a0p.e.")]
    [InlineData(-0.31, "percent", "en", "\u22120.3\u00a0pp")]
    [InlineData(0.04, "percent", "sv", "±0,0\u00a0p.e.")]
    [InlineData(-868.2, "SEK", "sv", "\u2212868\u00a0kr")]
    [InlineData(864_465_000, "SEK", "sv", "+864,5\u00a0mnkr")]
    [InlineData(2927, "count", "sv", "+2\u00a0927")]
    public void Change_HasItsSign(double change, string unit, string lang, string expected) =>
        Assert.Equal(expected, ReportFormat.Change(new Quantity(null, change), unit, Language.Parse(lang)));

    [Fact]
    public void Missing_IsADash()
    {
        Assert.Equal("–", ReportFormat.Value((Quantity?)null, "percent", Language.Sv));
        Assert.Equal("–", ReportFormat.Change(null, "percent", Language.Sv));
    }

    [Fact]
    public void Target_AsItApplied()
    {
        Assert.Equal("2,0\u00a0%\u20134,0\u00a0%", ReportFormat.Target(new AppliedTarget(TargetRuleKind.Between, "fixed", null, null, 2, 4, false), "percent", Language.Sv));
        Assert.Equal("≥\u00a080,0\u00a0%", ReportFormat.Target(new AppliedTarget(TargetRuleKind.AtLeast, "fixed", 80, null, null, null, false), "percent", Language.Sv));
        Assert.Equal("> comparison", ReportFormat.Target(new AppliedTarget(TargetRuleKind.AboveComparison, "comparison", null, null, null, null, false), "percent", Language.En));
        Assert.Equal("–", ReportFormat.Target(new AppliedTarget(TargetRuleKind.AtMost, "board", null, null, null, null, false), "SEK", Language.Sv));
    }

    [Fact]
    public void Period_IsShort()
    {
        Assert.Equal("K2\u00a02026", ReportFormat.Period(Core.Periods.Period.Parse("2026-Q2"), Language.Sv));
        Assert.Equal("Q2\u00a02026", ReportFormat.Period(Core.Periods.Period.Parse("2026-Q2"), Language.En));
        Assert.Equal("2025", ReportFormat.Period(Core.Periods.Period.Parse("2025-Q4"), Language.Sv, yearly: true));
    }
}
