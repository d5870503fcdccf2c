namespace Styrkort.Samples.Smb.Internal;

/// <summary>Progress in steps (one per file written) and the rows of each file.</summary>
internal sealed class RunState(IProgress<SmbProgress>? progress, int totalSteps, CancellationToken ct)
{
    private int _done;

    public Dictionary<string, long> RowsPerFile { get; } = new(StringComparer.Ordinal);

    public void Done(CsvWriter csv)
    {
        RowsPerFile[csv.FileName] = csv.Rows;
        Step(csv.FileName);
    }

    public void Step(string file)
    {
        _done++;
        progress?.Report(new SmbProgress(file, _done, totalSteps));
        ct.ThrowIfCancellationRequested();
    }
}
