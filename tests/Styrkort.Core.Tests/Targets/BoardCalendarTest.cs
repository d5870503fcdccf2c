using Styrkort.Core.Evaluation;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Goals;

namespace Styrkort.Core.Tests.Targets;

/// <summary>When the board last saw a goal: the latest period of the same kind before, scheduled by its board quarters.</summary>
public sealed class BoardCalendarTest
{
    private static Period? Look(string period, params int[] quarters) =>
        BoardCalendar.PreviousLook(AlmiData.GoalFile.Goals[0] with { BoardQuarters = quarters.ToHashSet() }, Period.Parse(period));

    [Theory]
    [InlineData("2026-Q2", new[] { 1, 2, 3, 4 }, "2026-Q1")]   // every quarter: the quarter before
    [InlineData("2026-Q2", new[] { 2, 4 }, "2025-Q4")]
    [InlineData("2026-Q4", new[] { 2, 4 }, "2026-Q2")]
    [InlineData("2026-Q3", new[] { 2, 4 }, "2026-Q2")]         // the period itself need not be a board quarter
    [InlineData("2026-Q4", new[] { 4 }, "2025-Q4")]            // one board quarter: a year back
    [InlineData("2026-Q2", new[] { 4 }, "2025-Q4")]
    [InlineData("2026-Q1", new[] { 3 }, "2025-Q3")]
    public void PreviousLook_OfAQuarter_IsTheLatestBoardQuarterBefore(string period, int[] quarters, string expected) =>
        Assert.Equal(Period.Parse(expected), Look(period, quarters));

    [Theory]
    [InlineData("2026-05", new[] { 2, 4 }, "2025-12")]
    [InlineData("2026-07", new[] { 2, 4 }, "2026-06")]
    [InlineData("2026-03", new[] { 1, 2, 3, 4 }, "2025-12")]    // March is itself a board month; the one before is December
    [InlineData("2026-02", new[] { 1, 2, 3, 4 }, "2025-12")]
    [InlineData("2026-12", new[] { 4 }, "2025-12")]
    public void PreviousLook_OfAMonth_IsTheLatestMonthEndingABoardQuarter(string period, int[] quarters, string expected) =>
        Assert.Equal(Period.Parse(expected), Look(period, quarters));

    [Theory]
    [InlineData("2026-W12", new[] { 1, 2, 3, 4 }, "2026-W01")]  // 29 December 2025 – 4 January 2026 holds 31 December
    [InlineData("2026-W15", new[] { 1, 2, 3, 4 }, "2026-W14")]  // 30 March – 5 April holds 31 March
    [InlineData("2026-W14", new[] { 1, 2, 3, 4 }, "2026-W01")]
    [InlineData("2026-W12", new[] { 2 }, "2025-W27")]           // 30 June – 6 July 2025 holds 30 June
    public void PreviousLook_OfAWeek_IsTheLatestWeekInWhichABoardQuarterEnds(string period, int[] quarters, string expected) =>
        Assert.Equal(Period.Parse(expected), Look(period, quarters));

    [Fact]
    public void PreviousLook_OfAYear_IsTheYearBefore_OnlyWhenTheBoardSeesTheGoalInQ4()
    {
        Assert.Equal(Period.Parse("2025"), Look("2026", 2, 4));
        Assert.Equal(Period.Parse("2025"), Look("2026", 4));
        Assert.Null(Look("2026", 1, 2, 3));
    }

    [Fact]
    public void PreviousLook_OfAGoalTheBoardNeverSees_IsNone()
    {
        Assert.Null(Look("2026-Q2"));
        Assert.Null(Look("2026-05"));
        Assert.Null(Look("2026-W12"));
        Assert.Null(Look("2026"));
    }
}
