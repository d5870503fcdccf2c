using System.Diagnostics;
using System.Net;

namespace Styrkort.Load;

/// <summary>A signed-in reader: the overview, then a goal page, with a pause between pages, until told to stop.</summary>
internal sealed class VirtualUser(Session session, IReadOnlyList<string> goals, TimeSpan think, Recorder recorder, int seed)
{
    private readonly Random _random = new(seed);

    public async Task RunAsync(Func<bool> mayGoOn, CancellationToken cancel)
    {
        // Start at a random point of the pause, so that 50 users do not click in step.
        await PauseAsync(cancel);
        while (mayGoOn() && !cancel.IsCancellationRequested)
        {
            await RequestAsync(Page.Overview, "/", cancel);
            await PauseAsync(cancel);
            if (!mayGoOn()) break;
            await RequestAsync(Page.Goal, "/goals/" + Uri.EscapeDataString(goals[_random.Next(goals.Count)]), cancel);
            await PauseAsync(cancel);
        }
    }

    private async Task RequestAsync(Page page, string path, CancellationToken cancel)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await session.GetAsync(path, cancel);
            // A redirect here is to the login page: the session was lost, which is an error for a reader.
            var ok = response.StatusCode == HttpStatusCode.OK;
            recorder.Add(new Sample(page, start, Stopwatch.GetTimestamp(), ok, ok ? null : $"HTTP {(int)response.StatusCode}"));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
        {
            recorder.Add(new Sample(page, start, Stopwatch.GetTimestamp(), false, e is TaskCanceledException ? "timeout" : e.GetType().Name));
        }
    }

    private Task PauseAsync(CancellationToken cancel)
    {
        if (think <= TimeSpan.Zero) return Task.CompletedTask;
        var ms = think.TotalMilliseconds * (0.5 + _random.NextDouble());
        return Task.Delay(TimeSpan.FromMilliseconds(ms), cancel);
    }
}
