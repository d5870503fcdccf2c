namespace Styrkort.Samples.Almi.Internal;

/// <summary>Progress in steps (one per company, one per activity month, one per later file) and the rows written.</summary>
internal sealed class RunState(IProgress<GenerationProgress>? progress, long totalSteps)
{
    private long _done;

    public Dictionary<string, long> RowsPerFile { get; } = new(StringComparer.Ordinal);

    public void Advance(string file, long steps)
    {
        _done += steps;
        progress?.Report(new GenerationProgress(file, _done, totalSteps));
    }

    public void Rows(CsvWriter csv) => RowsPerFile[csv.FileName] = csv.Rows;
}
