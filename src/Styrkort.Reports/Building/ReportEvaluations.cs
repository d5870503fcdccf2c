using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Warehouse;

namespace Styrkort.Reports.Building;

/// <summary>
/// The outcomes a report needs: the report quarter, each goal's chart history and previous report, all evaluated in
/// one plan (a Q4 report with yearly charts needs about fourteen periods).
/// </summary>
internal sealed class ReportEvaluations
{
    private readonly Dictionary<(Period, string Goal, string Unit), Outcome> _outcomes = [];

    public required Evaluation Current { get; init; }
    public required UnitInfo Unit { get; init; }

    public Outcome? Find(Period period, string goal, string unit) => _outcomes.GetValueOrDefault((period, goal, unit));

    public static ReportEvaluations Run(
        GoalFile file, IWarehouse warehouse, Period quarter, IReadOnlyList<Goal> goals, string? unit,
        IReadOnlyDictionary<(string Goal, string Unit, int Year), decimal>? decidedLevels)
    {
        // The evaluator runs every goal of the file it is given: a copy holding only the report's goals spares the
        // others. Every period the report needs is evaluated in one plan, which computes what the periods share (a
        // year's comparison groups, a population in the same window) once.
        var subset = file with { Goals = goals.ToList() };
        var periods = new List<Period> { quarter };
        foreach (var goal in goals)
            foreach (var period in ReportCalendar.History(goal, quarter).Append(ReportCalendar.PreviousReport(goal, quarter)))
                if (!periods.Contains(period)) periods.Add(period);
        var evaluations = new Evaluator(subset, warehouse, decidedLevels).Evaluate(periods, unit, CancellationToken.None);
        var current = evaluations[0];
        var reportUnit = unit is null ? current.Units.First(u => u.Parent is null) : current.Units.First(u => u.Id == unit);
        var result = new ReportEvaluations { Current = current, Unit = reportUnit };
        foreach (var evaluation in evaluations) result.Add(evaluation);
        return result;
    }

    private void Add(Evaluation evaluation)
    {
        foreach (var o in evaluation.Outcomes) _outcomes[(evaluation.Period, o.Goal, o.Unit)] = o;
    }
}
