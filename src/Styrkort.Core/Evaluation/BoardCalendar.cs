using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Evaluation;

/// <summary>When the board last saw a goal: its reporting calendar (<c>board: [Q2, Q4]</c>) read backwards.</summary>
public static class BoardCalendar
{
    /// <summary>How far back a previous look is searched: a goal the board has not seen for longer has none.</summary>
    public const int YearsBack = 3;

    /// <summary>
    /// The latest period of the same kind before <paramref name="period"/> that is scheduled for the goal, by the rules of
    /// <see cref="TargetJudge.Scheduled"/>: a quarter of its board quarters, a month that ends one, a week in which one
    /// ends, the year before when the board sees the goal in Q4. Null for a goal without board quarters, or with none
    /// within <see cref="YearsBack"/> years. The period itself need not be scheduled.
    /// </summary>
    public static Period? PreviousLook(Goal goal, Period period)
    {
        if (goal.BoardQuarters.Count == 0) return null;
        var earliest = period.Start.AddYears(-YearsBack);
        var p = period;
        while (true)
        {
            p = p.Previous();
            if (p.Start < earliest) return null;
            if (TargetJudge.Scheduled(goal, p)) return p;
        }
    }
}
