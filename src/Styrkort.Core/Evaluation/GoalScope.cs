using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Evaluation;

/// <summary>The units a goal is followed in: those its <c>units:</c> names and everything below them (unless <c>subunits: false</c>).</summary>
public static class GoalScope
{
    /// <summary>The units the goal is followed in; null when it is followed in every unit.</summary>
    public static IReadOnlySet<string>? Units(GoalFile file, Goal goal, Warehouse.IWarehouse warehouse)
    {
        if (goal.Units.Count == 0) return null;
        var known = warehouse.UnitIds();
        var followed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in goal.Units)
        {
            if (!known.Contains(unit.Id))
                throw new StyrkortException(unit.Location, $"goal '{goal.Id}' is followed in unit '{unit.Id}', which the imported unit tree does not hold" +
                                                           Known(known));
            if (goal.Subunits) followed.UnionWith(warehouse.Subtree(unit.Id));
            else followed.Add(unit.Id);
        }
        return followed;
    }

    /// <summary>Whether the goal is followed in the unit, given each unit's ancestors (itself included).</summary>
    public static bool Follows(Goal goal, string unit, Func<string, string, bool> isWithin) =>
        goal.Units.Count == 0 || goal.Units.Any(u => goal.Subunits ? isWithin(unit, u.Id) : unit == u.Id);

    private static string Known(IReadOnlySet<string> units) =>
        units.Count == 0 ? "" : "; units: " + string.Join(", ", units.Order(StringComparer.Ordinal).Take(20)) + (units.Count > 20 ? ", …" : "");
}
