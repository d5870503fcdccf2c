using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Reports.Building;

/// <summary>Which quarters a goal's section looks back at: its chart's history and the board's previous look at it.</summary>
internal static class ReportCalendar
{
    public const int HistoryLength = 8;

    /// <summary>
    /// A goal the board sees only in Q4 is followed year by year: its metrics move once a year (fiscal years, a yearly
    /// survey), so quarterly points would only repeat themselves. Its chart shows years, each as its fourth quarter.
    /// </summary>
    public static bool IsYearly(Goal goal) => goal.BoardQuarters.Count == 1 && goal.BoardQuarters.Contains(4);

    /// <summary>The chart's periods, oldest first, ending with the report quarter.</summary>
    public static IReadOnlyList<Period> History(Goal goal, Period quarter)
    {
        var periods = new List<Period>(HistoryLength);
        var step = IsYearly(goal) ? 4 : 1;
        var p = quarter;
        for (var i = 0; i < HistoryLength; i++)
        {
            periods.Add(p);
            for (var s = 0; s < step; s++) p = p.Previous();
        }
        periods.Reverse();
        return periods;
    }

    /// <summary>
    /// The latest quarter before <paramref name="quarter"/> in which the board saw the goal — a goal of the report is
    /// scheduled, so that is at most a year back — the same look back as "Vad förändrades" compares with.
    /// </summary>
    public static Period PreviousReport(Goal goal, Period quarter) => BoardCalendar.PreviousLook(goal, quarter) ?? quarter.Previous();
}
