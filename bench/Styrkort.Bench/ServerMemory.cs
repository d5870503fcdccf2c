using System.Globalization;

namespace Styrkort.Bench;

/// <summary>
/// The peak memory of a PostgreSQL server while something runs, sampled every 100 ms from /proc: the private memory of
/// all its processes (RssAnon, summed) plus the shared buffers in use (the largest RssShmem of any one process, since
/// every process maps the same shared memory). A sampled peak: a spike shorter than 100 ms may be missed.
/// </summary>
internal sealed class ServerMemory : IDisposable
{
    private readonly Func<IReadOnlyList<int>> _processes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peak;

    public ServerMemory(Func<IReadOnlyList<int>> processes)
    {
        _processes = processes;
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, Sample());
                try { await Task.Delay(100, _stop.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }
            }
        });
    }

    /// <summary>Stops sampling and returns the peak in bytes.</summary>
    public long Peak()
    {
        _stop.Cancel();
        _sampler.Wait();
        return Math.Max(_peak, Sample());
    }

    private long Sample()
    {
        long anonymous = 0, shared = 0;
        foreach (var pid in _processes())
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                {
                    if (line.StartsWith("RssAnon:", StringComparison.Ordinal)) anonymous += Kilobytes(line);
                    else if (line.StartsWith("RssShmem:", StringComparison.Ordinal)) shared = Math.Max(shared, Kilobytes(line));
                }
            }
            catch (IOException)
            {
                // the process ended between listing and reading
            }
        }
        return (anonymous + shared) * 1024;
    }

    private static long Kilobytes(string line) =>
        long.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
