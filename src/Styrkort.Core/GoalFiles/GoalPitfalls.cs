using System.Globalization;
using Styrkort.Core.Diagnostics;

namespace Styrkort.Core.GoalFiles;

/// <summary>Something in a goal file that is allowed but likely a mistake: shown, never refused, never changes an evaluation.</summary>
public sealed record GoalFileWarning(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: warning: {Message}";
}

/// <summary>
/// The pitfalls of a goal structure (seed 003): a goal without owner, deadline or measurable target, more than five
/// strategic goals, more than five operational goals per owner in one quarter. They apply once a goal file uses
/// <c>serves:</c>: a file of goals followed side by side (no structure) is a KPI follow-up, for which owners and
/// deadlines are not asked, and twelve warnings per file would teach its users to read none.
/// </summary>
public static class GoalPitfalls
{
    /// <summary>Strategic goals, and operational goals per owner and quarter, beyond which focus is lost.</summary>
    public const int MostStrategic = 5, MostOperationalPerOwnerAndQuarter = 5;

    public static IReadOnlyList<GoalFileWarning> Of(GoalFile file)
    {
        var warnings = new List<GoalFileWarning>();
        if (!GoalStructure.UsesServes(file)) return warnings;
        foreach (var goal in file.Goals)
        {
            if (string.IsNullOrWhiteSpace(goal.Owner))
                warnings.Add(new(goal.Location, $"goal '{goal.Id}' has no owner; name the person or role who answers for it (owner: …)"));
            if (goal.Deadline is null)
                warnings.Add(new(goal.Location, $"goal '{goal.Id}' has no deadline; say by when it is to be met (deadline: 2026-12-31, or a period such as 2026-Q4)"));
            // "Better than last year" says which way, not how much: the seed's vague goal ("increase sales").
            if (goal.Target.NeedsComparison)
                warnings.Add(new(goal.Location, $"goal '{goal.Id}' has no measurable target: rule {Rule(goal.Target.Kind)} says which way, not how much; give a level (at_least, at_most, between, exactly)"));
        }

        var strategic = file.Goals.Where(g => GoalStructure.IsStrategic(file, g)).DistinctBy(g => g.Id).ToList();
        if (strategic.Count > MostStrategic)
            warnings.Add(new(strategic[MostStrategic].Location,
                $"goal '{strategic[MostStrategic].Id}' is strategic goal number {MostStrategic + 1} of {strategic.Count}; more than {MostStrategic} strategic goals take away focus (a strategy names 1–3)"));

        var load = file.Goals
            .Where(g => GoalStructure.IsOperational(g) && !string.IsNullOrWhiteSpace(g.Owner) && g.Deadline is not null)
            .GroupBy(g => (Owner: g.Owner!.Trim().ToUpperInvariant(), Quarter: Quarter(g.Deadline!.Value)));
        foreach (var group in load)
        {
            var goals = group.ToList();
            if (goals.Count <= MostOperationalPerOwnerAndQuarter) continue;
            var extra = goals[MostOperationalPerOwnerAndQuarter];
            warnings.Add(new(extra.Location, string.Create(CultureInfo.InvariantCulture,
                $"owner '{extra.Owner!.Trim()}' has {goals.Count} operational goals due in {group.Key.Quarter} ('{extra.Id}' is number {MostOperationalPerOwnerAndQuarter + 1}); more than {MostOperationalPerOwnerAndQuarter} per owner and quarter overload")));
        }
        return warnings.OrderBy(w => w.Location.Line).ThenBy(w => w.Location.Column).ToList();
    }

    private static string Quarter(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Year}-Q{(day.Month + 2) / 3}");

    private static string Rule(TargetRuleKind kind) => kind.Key();
}
