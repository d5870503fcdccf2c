using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Bench;

internal static class EngineValues
{
    /// <summary>The engine's outcomes as values by metric and unit: a goal's value is its metric's, its comparison its comparison metric's.</summary>
    public static MetricValues Of(GoalFile file, Evaluation evaluation)
    {
        var goals = file.Goals.ToDictionary(g => g.Id, StringComparer.Ordinal);
        var result = new MetricValues();
        foreach (var o in evaluation.Outcomes)
        {
            var goal = goals[o.Goal];
            result[(goal.Metric, o.Unit)] = o.Value?.AsDouble;
            if (goal.Comparison is { } comparison) result[(comparison, o.Unit)] = o.Comparison;
        }
        return result;
    }
}
