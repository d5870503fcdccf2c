using Styrkort.Core.Formatting;

namespace Styrkort.Core.Tests.Formatting;

public sealed class SwedishFormatTest
{
    [Theory]
    [InlineData(83.54, "percent", "sv", "83,5\u00a0%")]
    [InlineData(1234567.4, "SEK", "sv", "1\u00a0234\u00a0567\u00a0kr")]
    [InlineData(1234, "count", "sv", "1\u00a0234")]
    [InlineData(42.04, "days", "sv", "42,0\u00a0dagar")]
    [InlineData(3.254, "times", "sv", "3,25\u00a0ggr")]
    [InlineData(-5.06, null, "sv", "−5,1")]
    [InlineData(83.54, "percent", "en", "83.5%")]
    [InlineData(42.04, "days", "en", "42.0\u00a0days")]
    public void Value_FollowsTheUnitAndLanguage(double value, string? unit, string lang, string expected) =>
        Assert.Equal(expected, SwedishFormat.Value(value, unit, Core.Presentation.Language.Parse(lang)));

    [Theory]
    [InlineData(4.04, new[] { 2.0, 4.0 }, "4,04\u00a0%")]
    [InlineData(3.96, new[] { 2.0, 4.0 }, "3,96\u00a0%")]
    [InlineData(4.0, new[] { 2.0, 4.0 }, "4,0\u00a0%")]
    [InlineData(29.51, new[] { 29.49 }, "29,51\u00a0%")]
    [InlineData(3.3, new[] { 2.0, 4.0 }, "3,3\u00a0%")]
    [InlineData(80.00001, new[] { 80.0 }, "80,00001\u00a0%")]
    public void Beside_AddsDecimalsOnlyWhereRoundingWouldHideTheDifference(double value, double[] levels, string expected) =>
        Assert.Equal(expected, SwedishFormat.Beside(value, levels, "percent"));

    // A decided level reads as decided: its own decimals, none added, none rounded away, trailing zeros dropped.
    [Theory]
    [InlineData("55.75", "percent", "sv", "55,75\u00a0%")]
    [InlineData("56", "percent", "sv", "56\u00a0%")]
    [InlineData("56.00", null, "sv", "56")]
    [InlineData("1234567.5", "SEK", "sv", "1\u00a0234\u00a0567,5\u00a0kr")]
    [InlineData("-3.25", null, "sv", "\u22123,25")]
    [InlineData("55.75", "percent", "en", "55.75%")]
    [InlineData("1234567.5", "SEK", "en", "1,234,567.5\u00a0SEK")]
    public void Exact_KeepsTheLevelsOwnDecimals(string value, string? unit, string lang, string expected) =>
        Assert.Equal(expected, SwedishFormat.Exact(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit, Core.Presentation.Language.Parse(lang)));
}
