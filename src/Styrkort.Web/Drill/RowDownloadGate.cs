using Styrkort.Web.Hosting;

namespace Styrkort.Web.Drill;

/// <summary>
/// How many downloads of rows behind a number run at once (<see cref="WebLimits.MaxConcurrentRowDownloads"/>): a few
/// users asking for a million rows each must not take every reader connection, thread and gigabyte of temporary space
/// from the pages. One over the limit is refused at once, never queued.
/// </summary>
public sealed class RowDownloadGate(WebLimits limits)
{
    private readonly SemaphoreSlim _slots = new(limits.MaxConcurrentRowDownloads, Math.Max(1, limits.MaxConcurrentRowDownloads));

    public int Limit => limits.MaxConcurrentRowDownloads;

    /// <returns>A slot to dispose of when the download's file is written, or null when all are taken.</returns>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
