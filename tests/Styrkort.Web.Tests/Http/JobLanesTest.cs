using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// Long reading work (the insights) runs in a lane of its own: a write queued after it runs at once instead of waiting
/// for it, and writes still run one at a time in arrival order.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class JobLanesTest(DemoSite site)
{
    [Fact]
    public async Task AWriteQueuedAfterALongReadingJob_RunsWithoutWaitingForIt()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = site.Jobs.EnqueueReading("test-reading", "test", "a reading job held open", ctx => release.Task.WaitAsync(ctx.Cancellation))!;
        try
        {
            var order = new List<string>();
            var first = site.Jobs.Enqueue("test-write", "test", "first write", _ => { lock (order) order.Add("first"); return Task.CompletedTask; })!;
            var second = site.Jobs.Enqueue("test-write", "test", "second write", _ => { lock (order) order.Add("second"); return Task.CompletedTask; })!;

            await Task.WhenAll(first.Completion, second.Completion).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(reading.Finished);
            Assert.Equal(["first", "second"], order);
        }
        finally
        {
            release.SetResult();
        }
        await reading.Completion.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(reading.Finished);
    }
}
