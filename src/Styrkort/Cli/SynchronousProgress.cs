namespace Styrkort.Cli;

/// <summary>Reports on the caller's thread: Progress&lt;T&gt; posts to the thread pool, so its reports can arrive after the work is done.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
