using System.Collections.Concurrent;
using Styrkort.Samples.Almi.Tests;

namespace Styrkort.Samples.Smb.Tests;

/// <summary>One sample at the default seed, generated once (about two seconds) and shared by the tests that only read it.</summary>
public sealed class GeneratedSmbSample : IDisposable
{
    private readonly ConcurrentDictionary<string, CsvTable> _tables = new(StringComparer.Ordinal);

    public GeneratedSmbSample()
    {
        Directory = TempFolder.Create();
        Summary = SmbSampleGenerator.Write(Directory, new SmbSampleOptions());
    }

    public string Directory { get; }
    public SmbSummary Summary { get; }

    internal CsvTable Table(string file) => _tables.GetOrAdd(file, f => CsvTable.Read(Path.Combine(Directory, f)));

    /// <summary>The rows of a file as maps from column to cell.</summary>
    internal IEnumerable<Dictionary<string, string>> Rows(string file)
    {
        var table = Table(file);
        return table.Rows.Select(r => table.Header.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => x.Item2, StringComparer.Ordinal));
    }

    public void Dispose() => TempFolder.Delete(Directory);
}

internal static class TempFolder
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "styrkort-smb-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        if (System.IO.Directory.Exists(path)) System.IO.Directory.Delete(path, recursive: true);
    }
}

/// <summary>The tests that only read the sample share one generation.</summary>
[CollectionDefinition(Name)]
public sealed class GeneratedSmbSampleCollection : ICollectionFixture<GeneratedSmbSample>
{
    public const string Name = "generated smb sample";
}
