using Microsoft.Extensions.DependencyInjection;
using Styrkort.Web.AppStore;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Jobs;

/// <summary>A new snapshot after a change in the app store (a board decision): queued, so the page answers at once.</summary>
public static class Recompute
{
    public static Job? Enqueue(JobQueue jobs, SiteState site, string user, string subject) =>
        jobs.Enqueue("recompute", user, subject, async ctx =>
        {
            // What is in force when the job runs, not when it was queued: a goal-file version may have come between.
            var current = site.Current;
            var snapshot = await site.BuildAsync(ctx.Services.GetRequiredService<AppDb>(), current.Goals, current.Version, ctx.Cancellation);
            site.Publish(snapshot);
            InsightsJob.Enqueue(jobs, site, snapshot, user);
            ctx.Job.Message = subject;
        });
}
