using Styrkort.Core.Presentation;
using Styrkort.Reports.Xlsx;

namespace Styrkort.Reports.Tests.Xlsx;

using Language = Styrkort.Core.Presentation.Language;

public sealed class NumberFormatsTest
{
    // Every unit in both languages, as exported workbooks have always carried them: the cell keeps the value and
    // shows the pages' decimals and unit (per cent as a number of per cent, so the sign is text, not Excel's %).
    [Theory]
    [InlineData("percent", "sv", "0.0\" %\"")]
    [InlineData("percent", "en", "0.0\"%\"")]
    [InlineData("SEK", "sv", "#,##0\" kr\"")]
    [InlineData("SEK", "en", "#,##0\" SEK\"")]
    [InlineData("count", "sv", "#,##0")]
    [InlineData("count", "en", "#,##0")]
    [InlineData("days", "sv", "#,##0.0\" dagar\"")]
    [InlineData("days", "en", "#,##0.0\" days\"")]
    [InlineData("times", "sv", "0.00\" ggr\"")]
    [InlineData("times", "en", "0.00\" times\"")]
    [InlineData(null, "sv", "#,##0.0")]
    [InlineData("furlongs", "en", "#,##0.0")]
    public void For_ShowsTheUnitsDecimalsAndSuffix(string? unit, string lang, string expected) =>
        Assert.Equal(expected, NumberFormats.For(unit, Language.Parse(lang)));
}
