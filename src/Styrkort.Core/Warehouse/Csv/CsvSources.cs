using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Warehouse.Csv;

/// <summary>
/// The files an import reads, each in the form the loader reads: a file in any other format (<see cref="CsvSniffer"/>)
/// is rewritten as a plain copy in a scratch folder (<see cref="CsvNormaliser"/>), removed when the import is done.
/// Every engine's import goes through it, so the command line and the web app read the same files the same way.
/// </summary>
internal sealed class CsvSources : IDisposable
{
    private readonly string? _scratch;

    private CsvSources(Dictionary<string, string> paths, Dictionary<string, CsvFormat> formats, Dictionary<string, string> hashes, string? scratch)
    {
        Paths = paths;
        Formats = formats;
        OriginalHashes = hashes;
        _scratch = scratch;
    }

    /// <summary>What the loader reads, per dataset: the file itself, or its plain copy.</summary>
    public IReadOnlyDictionary<string, string> Paths { get; }

    /// <summary>Each present file's format, as detected (or as the caller said, for a file it had already rewritten).</summary>
    public IReadOnlyDictionary<string, CsvFormat> Formats { get; }

    /// <summary>The hash of each original that was copied: the history records the user's file, not the copy.</summary>
    public IReadOnlyDictionary<string, string> OriginalHashes { get; }

    /// <param name="sources">Where each dataset's file lies (<see cref="DataFolder.Sources"/>).</param>
    /// <param name="known">Formats already known, of files already in the plain form (an upload rewritten before it was queued).</param>
    public static CsvSources Prepare(GoalFile file, string folder, IReadOnlyDictionary<string, string> sources, IReadOnlyDictionary<string, CsvFormat>? known,
        CancellationToken cancellation)
    {
        var paths = new Dictionary<string, string>(sources, StringComparer.OrdinalIgnoreCase);
        var formats = new Dictionary<string, CsvFormat>(StringComparer.OrdinalIgnoreCase);
        var hashes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? scratch = null;
        try
        {
            foreach (var dataset in file.Datasets.Values)
            {
                var path = sources[dataset.Name];
                if (!File.Exists(path)) continue;
                cancellation.ThrowIfCancellationRequested();
                if (known?.GetValueOrDefault(dataset.Name) is { } given)
                {
                    formats[dataset.Name] = given;
                    continue;
                }
                var format = CsvSniffer.Detect(path);
                formats[dataset.Name] = format;
                if (format == CsvFormat.Plain) continue;
                scratch ??= Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "styrkort-csv-" + Guid.NewGuid().ToString("N"))).FullName;
                var copy = Path.Combine(scratch, dataset.Name + ".csv");
                hashes[dataset.Name] = CsvNormaliser.Normalise(path, copy, format, dataset, Path.Combine(folder, dataset.File));
                paths[dataset.Name] = copy;
            }
        }
        catch
        {
            Remove(scratch);
            throw;
        }
        return new CsvSources(paths, formats, hashes, scratch);
    }

    public void Dispose() => Remove(_scratch);

    private static void Remove(string? folder)
    {
        try
        {
            if (folder is not null && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A copy still open elsewhere is left to the system's temporary folder cleaning.
        }
    }
}
