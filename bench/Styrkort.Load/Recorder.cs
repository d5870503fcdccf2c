using System.Collections.Concurrent;
using System.Diagnostics;

namespace Styrkort.Load;

internal enum Page { Overview, Goal }

/// <summary>One page request: when it ran (stopwatch ticks) and how it ended.</summary>
internal readonly record struct Sample(Page Page, long Start, long End, bool Ok, string? Error)
{
    public double Milliseconds => (End - Start) * 1000.0 / Stopwatch.Frequency;
}

/// <summary>One import, from the POST to its end (the answer, or the finished job when the server answered 202).</summary>
internal sealed record ImportRun(long Start, long End, int Status, string Outcome)
{
    public double Seconds => (End - Start) / (double)Stopwatch.Frequency;
}

/// <summary>Collects every request; classified afterwards by whether it overlapped an import.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentQueue<Sample> _samples = new();
    private readonly ConcurrentQueue<ImportRun> _imports = new();
    private long _inFlightImportStart = -1;

    public IReadOnlyCollection<Sample> Samples => _samples;
    public IReadOnlyCollection<ImportRun> Imports => _imports;

    public void Add(Sample sample) => _samples.Enqueue(sample);

    public void ImportStarted(long start) => Interlocked.Exchange(ref _inFlightImportStart, start);

    public void ImportEnded(ImportRun run)
    {
        _imports.Enqueue(run);
        Interlocked.Exchange(ref _inFlightImportStart, -1);
    }

    /// <summary>An import still running when the load stopped counts up to <paramref name="now"/>.</summary>
    public IReadOnlyList<(long Start, long End)> ImportIntervals(long now)
    {
        var intervals = _imports.Select(i => (i.Start, i.End)).ToList();
        var open = Interlocked.Read(ref _inFlightImportStart);
        if (open >= 0) intervals.Add((open, now));
        return intervals;
    }

    public static bool Overlaps(Sample s, IReadOnlyList<(long Start, long End)> intervals) =>
        intervals.Any(i => s.Start < i.End && s.End > i.Start);
}
