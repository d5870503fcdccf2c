using Styrkort.Core.Diagnostics;

namespace Styrkort.Core.GoalFiles;

/// <summary>
/// Which goal serves which (<c>serves:</c>): an operational goal serves a strategic one. A goal is operational when it
/// serves another, strategic when another serves it; a goal file that uses no <c>serves:</c> has no structure.
/// </summary>
public static class GoalStructure
{
    /// <summary>The goals that serve <paramref name="goal"/>, in file order.</summary>
    public static IReadOnlyList<Goal> ServedBy(GoalFile file, string goal) =>
        file.Goals.Where(g => g.Serves?.Id == goal).ToList();

    /// <summary>The goal <paramref name="goal"/> serves, when it names one that exists.</summary>
    public static Goal? Served(GoalFile file, Goal goal) =>
        goal.Serves is { } s ? file.Goals.FirstOrDefault(g => g.Id == s.Id) : null;

    public static bool UsesServes(GoalFile file) => file.Goals.Any(g => g.Serves is not null);

    public static bool IsOperational(Goal goal) => goal.Serves is not null;

    public static bool IsStrategic(GoalFile file, Goal goal) => file.Goals.Any(g => g.Serves?.Id == goal.Id);

    /// <summary>
    /// The goals as a tree, for an overview or a report: each goal that serves no goal of the file (a root), in file
    /// order, followed at once by the goals that serve it, depth first. Every goal appears once, with its depth.
    /// </summary>
    public static IReadOnlyList<(Goal Goal, int Depth)> Tree(GoalFile file)
    {
        var result = new List<(Goal, int)>();
        var placed = new HashSet<Goal>(ReferenceEqualityComparer.Instance);
        void Place(Goal goal, int depth)
        {
            if (!placed.Add(goal)) return;
            result.Add((goal, depth));
            foreach (var child in ServedBy(file, goal.Id)) Place(child, depth + 1);
        }
        foreach (var goal in file.Goals.Where(g => Served(file, g) is null)) Place(goal, 0);
        // A cycle (refused by the checker) has no root: its goals still appear, at the top.
        foreach (var goal in file.Goals) Place(goal, 0);
        return result;
    }

    /// <summary>An unknown goal served, a goal serving itself and goals serving each other in a circle: each an error, where the 'serves' is.</summary>
    internal static void Check(GoalFile file, Func<string, bool> known, List<StyrkortException> errors)
    {
        var byId = new Dictionary<string, Goal>(StringComparer.Ordinal);
        foreach (var goal in file.Goals) byId.TryAdd(goal.Id, goal);
        foreach (var goal in file.Goals)
        {
            if (goal.Serves is not { } serves) continue;
            if (serves.Id == goal.Id)
                errors.Add(new StyrkortException(serves.Location, $"goal '{goal.Id}' serves itself; 'serves' names the strategic goal this goal contributes to"));
            else if (!byId.ContainsKey(serves.Id) && known(serves.Id))
                errors.Add(new StyrkortException(serves.Location, $"goal '{goal.Id}' serves unknown goal '{serves.Id}'; goals: {string.Join(", ", byId.Keys)}"));
        }

        // Each circle once, where the 'serves' of its goal that comes first in the file is.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in file.Goals)
        {
            var path = new List<Goal>();
            var at = start;
            while (at.Serves is { } s && s.Id != at.Id && byId.TryGetValue(s.Id, out var next) && !path.Contains(at))
            {
                path.Add(at);
                at = next;
            }
            var circle = path.IndexOf(at) is var i and >= 0 ? path[i..] : null;
            if (circle is null || circle.Count < 2 || circle[0] != start || circle.Any(g => reported.Contains(g.Id))) continue;
            foreach (var g in circle) reported.Add(g.Id);
            errors.Add(new StyrkortException(start.Serves!.Location,
                $"goals serve each other in a circle: {string.Join(" → ", circle.Append(start).Select(g => g.Id))}; an operational goal serves a strategic goal, which serves none of them"));
        }
    }
}
