using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Core.Periods;
using Styrkort.Web.Api;
using Styrkort.Web.AppStore;
using Styrkort.Web.Hosting;
using Styrkort.Web.Imports;
using Styrkort.Web.Jobs;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>Readers never wait for writers: pages read a snapshot, writes run one at a time in the queue, imports are one unit of work.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class SiteStateTest(DemoSite site)
{
    private static readonly TimeSpan PageLimit = TimeSpan.FromSeconds(10);

    private ImportHooks Hooks => site.App.Services.GetRequiredService<ImportHooks>();
    private string Units => File.ReadAllText(Path.Combine(site.DataDirectory, "sample", "units.csv"));

    private async Task<T> CountAsync<T>(Func<AppDb, Task<T>> count)
    {
        using var scope = site.App.Services.CreateScope();
        return await count(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    private long WarehouseImports() =>
        site.Site.Read(w => (long)w.Imports(int.MaxValue).Count);

    /// <summary>Holds every import inside its warehouse transaction until released: the writer is busy for as long as a test wants.</summary>
    private (TaskCompletionSource Entered, TaskCompletionSource Release) Hold()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Hooks.InsideTransaction = _ =>
        {
            entered.TrySetResult();
            release.Task.Wait(TimeSpan.FromMinutes(2));
        };
        return (entered, release);
    }

    [Fact]
    public async Task Pages_Answer_WhileAnImportIsHeldInsideItsTransaction_AndACommitUnderWayIsNeverParted()
    {
        var controller = await site.As("controller");
        var board = await site.As("board");
        var (entered, release) = Hold();
        try
        {
            using var leave = new CancellationTokenSource();
            var waiting = controller.PostAsync("/api/imports?wait=true", DemoSite.Upload("units.csv", Units), leave.Token);
            await entered.Task.WaitAsync(TimeSpan.FromMinutes(1));
            var job = site.Jobs.All().First(j => j.Kind == "import");
            Assert.Equal(JobState.Running, job.State);

            // A period nobody asked yet is evaluated on a reader connection while the writer holds its transaction.
            var fresh = Enumerable.Range(2021, 4).Select(y => new Period(PeriodKind.Year, y, 1)).First(p => !site.Site.Current.Outcomes.Contains(p));
            string[] pages = ["/", "/goals/nps", $"/goals/nps?period={fresh}", "/api/outcomes", "/api/goals/nps/series", "/report", "/targets", "/goalfile", "/imports",
                // The downloads and pages added since: none of them waits for the writer either.
                $"/goals/nps/rows?unit=skane&period={site.Period}&dataset=nps_responses&format=csv", $"/goals/nps/rows?unit=skane&period={site.Period}&dataset=nps_responses&format=xlsx",
                "/export/overview.xlsx", "/goals/nps/export.xlsx", $"/report/download?period={site.Period}&format=xlsx", "/checkins",
                $"/goals/nps/checkin/history?unit=skane&period={site.Period}", "/alerts", "/api/checkins", "/imports/template?dataset=loans&format=xlsx"];
            foreach (var page in pages)
            {
                using var limit = new CancellationTokenSource(PageLimit);
                var clock = Stopwatch.StartNew();
                using var response = await (page.StartsWith("/imports", StringComparison.Ordinal) ? controller : board).GetAsync(page, limit.Token);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
                Assert.True(clock.Elapsed < PageLimit, $"{page} took {clock.Elapsed}");
            }
            var checkIn = await controller.PostAsJsonAsync("/api/checkins", new CheckInDto("nps", "skane", site.Period, "Under importen.", [], null, null));
            Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);

            // The job page says where the job is; its own script follows the job (no timed refresh, WCAG 2.2.1), and
            // without script it reloads itself. No inline script either way.
            var jobPage = await controller.GetStringAsync($"/jobs/{job.Id}");
            Assert.Contains("data-state=\"running\"", jobPage, StringComparison.Ordinal);
            Assert.Contains("units", Html.TextOfId(jobPage, "span", "job-step")!, StringComparison.Ordinal);
            Assert.Contains("<noscript><meta http-equiv=\"refresh\"", jobPage, StringComparison.Ordinal);
            Assert.Contains("<script src=\"/assets/job.js\" defer></script>", jobPage, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", jobPage, StringComparison.Ordinal);

            // The client that waited goes away, which cancels its job; but this one is inside its commit already, and a
            // cancellation never parts the warehouse from the app store's record: it finishes.
            await leave.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            release.SetResult();
            await job.Completion.WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Equal(JobState.Succeeded, job.State);
            Assert.Equal("units.csv", Assert.Single(job.Batches).File);
            Assert.Contains("import-ok", await controller.GetStringAsync($"/jobs/{job.Id}"), StringComparison.Ordinal);
            Assert.DoesNotContain("http-equiv=\"refresh\"", await controller.GetStringAsync($"/jobs/{job.Id}"), StringComparison.Ordinal);
        }
        finally
        {
            Hooks.InsideTransaction = null;
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task AWaitingClientThatLeaves_CancelsItsQueuedImport_AndNothingOfItIsImported()
    {
        var controller = await site.As("controller");
        var (entered, release) = Hold();
        try
        {
            var first = await controller.PostAsync("/api/imports", DemoSite.Upload("units.csv", Units));
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            await entered.Task.WaitAsync(TimeSpan.FromMinutes(1));
            var batches = WarehouseImports();

            // A second import waits behind the first; its client asked to wait, then goes away.
            using var leave = new CancellationTokenSource();
            var waiting = controller.PostAsync("/api/imports?wait=true", DemoSite.Upload("nps_responses.csv", "response_id,org_nr,unit_id,answered_on,score\n"), leave.Token);
            var second = await WaitForAsync(() => site.Jobs.All().FirstOrDefault(j => j.Kind == "import" && j.Subject == "nps_responses.csv" && !j.Finished));
            await leave.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

            // The first import finishes; the second, cancelled while it waited, never starts.
            Hooks.InsideTransaction = null;
            release.SetResult();
            await site.Jobs.DrainAsync();
            Assert.Equal(JobState.Cancelled, second.State);
            // Only the first import's batch was added.
            Assert.Equal(batches + 1, WarehouseImports());
        }
        finally
        {
            Hooks.InsideTransaction = null;
            release.TrySetResult();
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> find) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (find() is { } found) return found;
            await Task.Delay(20);
        }
        throw new TimeoutException("not seen within a minute");
    }

    [Fact]
    public async Task AFailureInsideTheUnitOfWork_LeavesWarehouseBatchesAuditAndSnapshotUnchanged()
    {
        var controller = await site.As("controller");
        var snapshot = site.Site.Current;
        var batches = WarehouseImports();
        var audit = await CountAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.Import));
        var warehouse = WarehouseImports();
        Hooks.InsideTransaction = _ => throw new IOException("the app store is gone (test)");
        try
        {
            var response = await controller.PostAsync("/api/imports?wait=true", DemoSite.Upload("units.csv", Units));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("nothing was changed", (await response.Content.ReadFromJsonAsync<ErrorDto>())!.Error, StringComparison.Ordinal);
        }
        finally
        {
            Hooks.InsideTransaction = null;
        }
        Assert.Equal(batches, WarehouseImports());
        Assert.Equal(audit, await CountAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.Import)));
        Assert.Equal(warehouse, WarehouseImports());
        // The same outcomes: the copy the insights job may swap in meanwhile carries forecasts, not new outcomes.
        Assert.Same(snapshot.Outcomes, site.Site.Current.Outcomes);
    }

    [Fact]
    public async Task Api_Import_Is202WithTheJob_WhichItsOwnerAndControllersSee_AndItsFolderIsRemoved()
    {
        var controller = await site.As("controller");
        var response = await controller.PostAsync("/api/imports", DemoSite.Upload("units.csv", Units));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<JobAcceptedDto>())!;
        Assert.Equal($"/api/jobs/{accepted.Job}", accepted.Status);
        Assert.Equal(accepted.Status, response.Headers.Location!.OriginalString);
        await site.JobAsync(accepted.Status);
        var job = (await controller.GetFromJsonAsync<JobDto>(accepted.Status))!;
        Assert.Equal(("import", "succeeded", "controller", "units.csv"), (job.Kind, job.State, job.Owner, job.Subject));
        Assert.Equal("units.csv", Assert.Single(job.Batches).FileName);
        Assert.Equal(HttpStatusCode.OK, (await (await site.As("admin")).GetAsync(accepted.Status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await site.As("board")).GetAsync(accepted.Status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await site.As("board")).GetAsync($"/jobs/{accepted.Job}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await controller.GetAsync("/api/jobs/nosuchjob")).StatusCode);
        var jobs = Path.Combine(site.DataDirectory, "jobs");
        Assert.True(!Directory.Exists(jobs) || Directory.GetFileSystemEntries(jobs).Length == 0);

        // The board report names the file the user uploaded, not the job folder it was read from.
        var report = await controller.GetStringAsync($"/report/download?period={site.Period}&format=html");
        Assert.Contains("units.csv", report, StringComparison.Ordinal);
        Assert.DoesNotContain(site.DataDirectory, report, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp/", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWaitingImport_CancelledByItsOwner_NeverRuns()
    {
        var controller = await site.As("controller");
        var (entered, release) = Hold();
        try
        {
            var first = await controller.PostAsync("/api/imports", DemoSite.Upload("units.csv", Units));
            await entered.Task.WaitAsync(TimeSpan.FromMinutes(1));
            var second = await controller.PostAsync("/api/imports", DemoSite.Upload("units.csv", Units));
            var queued = (await second.Content.ReadFromJsonAsync<JobAcceptedDto>())!;
            Assert.Equal("queued", (await controller.GetFromJsonAsync<JobDto>(queued.Status))!.State);
            // The upload waits in the job's own folder inside the data folder, under a name of ours.
            var folder = Path.Combine(site.DataDirectory, "jobs", queued.Job);
            Assert.Equal("0.csv", Path.GetFileName(Assert.Single(Directory.GetFiles(Path.Combine(folder, "upload")))));
            Assert.Contains("id=\"cancel-job\"", await controller.GetStringAsync($"/jobs/{queued.Job}"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await (await site.As("board")).PostAsync($"/api/jobs/{queued.Job}/cancel", null)).StatusCode);
            var batches = WarehouseImports();

            Assert.Equal(HttpStatusCode.Accepted, (await controller.PostAsync($"/api/jobs/{queued.Job}/cancel", null)).StatusCode);
            release.SetResult();
            Assert.Equal(JobState.Succeeded, (await site.JobAsync(first.Headers.Location!.OriginalString)).State);
            Assert.Equal(JobState.Cancelled, (await site.JobAsync(queued.Status)).State);
            Assert.False(Directory.Exists(folder));
            Assert.Equal(batches + 1, WarehouseImports());
        }
        finally
        {
            Hooks.InsideTransaction = null;
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task TwoHundredPeriods_StayWithinTheCacheBound_AndADecisionAfterwardsRecomputesOnlyABoundedSet()
    {
        var board = await site.As("board");
        var before = site.Site.Current;
        var months = Enumerable.Range(0, 200).Select(i => new Period(PeriodKind.Month, 2015 + i / 12, i % 12 + 1)).ToList();
        foreach (var month in months)
            Assert.Equal(HttpStatusCode.OK, (await board.GetAsync($"/api/outcomes?period={month}")).StatusCode);

        // The same outcomes: the copy the insights job may swap in meanwhile carries forecasts, not new outcomes.
        Assert.Same(before.Outcomes, site.Site.Current.Outcomes);
        var cache = before.Outcomes;
        var bound = site.Site.DefaultPeriods.Count + cache.Capacity;
        Assert.InRange(cache.Count, site.Site.Quarters.Count, bound);
        Assert.All(site.Site.DefaultPeriods, q => Assert.True(cache.Contains(q)));
        Assert.InRange(cache.Evaluations, cache.Capacity + 1, 200 + bound); // the months with data were evaluated, and some dropped

        // A period far from the data is answered without a query, and not kept.
        var evaluations = cache.Evaluations;
        var far = (await board.GetFromJsonAsync<OutcomesDto>("/api/outcomes?period=2060-Q1"))!;
        Assert.All(far.Results, o => Assert.Equal("no_data", o.Status));
        Assert.Equal(evaluations, cache.Evaluations);
        Assert.False(cache.Contains(Period.Parse("2060-Q1")));

        var controller = await site.As("controller");
        var token = await DemoSite.FormTokenAsync(controller, "/targets");
        var saved = await controller.PostAsync("/targets", DemoSite.Form(("goal", "nps"), ("unit", "halland"), ("year", site.Site.DefaultQuarter.Year.ToString(CultureInfo.InvariantCulture)),
            ("level", "42"), ("kind", "decision"), ("decidedOn", $"{site.Site.DefaultQuarter.Year}-03-01"), (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        await site.Jobs.DrainAsync();

        var after = site.Site.Current;
        Assert.NotSame(before, after);
        Assert.InRange(after.Outcomes.Evaluations, site.Site.DefaultPeriods.Count, site.Site.DefaultPeriods.Count + SiteState.RecomputedRecentPeriods);
        Assert.Contains(await CountAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.TargetDecision).ToListAsync()),
            a => a.Subject == $"nps/halland/{site.Site.DefaultQuarter.Year}" && a.Actor == "controller");
    }

    [Fact]
    public async Task ThePeriodAskedByFiftyAtOnce_IsEvaluatedOnce()
    {
        var board = await site.As("board");
        var snapshot = site.Site.Current;
        var period = Enumerable.Range(2020, 6).Select(y => new Period(PeriodKind.Year, y, 1))
            .First(p => snapshot.HasDataFor(p) && !snapshot.Outcomes.Contains(p));
        var evaluations = snapshot.Outcomes.Evaluations;

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => board.GetAsync($"/api/outcomes?period={period}")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        // The same outcomes: the copy the insights job may swap in meanwhile carries forecasts, not new outcomes.
        Assert.Same(snapshot.Outcomes, site.Site.Current.Outcomes);
        Assert.Equal(evaluations + 1, snapshot.Outcomes.Evaluations);
    }

    [Theory]
    [InlineData("/api/outcomes?period=1900-Q1")]
    [InlineData("/api/outcomes?period=9999-Q4")]
    [InlineData("/?period=9999-Q4")]
    [InlineData("/goals/nps?period=1900-Q1")]
    [InlineData("/report/download?period=9999-Q4&format=html")]
    public async Task AnAbsurdPeriod_Is400(string path) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await (await site.As("board")).GetAsync(path)).StatusCode);

    [Theory]
    [InlineData("10000000000000", "2026")]
    [InlineData("-2000000000000", "2026")]
    [InlineData("5", "1900")]
    [InlineData("5", "99999")]
    public async Task ATargetLevelOutsideTheSaneRange_Is400_AndNothingIsRecorded(string level, string year)
    {
        var controller = await site.As("controller");
        var decisions = await CountAsync(db => db.TargetDecisions.CountAsync());
        var token = await DemoSite.FormTokenAsync(controller, "/targets");
        var response = await controller.PostAsync("/targets", DemoSite.Form(("goal", "nps"), ("unit", "halland"), ("year", year),
            ("level", level), ("kind", "proposal"), (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("class=\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(decisions, await CountAsync(db => db.TargetDecisions.CountAsync()));
    }
}
