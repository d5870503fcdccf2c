using Styrkort.Web.Hosting;

namespace Styrkort.Web.Jobs;

/// <summary>
/// The year-end forecasts, anomalies and change explanations of a newly published snapshot (some forty months of every
/// goal's metric: half a minute on the large demo). Queued by every write right after it publishes its snapshot, in the
/// queue's reading lane so that the next write never waits for it; the write answers at once and the pages show "beräknas…" until this job swaps in the copy that carries them. A job
/// whose snapshot a newer write has replaced does nothing: the newer write queued its own.
/// </summary>
public static class InsightsJob
{
    public const string Kind = "insights";

    public static Job? Enqueue(JobQueue jobs, SiteState site, SiteSnapshot snapshot, string user) =>
        !snapshot.HasData ? null : jobs.EnqueueReading(Kind, user, $"forecasts and changes {site.DefaultQuarter}", ctx =>
        {
            if (!ReferenceEquals(site.Current, snapshot))
            {
                ctx.Job.Message = "superseded by a newer snapshot";
                return Task.CompletedTask;
            }
            ctx.Report($"forecasts, anomalies and changes of {site.DefaultQuarter}");
            var insights = site.ComputeInsights(snapshot, ctx.Cancellation);
            ctx.Job.Message = insights is not null && site.PublishInsights(snapshot, insights)
                ? $"{insights.Outcomes.Forecasts.Values.Count(f => f.Forecast is not null)} forecasts, {insights.Outcomes.Anomalies.Count} anomalies, {insights.Changes.Count} changes explained, {insights.BoardChanges.Count} since the board's last look ({insights.Period})"
                : "superseded by a newer snapshot";
            return Task.CompletedTask;
        });
}
