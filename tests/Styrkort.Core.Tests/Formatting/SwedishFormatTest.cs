using Styrkort.Core.Formatting;
using Styrkort.Core.Presentation;

namespace Styrkort.Core.Tests.Formatting;

using Language = Styrkort.Core.Presentation.Language;

/// <summary>
/// What SwedishFormat adds to <see cref="Figures"/>: Swedish when no language is given. The formatting itself
/// (decimals, suffixes, close calls, exact levels) is pinned once, in FiguresTest.
/// </summary>
public sealed class SwedishFormatTest
{
    [Fact]
    public void WithoutALanguage_FormatsAsFiguresDoInSwedish()
    {
        Assert.Equal(Figures.Value(83.54, "percent", Language.Sv), SwedishFormat.Value(83.54, "percent"));
        Assert.Equal(Figures.Beside(4.04, [2.0, 4.0], "percent", Language.Sv), SwedishFormat.Beside(4.04, [2.0, 4.0], "percent"));
        Assert.Equal(Figures.Exact(55.75m, "percent", Language.Sv), SwedishFormat.Exact(55.75m, "percent"));
        Assert.Equal("1\u00a0234,5", 1234.5.ToString("N1", SwedishFormat.Numbers));
    }

    [Fact]
    public void WithALanguage_FormatsInIt() =>
        Assert.Equal(Figures.Value(42.04, "days", Language.En), SwedishFormat.Value(42.04, "days", Language.En));
}
