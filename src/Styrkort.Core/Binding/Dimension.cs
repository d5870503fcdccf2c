using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Binding;

/// <summary>
/// A breakdown dimension: a column (<c>loans.phase</c>, <c>companies.region</c>) that the rows a metric aggregates
/// reach along 'references' — the dataset itself, or a dataset it (or one it references) points at.
/// </summary>
public sealed record Dimension(Dataset Dataset, Column Column)
{
    public string Text => $"{Dataset.Name}.{Column.Name}";

    /// <summary>The many-to-one hops from <paramref name="from"/> to the dimension's dataset (none when it is that dataset); null when out of reach.</summary>
    public IReadOnlyList<(Column Via, Dataset Target)>? PathFrom(Dataset from, IReadOnlyDictionary<string, Dataset>? datasets = null)
    {
        datasets ??= Datasets;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { from.Name };
        var queue = new Queue<(Dataset At, List<(Column, Dataset)> Path)>();
        queue.Enqueue((from, []));
        while (queue.Count > 0)
        {
            var (at, path) = queue.Dequeue();
            if (at.Name.Equals(Dataset.Name, StringComparison.OrdinalIgnoreCase)) return path;
            if (path.Count >= MaxHops) continue;
            foreach (var column in at.Columns.Where(c => c.References is not null))
                if (datasets.TryGetValue(column.References!, out var target) && seen.Add(target.Name))
                    queue.Enqueue((target, [.. path, (column, target)]));
        }
        return null;
    }

    /// <summary>References are followed at most this far: far enough for any goal file we know, and the joins stay few.</summary>
    public const int MaxHops = 4;

    /// <summary>The goal file's datasets, for following references; set when the dimension is resolved.</summary>
    public IReadOnlyDictionary<string, Dataset> Datasets { get; init; } = new Dictionary<string, Dataset>();

    /// <summary>'dataset.column' in the goal file, or an explanation of why not.</summary>
    public static Dimension? Resolve(GoalFile file, string text, out string? error)
    {
        error = null;
        var parts = text.Split('.');
        if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            error = $"a breakdown is a column written dataset.column, found '{text}'";
            return null;
        }
        if (!file.Datasets.TryGetValue(parts[0], out var dataset))
        {
            error = $"breakdown '{text}': unknown dataset '{parts[0]}'; datasets: {string.Join(", ", file.Datasets.Keys)}";
            return null;
        }
        if (dataset.Find(parts[1]) is not { } column)
        {
            error = $"breakdown '{text}': dataset '{dataset.Name}' has no column '{parts[1]}'; its columns: {string.Join(", ", dataset.Columns.Select(c => c.Name))}";
            return null;
        }
        return new Dimension(dataset, column) { Datasets = file.Datasets };
    }
}
