using static Styrkort.Core.Tests.GoalFiles.GoalFileText;

namespace Styrkort.Core.Tests.Compilation;

/// <summary>
/// number(text) and left(text, n): codes that are numbers by convention (the regions 01–05 here, account numbers in
/// an SIE import). Regions of the eight companies: 01, 03, 04, 04, 02, 04, 05, 03; their org_nr (c1…c8) are no numbers.
/// </summary>
public sealed partial class MetricResultTest
{
    [Theory]
    [InlineData("sum(number(companies.region) from companies)", 26.0)]
    [InlineData("count(companies where number(companies.region) >= 4)", 4.0)]
    [InlineData("count(companies where number(companies.region) >= 2 and number(companies.region) <= 3)", 3.0)]
    [InlineData("count(companies where number(companies.org_nr) is empty)", 8.0)]
    [InlineData("count(companies where left(companies.region, 1) = '0')", 8.0)]
    [InlineData("sum(number(left(companies.region, 1)) from companies)", 0.0)]
    [InlineData("max(number(left(companies.region, 5)) from companies)", 5.0)]
    public void Language_TextToNumber(string formula, double expected) => Assert.Equal(expected, Ba(formula)!.Value, 9);

    [Fact]
    public void Language_ProductWithANumberIsNotCutToSixDecimals() =>
        // 1/7 is a double; times an exact 1.5 it stays one (0.2142857142857143, not 0.214286).
        Assert.Equal(1.5 / 7, Ba("(1 / 7) * 1.5")!.Value, 15);

    [Theory]
    [InlineData("count(companies where number(companies.region = '01') > 1)", "= '01'", "expected text in number(…), found a condition")]
    [InlineData("count(companies where left(companies.region, 1.5) = '0')", "1.5", "left(text, n) needs a whole number of characters")]
    [InlineData("count(companies where number(companies.region, 2) > 1)", "number", "number(text) takes one argument")]
    public void Language_TextToNumber_Errors(string formula, string marker, string phrase)
    {
        var yaml = $"metrics:\n  m: {formula}\n";
        Refused(yaml).At(Position(yaml, marker), phrase);
    }
}
