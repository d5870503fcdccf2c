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
    [InlineData(42.04, "days", "en", "42.0 days")]
    public void Value_FollowsTheUnitAndLanguage(double value, string? unit, string lang, string expected) =>
        Assert.Equal(expected, SwedishFormat.Value(value, unit, lang));
}
