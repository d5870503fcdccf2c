using Styrkort.Core.Diagnostics;

namespace Styrkort.Core.GoalFiles;

/// <summary>
/// Checks that every name a goal file uses outside formulas points at something it defines. Every error is reported;
/// a population that names what does not exist is left out of the file returned, so that binding its uses finds
/// nothing half-made, and a name that was left out while reading (<see cref="GoalFile.Skipped"/>) is not reported again.
/// </summary>
internal static class GoalFileChecker
{
    public static GoalFile Check(GoalFile file, List<StyrkortException> errors)
    {
        var skipped = file.Skipped;
        bool Known(string name) => !skipped.Contains(name) && !skipped.Contains(GoalFileReader.Everything);
        void Try(Action check)
        {
            try { check(); }
            catch (StyrkortException e) { errors.Add(e); }
        }
        // Null (and nothing reported) when the dataset is unknown because it was left out.
        Dataset? Dataset(string name, SourceLocation at, string user) =>
            file.Datasets.TryGetValue(name, out var d)
                ? d
                : Known(name)
                    ? throw new StyrkortException(at, $"{user} names unknown dataset '{name}'; datasets: {string.Join(", ", file.Datasets.Keys)}")
                    : null;

        var units = file.Units;
        Try(() =>
        {
            if (Dataset(units.Dataset, units.Location, "the unit tree") is not { } unitData) return;
            foreach (var column in new[] { units.Id, units.Parent, units.Name, units.Regions }.OfType<string>())
                RequireColumn(unitData, column, units.Location);
        });

        foreach (var dataset in file.Datasets.Values)
            foreach (var column in dataset.Columns.Where(c => c.References is not null))
                Try(() =>
                {
                    var target = Dataset(column.References!, column.Location, $"column '{dataset.Name}.{column.Name}'");
                    if (target is not null && target.Key.Count != 1)
                        throw new StyrkortException(column.Location, $"'{column.References}' can be referenced only if its key is one column");
                });

        var populations = new Dictionary<string, Population>(StringComparer.OrdinalIgnoreCase);
        var left = new HashSet<string>(skipped, StringComparer.OrdinalIgnoreCase);
        foreach (var population in file.Populations.Values)
        {
            var found = errors.Count;
            var sound = true;
            Try(() =>
            {
                var entity = Dataset(population.Entity, population.Location, $"population '{population.Name}'");
                if (entity is null)
                {
                    sound = false;
                    return;
                }
                if (entity.Key.Count != 1)
                    throw new StyrkortException(population.Location, $"the entity dataset '{entity.Name}' of population '{population.Name}' needs a one-column key");
                if (population.RegionColumn is { } region) RequireColumn(entity, region, population.Location);
                foreach (var member in population.Members)
                {
                    if (Dataset(member.Dataset, member.Location, $"population '{population.Name}'") is not { } data)
                    {
                        sound = false;
                        return;
                    }
                    RequireColumn(data, member.Time, member.Location);
                    if (data.UnitColumn is null)
                        throw new StyrkortException(member.Location, $"member dataset '{data.Name}' needs a unit column to say whose customers they are");
                    if (!data.Columns.Any(c => string.Equals(c.References, entity.Name, StringComparison.OrdinalIgnoreCase)))
                        throw new StyrkortException(member.Location, $"member dataset '{data.Name}' has no column with 'references: {entity.Name}'");
                    foreach (var column in population.MemberColumns) RequireColumn(data, column, member.Location);
                }
            });
            if (sound && errors.Count == found) populations.Add(population.Name, population);
            else left.Add(population.Name);
        }

        if (file.TargetLevels is { } levels)
            Try(() =>
            {
                if (Dataset(levels.Dataset, levels.Location, "target_levels") is not { } data) return;
                foreach (var column in new[] { levels.Goal, levels.Unit, levels.Year, levels.Period, levels.Level }.OfType<string>()) RequireColumn(data, column, levels.Location);
            });

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var goal in file.Goals)
        {
            if (!ids.Add(goal.Id)) errors.Add(new StyrkortException(goal.Location, $"goal id '{goal.Id}' is used twice"));
            if (!file.Metrics.ContainsKey(goal.Metric) && Known(goal.Metric))
                errors.Add(new StyrkortException(goal.Location, $"goal '{goal.Id}': unknown metric '{goal.Metric}'; defined metrics: {string.Join(", ", file.Metrics.Keys)}"));
            if (goal.Comparison is { } c && !file.Metrics.ContainsKey(c) && Known(c))
                errors.Add(new StyrkortException(goal.Location, $"goal '{goal.Id}': unknown comparison metric '{c}'"));
            if (goal.Target.NeedsComparison && goal.Comparison is null)
                errors.Add(new StyrkortException(goal.Location, $"goal '{goal.Id}': rule {goal.Target.Kind} needs 'comparison', a metric"));
            if (file.Areas.Count > 0 && file.Areas.All(a => a.Id != goal.Area) && Known(goal.Area))
                errors.Add(new StyrkortException(goal.Location, $"goal '{goal.Id}': unknown area '{goal.Area}'; areas: {string.Join(", ", file.Areas.Select(a => a.Id))}"));
            if (goal.Target.FromBoard && file.TargetLevels is null && Known("target_levels:"))
                errors.Add(new StyrkortException(goal.Location, $"goal '{goal.Id}' takes its level from the board, but the goal file has no 'target_levels' section"));
            if (goal.Target.FromBudget && file.TargetLevels is null && Known("target_levels:"))
                errors.Add(new StyrkortException(goal.Location, $"goal '{goal.Id}' takes its level from the budget ('level: budget'), but the goal file has no 'target_levels' section"));
        }
        GoalStructure.Check(file, Known, errors);

        return populations.Count == file.Populations.Count ? file : file with { Populations = populations, Skipped = left };
    }

    private static void RequireColumn(Dataset dataset, string column, SourceLocation at)
    {
        if (dataset.Find(column) is null)
            throw new StyrkortException(at, $"dataset '{dataset.Name}' has no column '{column}'; its columns: {string.Join(", ", dataset.Columns.Select(c => c.Name))}");
    }
}
