using System.Security.Cryptography;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Paths;

namespace Styrkort.Core.Warehouse;

/// <summary>
/// The folder an import reads, as every engine checks it before anything is loaded: the folder itself, where each
/// dataset's file lies, and that a dataset without a file already has a table. The messages are the engines' shared ones.
/// </summary>
internal static class DataFolder
{
    /// <summary>
    /// Where each dataset's file lies, links resolved, after checking that the folder exists and that every dataset has
    /// a file or a table; a file that leads outside the data folder (through a symbolic link) is refused before anything is read.
    /// </summary>
    public static Dictionary<string, string> Sources(GoalFile file, string folder, IReadOnlySet<string> existingTables)
    {
        if (!Directory.Exists(folder)) throw new StyrkortException(new SourceLocation(folder, 0, 0), "data folder not found");
        var sources = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var dataset in file.Datasets.Values)
        {
            // Dataset files are normalised when the goal file is read; a GoalFile built by hand is checked here too.
            if (!ContainedPath.TryNormalise(dataset.File, out var relative, out var problem))
                throw new StyrkortException(dataset.Location, $"dataset '{dataset.Name}': its file cannot be read: {problem}");
            sources[dataset.Name] = ContainedPath.Resolve(folder, relative)
                ?? throw new StyrkortException(dataset.Location,
                    $"dataset '{dataset.Name}': its file '{relative}' leads outside the data folder (through a symbolic link); nothing was imported");
        }
        // Name every missing file at once, rather than the first of them.
        var missing = file.Datasets.Values.Where(d => !existingTables.Contains(d.Name) && !File.Exists(sources[d.Name])).Select(d => d.File).ToList();
        if (missing.Count > 0)
            throw new StyrkortException(new SourceLocation(folder, 0, 0),
                $"no data yet for {missing.Count} dataset(s); the first import of a dataset needs its file: missing {string.Join(", ", missing)}");
        return sources;
    }

    /// <summary>The file's SHA-256, as the import history records it.</summary>
    public static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return System.Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
