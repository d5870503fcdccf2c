using Styrkort.Core.Diagnostics;

namespace Styrkort.Core.GoalFiles;

/// <summary>Checks that every name a goal file uses outside formulas points at something it defines.</summary>
internal static class GoalFileChecker
{
    public static void Check(GoalFile file)
    {
        var units = file.Units;
        var unitData = Dataset(file, units.Dataset, units.Location, "the unit tree");
        foreach (var column in new[] { units.Id, units.Parent, units.Name, units.Regions }.OfType<string>())
            RequireColumn(unitData, column, units.Location);

        foreach (var dataset in file.Datasets.Values)
            foreach (var column in dataset.Columns.Where(c => c.References is not null))
            {
                var target = Dataset(file, column.References!, column.Location, $"column '{dataset.Name}.{column.Name}'");
                if (target.Key.Count != 1)
                    throw new StyrkortException(column.Location, $"'{column.References}' can be referenced only if its key is one column");
            }

        foreach (var population in file.Populations.Values)
        {
            var entity = Dataset(file, population.Entity, population.Location, $"population '{population.Name}'");
            if (entity.Key.Count != 1)
                throw new StyrkortException(population.Location, $"the entity dataset '{entity.Name}' of population '{population.Name}' needs a one-column key");
            if (population.RegionColumn is { } region) RequireColumn(entity, region, population.Location);
            foreach (var member in population.Members)
            {
                var data = Dataset(file, member.Dataset, member.Location, $"population '{population.Name}'");
                RequireColumn(data, member.Time, member.Location);
                if (data.UnitColumn is null)
                    throw new StyrkortException(member.Location, $"member dataset '{data.Name}' needs a unit column to say whose customers they are");
                if (!data.Columns.Any(c => string.Equals(c.References, entity.Name, StringComparison.OrdinalIgnoreCase)))
                    throw new StyrkortException(member.Location, $"member dataset '{data.Name}' has no column with 'references: {entity.Name}'");
                foreach (var column in population.MemberColumns) RequireColumn(data, column, member.Location);
            }
        }

        if (file.TargetLevels is { } levels)
        {
            var data = Dataset(file, levels.Dataset, levels.Location, "target_levels");
            foreach (var column in new[] { levels.Goal, levels.Unit, levels.Year, levels.Period, levels.Level }.OfType<string>()) RequireColumn(data, column, levels.Location);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var goal in file.Goals)
        {
            if (!ids.Add(goal.Id)) throw new StyrkortException(goal.Location, $"goal id '{goal.Id}' is used twice");
            if (!file.Metrics.ContainsKey(goal.Metric))
                throw new StyrkortException(goal.Location, $"goal '{goal.Id}': unknown metric '{goal.Metric}'; defined metrics: {string.Join(", ", file.Metrics.Keys)}");
            if (goal.Comparison is { } c && !file.Metrics.ContainsKey(c))
                throw new StyrkortException(goal.Location, $"goal '{goal.Id}': unknown comparison metric '{c}'");
            if (goal.Target.NeedsComparison && goal.Comparison is null)
                throw new StyrkortException(goal.Location, $"goal '{goal.Id}': rule {goal.Target.Kind} needs 'comparison', a metric");
            if (file.Areas.Count > 0 && file.Areas.All(a => a.Id != goal.Area))
                throw new StyrkortException(goal.Location, $"goal '{goal.Id}': unknown area '{goal.Area}'; areas: {string.Join(", ", file.Areas.Select(a => a.Id))}");
            if (goal.Target.FromBoard && file.TargetLevels is null)
                throw new StyrkortException(goal.Location, $"goal '{goal.Id}' takes its level from the board, but the goal file has no 'target_levels' section");
            if (goal.Target.FromBudget && file.TargetLevels is null)
                throw new StyrkortException(goal.Location, $"goal '{goal.Id}' takes its level from the budget ('level: budget'), but the goal file has no 'target_levels' section");
        }
    }

    private static Dataset Dataset(GoalFile file, string name, SourceLocation at, string user) =>
        file.Datasets.TryGetValue(name, out var d)
            ? d
            : throw new StyrkortException(at, $"{user} names unknown dataset '{name}'; datasets: {string.Join(", ", file.Datasets.Keys)}");

    private static void RequireColumn(Dataset dataset, string column, SourceLocation at)
    {
        if (dataset.Find(column) is null)
            throw new StyrkortException(at, $"dataset '{dataset.Name}' has no column '{column}'; its columns: {string.Join(", ", dataset.Columns.Select(c => c.Name))}");
    }
}
