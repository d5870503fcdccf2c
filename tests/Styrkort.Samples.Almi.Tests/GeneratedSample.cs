using System.Collections.Concurrent;

namespace Styrkort.Samples.Almi.Tests;

/// <summary>One sample at the default size (20 000 companies), generated once and shared by the tests that only read it.</summary>
public sealed class GeneratedSample : IDisposable
{
    private readonly ConcurrentDictionary<string, CsvTable> _tables = new(StringComparer.Ordinal);

    public GeneratedSample()
    {
        Directory = TempFolder.Create();
        Options = new AlmiSampleOptions();
        Summary = AlmiSampleGenerator.Write(Directory, Options);
    }

    public string Directory { get; }
    public AlmiSampleOptions Options { get; }
    public GenerationSummary Summary { get; }

    internal CsvTable Table(string file) => _tables.GetOrAdd(file, f => CsvTable.Read(Path.Combine(Directory, f)));

    public void Dispose() => TempFolder.Delete(Directory);
}

internal static class TempFolder
{
    public static string Create()
    {
        string path = Path.Combine(Path.GetTempPath(), "styrkort-almi-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        if (System.IO.Directory.Exists(path))
            System.IO.Directory.Delete(path, recursive: true);
    }
}
