using Styrkort.Web.Pages;

namespace Styrkort.Web.Tests.Pages;

/// <summary>Levels are typed the Swedish way or the invariant way; anything else is refused, never guessed.</summary>
public sealed class TargetLevelTest
{
    [Theory]
    [InlineData("55", 55)]
    [InlineData("99,5", 99.5)]
    [InlineData("99.5", 99.5)]
    [InlineData("1 234 567,5", 1234567.5)]
    [InlineData("1\u00a0234\u00a0567", 1234567)]
    [InlineData("-3,25", -3.25)]
    public void ParseLevel_ReadsNumbers(string text, double expected) => Assert.Equal((decimal)expected, TargetsModel.ParseLevel(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("femtio")]
    [InlineData("1.234,5")]
    [InlineData("55 %")]
    public void ParseLevel_RefusesTheRest(string? text) => Assert.Null(TargetsModel.ParseLevel(text));
}
