using Styrkort.Core.Evaluation;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Goals;

namespace Styrkort.Core.Tests.Safety;

/// <summary>
/// Periods name the years 1900–2199. <c>9999-Q4</c> made TryParse itself throw (its constructor stopped at 2999), and
/// <c>1900-Q1</c> had no previous quarter for the trend (1899 could not be constructed): both gave a 500.
/// </summary>
public sealed class PeriodRangeTests
{
    [Theory]
    [InlineData("9999-Q4")]
    [InlineData("3000")]
    [InlineData("2200-01")]
    [InlineData("1899-Q4")]
    [InlineData("0000")]
    public void TryParse_OutsideTheRange_IsFalse_NeverAnException(string text)
    {
        Assert.False(Period.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => Period.Parse(text));
        Assert.Contains($"of the years {Limits.FirstYear}–{Limits.LastYear}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1900-Q1", "1899-Q4")]
    [InlineData("1900-01", "1899-12")]
    [InlineData("1900", "1899")]
    [InlineData("2199-Q4", "2199-Q3")]
    public void Parse_AtTheEdges_HasAPreviousPeriod(string text, string previous)
    {
        var period = Period.Parse(text);
        Assert.Equal(text, period.ToString());
        Assert.Equal(previous, period.Previous().ToString());
        var history = period;
        for (var i = 0; i < 40; i++) history = history.Previous(); // ten years of quarters back, as the report goes
    }

    [Theory]
    [InlineData("1900-Q1")]
    [InlineData("2199-Q4")]
    [InlineData("1900")]
    public void Evaluate_AtTheEdgesOfTheRange_GivesNoDataCleanly(string text)
    {
        using var data = new AlmiData();
        var result = data.Evaluate(text);
        Assert.Equal(12 * 3, result.Evaluation.Outcomes.Count);
        Assert.All(result.Evaluation.Outcomes, o => Assert.True(o.Value is null || o.Value.Value.AsDouble == 0, $"{o.Goal}/{o.Unit}"));
        Assert.Contains(result.Evaluation.Outcomes, o => o.Status == Status.NoData);
    }
}
