using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Styrkort.Core.Diagnostics;

namespace Styrkort.Web.Jobs;

/// <summary>
/// Runs the queued jobs one at a time, each in a scope of its own. A job stops when it is cancelled or the application
/// stops; a request waiting for it going away does not stop it (it is queued work, not the request's).
/// </summary>
public sealed class JobRunner(JobQueue queue, IServiceScopeFactory scopes, ILogger<JobRunner> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.WhenAll(RunLaneAsync(queue.Reader, stoppingToken), RunLaneAsync(queue.ReadingReader, stoppingToken));
    }

    private async Task RunLaneAsync(System.Threading.Channels.ChannelReader<Job> lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in lane.ReadAllAsync(stoppingToken))
                await RunAsync(job, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // What never started is told so, rather than left waiting.
        while (lane.TryRead(out var left)) Close(left, JobState.Cancelled, ["the application stopped before the job ran"]);
    }

    private async Task RunAsync(Job job, CancellationToken stopping)
    {
        if (job.Cancellation.IsCancellationRequested)
        {
            Close(job, JobState.Cancelled, []);
            return;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, job.Cancellation.Token);
        job.Start();
        log.LogInformation("job {Id} ({Kind}) by {Owner} started: {Subject}", job.Id, job.Kind, job.Owner, job.Subject);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // The work is synchronous database and file work: off the runner's own thread, so stopping is never blocked on it.
            await Task.Run(() => job.Work(new JobContext(job, scope.ServiceProvider, linked.Token)), CancellationToken.None);
            Close(job, JobState.Succeeded, []);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            Close(job, JobState.Cancelled, [stopping.IsCancellationRequested ? "the application stopped; nothing was changed" : "cancelled; nothing was changed"]);
        }
        catch (InputErrorsException e)
        {
            Close(job, JobState.Failed, e.Errors.Select(x => x.ToString()).ToList(), e.Errors);
        }
        catch (StyrkortException e)
        {
            Close(job, JobState.Failed, [e.Message]);
        }
        catch (InvalidDataException e)
        {
            Close(job, JobState.Failed, [e.Message]);
        }
        catch (Exception e)
        {
            log.LogError(e, "job {Id} ({Kind}) failed", job.Id, job.Kind);
            Close(job, JobState.Failed, ["an unexpected error; nothing was changed (see the server log)"]);
        }
    }

    private void Close(Job job, JobState state, IReadOnlyList<string> errors, IReadOnlyList<InputError>? inputErrors = null)
    {
        foreach (var cleanup in job.Cleanups)
            try { cleanup(); }
            catch (IOException e) { log.LogWarning(e, "job {Id}: cleaning up", job.Id); }
        job.Finish(state, queue.Now, errors, inputErrors);
        if (job.Kind != "drain") log.LogInformation("job {Id} ({Kind}) {State}", job.Id, job.Kind, state);
    }
}
