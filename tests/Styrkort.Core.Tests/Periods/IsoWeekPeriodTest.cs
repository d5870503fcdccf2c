using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Goals;

namespace Styrkort.Core.Tests.Periods;

/// <summary>ISO 8601 weeks as periods: Monday to Sunday, numbered within their ISO week-year, which is the year in the text.</summary>
public sealed class IsoWeekPeriodTest
{
    [Theory]
    [InlineData("2026-W12", 2026, 12, "2026-03-16", "2026-03-22")]
    [InlineData("2026-W01", 2026, 1, "2025-12-29", "2026-01-04")]   // 1 January 2026 is a Thursday: its week is week 1
    [InlineData("2025-W01", 2025, 1, "2024-12-30", "2025-01-05")]
    [InlineData("2020-W53", 2020, 53, "2020-12-28", "2021-01-03")]  // 2020 began on a Wednesday and was a leap year
    [InlineData("2026-W53", 2026, 53, "2026-12-28", "2027-01-03")]  // 2026 begins on a Thursday
    [InlineData("2025-W52", 2025, 52, "2025-12-22", "2025-12-28")]
    [InlineData("2024-W09", 2024, 9, "2024-02-26", "2024-03-03")]   // across 29 February
    public void Parse_Week_MondayToSunday_RoundTrips(string text, int year, int week, string start, string end)
    {
        var period = Period.Parse(text);
        Assert.Equal(PeriodKind.Week, period.Kind);
        Assert.Equal((year, week), (period.Year, period.Index));
        Assert.Equal(start, period.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(end, period.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DayOfWeek.Monday, period.Start.DayOfWeek);
        Assert.Equal(text, period.ToString());
        Assert.Equal(period, Period.Parse(period.ToString()));
    }

    [Theory]
    [InlineData("2026-W00")]
    [InlineData("2026-W54")]
    [InlineData("2026-W5")]
    [InlineData("2026-W123")]
    [InlineData("2026-w12")]
    [InlineData("2026W12")]
    [InlineData("2026-W")]
    [InlineData("1899-W52")]
    [InlineData("2200-W01")]
    public void Parse_NotAWeek_IsRefused_WithTheFormatsListed(string text)
    {
        Assert.False(Period.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => Period.Parse(text));
        Assert.Equal($"'{text}' is not a period; expected a month (2026-03), a quarter (2026-Q1), a year (2026) or an ISO week (2026-W12), " +
                     $"of the years {Limits.FirstYear}–{Limits.LastYear}", error.Message);
    }

    [Theory]
    [InlineData("2025-W53", 2025)]
    [InlineData("2027-W53", 2027)]
    public void Parse_Week53OfAYearWith52_SaysSo(string text, int year)
    {
        Assert.False(Period.TryParse(text, out _));
        Assert.Equal($"'{text}' is not a period: the ISO year {year} has 52 weeks, not 53", Assert.Throws<FormatException>(() => Period.Parse(text)).Message);
    }

    [Theory]
    [InlineData("2026-W12", "2026-W11")]
    [InlineData("2026-W01", "2025-W52")]   // 2025 has 52 weeks
    [InlineData("2021-W01", "2020-W53")]   // 2020 has 53
    [InlineData("2027-W01", "2026-W53")]
    [InlineData("1900-W01", "1899-W52")]   // the trend reaches before the first year Parse accepts
    public void Previous_CrossesYearEnds_ToTheLastWeekOfThePreviousIsoYear(string text, string previous)
    {
        var week = Period.Parse(text);
        Assert.Equal(previous, week.Previous().ToString());
        Assert.Equal(week.Start.AddDays(-7), week.Previous().Start);
    }

    [Theory]
    [InlineData("2026-W12", 2026, 1, 3, 81, 365)]     // ends Sunday 22 March: day 31 + 28 + 22 = 81 of 365
    [InlineData("2026-W01", 2026, 1, 1, 4, 365)]      // 2025-12-29 – 2026-01-04: ends 4 January
    [InlineData("2020-W53", 2021, 1, 1, 3, 365)]      // ISO year 2020, but ends 3 January 2021
    [InlineData("2024-W52", 2024, 4, 12, 364, 366)]   // 2024-12-23 – 2024-12-29 in a leap year
    [InlineData("2026-W14", 2026, 2, 4, 95, 365)]     // 30 March – 5 April: ends in Q2, April
    public void CalendarReckoning_IsThatOfTheLastDay(string text, int endYear, int endQuarter, int endMonth, int days, int daysInYear)
    {
        var week = Period.Parse(text);
        Assert.Equal(endYear, week.EndYear);
        Assert.Equal(endQuarter, week.EndQuarter);
        Assert.Equal(endMonth, week.End.Month);
        Assert.Equal((days, daysInYear), week.YearFraction);
    }

    [Fact]
    public void Constructor_RefusesWeek53InAYearWith52()
    {
        Assert.Equal("2026-W53", new Period(PeriodKind.Week, 2026, 53).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Period(PeriodKind.Week, 2025, 53));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Period(PeriodKind.Week, 2026, 0));
    }

    [Fact]
    public void OtherKinds_AreUnchanged()
    {
        Assert.Equal(2026, Period.Parse("2026-Q2").EndYear);
        Assert.Equal((3, 12), Period.Parse("2026-03").YearFraction);
        Assert.Equal("2025-Q4", Period.Parse("2026-Q1").Previous().ToString());
    }

    [Theory]
    [InlineData("2026-W14", new[] { 1 }, true)]            // 31 March 2026 (Tuesday) falls in 30 March – 5 April
    [InlineData("2026-W13", new[] { 1 }, false)]           // 23–29 March
    [InlineData("2026-W14", new[] { 2, 3, 4 }, false)]
    [InlineData("2026-W27", new[] { 2 }, true)]            // 29 June – 5 July holds 30 June
    [InlineData("2026-W01", new[] { 4 }, true)]            // 29 December 2025 – 4 January 2026 holds 31 December 2025
    [InlineData("2020-W53", new[] { 4 }, true)]            // 28 December 2020 – 3 January 2021
    [InlineData("2026-W53", new[] { 4 }, true)]            // 28 December 2026 – 3 January 2027
    [InlineData("2026-W52", new[] { 4 }, false)]           // 21–27 December
    [InlineData("2026-W40", new[] { 3 }, true)]            // 28 September – 4 October holds 30 September
    public void Scheduled_AWeekIsABoardWeekWhenABoardQuarterEndsInIt(string text, int[] quarters, bool scheduled)
    {
        var goal = AlmiData.GoalFile.Goals[0] with { BoardQuarters = quarters.ToHashSet() };
        Assert.Equal(scheduled, TargetJudge.Scheduled(goal, Period.Parse(text)));
    }
}
