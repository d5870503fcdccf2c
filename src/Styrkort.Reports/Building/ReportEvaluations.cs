using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Warehouse;

namespace Styrkort.Reports.Building;

/// <summary>
/// The outcomes a report needs: the report quarter, each goal's chart history and previous report. Each period is
/// evaluated once, for only the goals that need it, so a Q4 report with yearly charts costs about fourteen evaluations.
/// </summary>
internal sealed class ReportEvaluations
{
    private readonly Dictionary<(Period, string Goal, string Unit), Outcome> _outcomes = [];

    public required Evaluation Current { get; init; }
    public required UnitInfo Unit { get; init; }

    public Outcome? Find(Period period, string goal, string unit) => _outcomes.GetValueOrDefault((period, goal, unit));

    public static ReportEvaluations Run(
        GoalFile file, Warehouse warehouse, Period quarter, IReadOnlyList<Goal> goals, string? unit,
        IReadOnlyDictionary<(string Goal, string Unit, int Year), decimal>? decidedLevels)
    {
        // The evaluator runs every goal of the file it is given; a copy holding only the goals a period needs spares
        // the other metrics' queries (the yearly goals' comparison groups are the dear ones).
        Evaluation Evaluate(Period period, IEnumerable<Goal> subset, string? subtree) =>
            new Evaluator(file with { Goals = subset.ToList() }, warehouse, decidedLevels).Evaluate(period, subtree);

        var current = Evaluate(quarter, goals, unit);
        var reportUnit = unit is null ? current.Units.First(u => u.Parent is null) : current.Units.First(u => u.Id == unit);
        var result = new ReportEvaluations { Current = current, Unit = reportUnit };
        result.Add(current);

        var needs = new Dictionary<Period, List<Goal>>();
        foreach (var goal in goals)
            foreach (var period in ReportCalendar.History(goal, quarter).Append(ReportCalendar.PreviousReport(goal, quarter)).Distinct())
                if (period != quarter)
                {
                    if (!needs.TryGetValue(period, out var list)) needs[period] = list = [];
                    list.Add(goal);
                }
        foreach (var (period, subset) in needs) result.Add(Evaluate(period, subset, reportUnit.Id));
        return result;
    }

    private void Add(Evaluation evaluation)
    {
        foreach (var o in evaluation.Outcomes) _outcomes[(evaluation.Period, o.Goal, o.Unit)] = o;
    }
}
