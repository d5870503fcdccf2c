using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Presentation;

namespace Styrkort.Core.Tests.Presentation;

using Language = Styrkort.Core.Presentation.Language;

public sealed class FiguresTest
{
    private static readonly Language Sv = Language.Sv, En = Language.En;

    // Every measure in both languages: its decimals (rule 1) and its suffix, joined by a non-breaking space.
    [Theory]
    [InlineData(83.54, "percent", "sv", "83,5\u00a0%")]
    [InlineData(83.54, "percent", "en", "83.5%")]
    [InlineData(1234567.4, "SEK", "sv", "1\u00a0234\u00a0567\u00a0kr")]
    [InlineData(1234567.4, "SEK", "en", "1,234,567\u00a0SEK")]
    [InlineData(16843750.0, "SEK", "sv", "16,8\u00a0mnkr")]
    [InlineData(16843750.0, "SEK", "en", "16.8\u00a0MSEK")]
    [InlineData(1234, "count", "sv", "1\u00a0234")]
    [InlineData(1234, "count", "en", "1,234")]
    [InlineData(42.04, "days", "sv", "42,0\u00a0dagar")]
    [InlineData(42.04, "days", "en", "42.0\u00a0days")]
    [InlineData(3.254, "times", "sv", "3,25\u00a0ggr")]
    [InlineData(3.254, "times", "en", "3.25\u00a0times")]
    [InlineData(-5.06, null, "sv", "\u22125,1")]
    [InlineData(-5.06, null, "en", "\u22125.1")]
    public void Value_FollowsTheMeasureAndLanguage(double value, string? unit, string lang, string expected) =>
        Assert.Equal(expected, Figures.Value(value, unit, Language.Parse(lang)));

    [Fact]
    public void Value_MissingIsADash() => Assert.Equal("–", Figures.Value((double?)null, "percent", Sv));

    [Theory]
    [InlineData(null, Measure.Number)]
    [InlineData("percent", Measure.Percent)]
    [InlineData("SEK", Measure.Kronor)]
    [InlineData("count", Measure.Count)]
    [InlineData("days", Measure.Days)]
    [InlineData("times", Measure.Times)]
    [InlineData("furlongs", Measure.Number)]
    public void Measures_ReadTheGoalFilesUnit(string? unit, Measure expected) => Assert.Equal(expected, Measures.Of(unit));

    // Rule 2: a column shares its decimals — no "7,3773 %" next to "5,5 %".
    [Fact]
    public void Column_GivesEveryValueTheSameDecimals()
    {
        var column = FigureColumn.Of("percent", Sv, [new FigureRow(7.37731, [7.37739]), new FigureRow(5.5, [4.0])]);
        Assert.Equal("7,3773\u00a0%", column.Value(7.37731));
        Assert.Equal("5,5000\u00a0%", column.Value(5.5));
        Assert.Equal(column.Value(7.37731).Length, column.Value(5.5).Length);
    }

    [Fact]
    public void Column_WithoutCloseCalls_KeepsTheMeasuresDecimals()
    {
        var column = FigureColumn.Of("percent", Sv, [new FigureRow(7.31, [5.0]), new FigureRow(5.5, [4.0])]);
        Assert.Equal("7,3\u00a0%", column.Value(7.31));
        Assert.Equal("5,5\u00a0%", column.Value(5.5));
    }

    // Rule 3: a value never reads equal to a level it differs from, and its target is written in the same decimals.
    [Theory]
    [InlineData(4.04, new[] { 2.0, 4.0 }, "4,04\u00a0%")]
    [InlineData(3.96, new[] { 2.0, 4.0 }, "3,96\u00a0%")]
    [InlineData(4.0, new[] { 2.0, 4.0 }, "4,0\u00a0%")]
    [InlineData(29.51, new[] { 29.49 }, "29,51\u00a0%")]
    [InlineData(3.3, new[] { 2.0, 4.0 }, "3,3\u00a0%")]
    [InlineData(80.00001, new[] { 80.0 }, "80,00001\u00a0%")]
    public void Beside_AddsDecimalsOnlyWhereRoundingWouldHideTheDifference(double value, double[] levels, string expected) =>
        Assert.Equal(expected, Figures.Beside(value, levels, "percent", Sv));

    [Fact]
    public void Column_TargetUsesTheValuesDecimals()
    {
        var outcome = new Outcome("g", "u", new Quantity(null, 79.96), null, Status.NotMet, false,
            new AppliedTarget(TargetRuleKind.AtLeast, "fixed", 80, null, null, null, false));
        var column = FigureColumn.Of("percent", Sv, [outcome]);
        Assert.Equal("79,96\u00a0%", column.Value(outcome.Value));
        Assert.Equal("≥\u00a080,00\u00a0%", column.Target(outcome.Target));
    }

    // Kronor: one scale per column, chosen by the largest figure.
    [Fact]
    public void Column_InMillionsWhenItsLargestFigureIs()
    {
        var column = FigureColumn.Of("SEK", Sv, [new FigureRow(25_000_000, []), new FigureRow(960_000, [])]);
        Assert.True(column.Millions);
        Assert.Equal("25,0\u00a0mnkr", column.Value(25_000_000.0));
        Assert.Equal("1,0\u00a0mnkr", column.Value(960_000.0));
    }

    [Theory]
    [InlineData("55.75", "percent", "sv", "55,75\u00a0%")]
    [InlineData("56", "percent", "sv", "56\u00a0%")]
    [InlineData("56.00", null, "sv", "56")]
    [InlineData("1234567.5", "SEK", "sv", "1\u00a0234\u00a0567,5\u00a0kr")]
    [InlineData("-3.25", null, "sv", "\u22123,25")]
    [InlineData("55.75", "percent", "en", "55.75%")]
    [InlineData("1234567.5", "SEK", "en", "1,234,567.5\u00a0SEK")]
    public void Exact_KeepsTheLevelsOwnDecimals(string value, string? unit, string lang, string expected) =>
        Assert.Equal(expected, Figures.Exact(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit, Language.Parse(lang)));

    [Theory]
    [InlineData(0.31, "percent", "sv", "+0,3\u00a0p.e.")]
    [InlineData(-0.31, "percent", "en", "\u22120.3\u00a0pp")]
    [InlineData(0.04, "percent", "sv", "±0,0\u00a0p.e.")]
    [InlineData(864_465_000, "SEK", "sv", "+864,5\u00a0mnkr")]
    [InlineData(-2.5, "days", "en", "\u22122.5\u00a0days")]
    [InlineData(0.5, "times", "sv", "+0,50\u00a0ggr")]
    public void Change_HasItsSign(double change, string unit, string lang, string expected) =>
        Assert.Equal(expected, Figures.Change(change, unit, Language.Parse(lang)));

    [Theory]
    [InlineData(2.04, "percent", "en", "2.0\u00a0pp")]
    [InlineData(18_750_259, "SEK", "sv", "18,8\u00a0mnkr")]
    [InlineData(1.4, null, "sv", "1,4")]
    public void Distance_HasNoSign_AndPerCentIsInPercentagePoints(double distance, string? unit, string lang, string expected) =>
        Assert.Equal(expected, Figures.Distance(distance, unit, Language.Parse(lang)));

    [Fact]
    public void English_IsNotTheMachinesCulture() => Assert.Equal("1,234.5", Figures.Value(1234.5, null, En));
}
