using System.Security.Claims;
using System.Threading.Channels;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;

namespace Styrkort.Web.Jobs;

public enum JobState { Queued, Running, Succeeded, Failed, Cancelled }

/// <summary>
/// One piece of writing work (an import, a goal-file version, a recompute) as the user follows it: its state, the step
/// it is at, and how it ended. Changed only by the queue; read by pages and the API at any time.
/// </summary>
public sealed class Job
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile JobState _state = JobState.Queued;
    private volatile string? _step;

    internal Job(string id, string kind, string owner, string subject, DateTime createdAtUtc, Func<JobContext, Task> work)
    {
        Id = id;
        Kind = kind;
        Owner = owner;
        Subject = subject;
        CreatedAtUtc = createdAtUtc;
        Work = work;
    }

    public string Id { get; }
    /// <summary><c>import</c>, <c>goalfile</c>, <c>recompute</c>.</summary>
    public string Kind { get; }
    /// <summary>The user name of who started it.</summary>
    public string Owner { get; }
    /// <summary>What it works on, in the user's words (the uploaded file names, a goal-file version).</summary>
    public string Subject { get; }
    public DateTime CreatedAtUtc { get; }
    public DateTime? FinishedAtUtc { get; private set; }
    public JobState State => _state;
    /// <summary>Where a running job is, e.g. "3 of 11: loans".</summary>
    public string? Step => _step;
    /// <summary>Why it failed, one line per problem, located by file, line and column where there is one.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];
    /// <summary>
    /// The located input errors behind <see cref="Errors"/> when the input was refused, so that a page can say each in
    /// its reader's language; <see cref="Errors"/> keeps their English (the API's answer).
    /// </summary>
    public IReadOnlyList<Core.Diagnostics.InputError> InputErrors { get; private set; } = [];
    /// <summary>What the import history recorded, when an import succeeded.</summary>
    public IReadOnlyList<Core.Warehouse.ImportRecord> Batches { get; internal set; } = [];
    /// <summary>What a finished job did, in words.</summary>
    public string? Message { get; internal set; }
    public bool Finished => _state is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
    /// <summary>Completes when the job has finished, however it ended.</summary>
    public Task Completion => _done.Task;

    internal Func<JobContext, Task> Work { get; }
    internal CancellationTokenSource Cancellation { get; } = new();
    internal List<Action> Cleanups { get; } = [];

    public bool VisibleTo(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Controller) || user.Identity?.Name == Owner;

    public bool MayCancel(ClaimsPrincipal user) => !Finished && (user.Identity?.Name == Owner || user.IsInRole(Roles.Admin));

    internal void Report(string step) => _step = step;

    internal void Start() => _state = JobState.Running;

    internal void Finish(JobState state, DateTime at, IReadOnlyList<string>? errors = null, IReadOnlyList<Core.Diagnostics.InputError>? inputErrors = null)
    {
        if (Finished) return;
        Errors = errors ?? [];
        InputErrors = inputErrors ?? [];
        FinishedAtUtc = at;
        _state = state;
        _done.TrySetResult();
    }
}

/// <summary>What a job's work gets: its scope's services, the token that stops it, a way to report its step.</summary>
public sealed record JobContext(Job Job, IServiceProvider Services, CancellationToken Cancellation)
{
    public void Report(string step) => Job.Report(step);
}

/// <summary>
/// The writing work of the site, one job at a time in arrival order (see <see cref="JobRunner"/>). Jobs are kept in
/// memory, the last <see cref="Kept"/> of them; a restart forgets them (the app store and the audit trail keep what
/// they did).
/// </summary>
public sealed class JobQueue(TimeProvider clock)
{
    public const int Kept = 200;
    /// <summary>Jobs waiting or running at most; more is refused rather than piling up uploads on disk.</summary>
    public const int MaxActive = 50;

    private readonly Channel<Job> _channel = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    // Reading work that takes long (the insights: half a minute on a large site) runs in a lane of its own, so that an
    // import or a goal-file save queued after it does not wait for it; it reads an immutable snapshot and writes nothing.
    private readonly Channel<Job> _reading = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly LinkedList<Job> _jobs = new(); // oldest first
    private readonly Dictionary<string, Job> _byId = new(StringComparer.Ordinal);

    internal ChannelReader<Job> Reader => _channel.Reader;
    internal ChannelReader<Job> ReadingReader => _reading.Reader;

    /// <summary>Queues work; null when too many jobs are waiting already.</summary>
    public Job? Enqueue(string kind, string owner, string subject, Func<JobContext, Task> work, Action? cleanup = null, string? id = null) =>
        Enqueue(_channel, kind, owner, subject, work, cleanup, id);

    /// <summary>Queues work that only reads, beside the writing work rather than behind it; one such job at a time.</summary>
    public Job? EnqueueReading(string kind, string owner, string subject, Func<JobContext, Task> work) =>
        Enqueue(_reading, kind, owner, subject, work, null, null);

    private Job? Enqueue(Channel<Job> lane, string kind, string owner, string subject, Func<JobContext, Task> work, Action? cleanup, string? id)
    {
        var job = new Job(id ?? NewId(), kind, owner, subject, clock.GetUtcNow().UtcDateTime, work);
        if (cleanup is not null) job.Cleanups.Add(cleanup);
        lock (_gate)
        {
            if (_jobs.Count(j => !j.Finished) >= MaxActive) return null;
            _jobs.AddLast(job);
            _byId[job.Id] = job;
            // Forget the oldest finished jobs beyond the bound; waiting and running ones are always kept.
            for (var node = _jobs.First; node is not null && _jobs.Count > Kept;)
            {
                var next = node.Next;
                if (node.Value.Finished)
                {
                    _byId.Remove(node.Value.Id);
                    _jobs.Remove(node);
                }
                node = next;
            }
        }
        lane.Writer.TryWrite(job);
        return job;
    }

    /// <summary>A job id: random, so that one user cannot guess another's job; also the name of its folder.</summary>
    public static string NewId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    public Job? Find(string id)
    {
        lock (_gate) return _byId.GetValueOrDefault(id);
    }

    public IReadOnlyList<Job> All()
    {
        lock (_gate) return _jobs.Reverse().ToList();
    }

    /// <summary>Stops a job: a waiting one never starts, a running one stops at its next step and changes nothing.</summary>
    public bool Cancel(string id)
    {
        var job = Find(id);
        if (job is null || job.Finished) return false;
        job.Cancellation.Cancel();
        return true;
    }

    /// <summary>Completes when every job queued before has finished (the queue runs in order).</summary>
    public Task DrainAsync() => Enqueue("drain", "system", "", _ => Task.CompletedTask)?.Completion ?? Task.CompletedTask;

    internal DateTime Now => clock.GetUtcNow().UtcDateTime;
}
