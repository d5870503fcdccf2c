using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.Evaluation;
using Styrkort.Core.Periods;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;
using Styrkort.Web.Imports;
using Styrkort.Web.Jobs;
using Styrkort.Web.Presentation;

namespace Styrkort.Web.Api;

/// <summary>The REST API: goals, outcomes, time series, check-ins, imports. Cookie or personal token; roles as in the UI.</summary>
public static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Read).RequireAntiforgeryForCookieWrites();
        api.MapGet("/goals", (SiteState site) => site.Goals.Goals.Select(g => new GoalDto(g.Id, g.Name.Swedish, g.Name.English, g.Area, g.TypeLetter,
            g.Metric, site.Goals.Metrics[g.Metric].Formula.Text, g.Comparison, Core.Evaluation.TargetJudge.RuleName(g.Target.Kind),
            g.Target.FromBoard ? "board" : g.Target.FromBudget ? "budget" : g.Target.Level?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            g.BoardQuarters.Order().Select(q => $"Q{q}").ToList())));

        api.MapGet("/outcomes", (SiteState site, string? period) =>
        {
            if (!TryPeriod(site, period, out var p, out var sane)) return BadPeriod(period);
            if (!sane) return Results.BadRequest(new ErrorDto($"'{period}' is outside the years {site.SaneYears.First}–{site.SaneYears.Last}"));
            var evaluation = site.Outcomes(p);
            var insights = site.Current.Insights;
            return Results.Ok(new OutcomesDto(p.ToString(), evaluation.Outcomes.Select(o => WithInsights(ToDto(o), insights, p)).ToList()));
        });

        // The eight default quarters; ?period=2026-W12 (or 2026-03, 2026) the eight periods of its kind up to it, for a
        // goal followed week by week or month by month; ?kind=week|month|quarter|year the eight up to the last complete one.
        api.MapGet("/goals/{id}/series", (SiteState site, string id, string? unit, string? period, string? kind) =>
        {
            if (site.Goals.Goals.All(g => g.Id != id)) return Results.NotFound(new ErrorDto($"unknown goal '{id}'"));
            // A unit that does not exist is a mistake to name, not an empty series.
            if (unit is not null && site.Current.HasData && !site.Current.UnitIds.Contains(unit)) return Results.NotFound(new ErrorDto($"unknown unit '{unit}'"));
            if (SeriesPeriods.Of(site, period, kind, out var periods) is { } bad) return Results.BadRequest(new ErrorDto(bad));
            // The periods not kept yet are evaluated together, in one plan, as the goal page's history is.
            var points = site.Outcomes(periods).SelectMany(e => e.Outcomes
                    .Where(o => o.Goal == id && (unit is null || o.Unit == unit))
                    .Select(o => new SeriesPointDto(e.Period.ToString(), o.Unit, o.Value?.AsDouble, o.Comparison, o.Target.Level, Ui.StatusKey(o.Status))))
                .ToList();
            return Results.Ok(points);
        });

        api.MapGet("/checkins", async (HttpContext http, AppDb db, WebLimits limits, string? goal, string? unit, string? period, int? limit, int? offset) =>
        {
            var max = limits.MaxCheckInsPerAnswer;
            if (limit is < 1 || limit > max) return Results.BadRequest(new ErrorDto($"limit must be 1–{max}"));
            if (offset is < 0) return Results.BadRequest(new ErrorDto("offset must be 0 or more"));
            var query = db.CheckIns.AsNoTracking().AsQueryable();
            if (goal is not null) query = query.Where(c => c.GoalId == goal);
            if (unit is not null) query = query.Where(c => c.UnitId == unit);
            if (period is not null) query = query.Where(c => c.Period == period);
            // A page at a time, in a fixed order, so that offset walks the list without skipping or repeating.
            http.Response.Headers["X-Total-Count"] = (await query.CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var page = await query.Include(c => c.Actions).OrderByDescending(c => c.Period).ThenBy(c => c.GoalId).ThenBy(c => c.UnitId).ThenBy(c => c.Id)
                .Skip(offset ?? 0).Take(limit ?? max).ToListAsync();
            return Results.Ok(page.Select(ToDto).ToList());
        });

        api.MapGet("/checkins/versions", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<List<CheckInVersionDto>>, Microsoft.AspNetCore.Http.HttpResults.BadRequest<ErrorDto>>> (AppDb db, string? goal, string? unit, string? period) =>
        {
            // One check-in's versions: all three name it; a missing one is said by name, not as a bare "bad request".
            var missing = new[] { ("goal", goal), ("unit", unit), ("period", period) }.Where(p => string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1).ToList();
            if (missing.Count > 0) return TypedResults.BadRequest(new ErrorDto($"give goal, unit and period; missing: {string.Join(", ", missing)}"));
            return TypedResults.Ok((await db.CheckInVersions.AsNoTracking()
                .Where(v => db.CheckIns.Any(c => c.Id == v.CheckInId && c.GoalId == goal && c.UnitId == unit && c.Period == period))
                .OrderByDescending(v => v.Number).ToListAsync()).Select(ToDto).ToList());
        });

        api.MapPost("/checkins", async (HttpContext http, SiteState site, AppDb db, CheckInDto body) =>
        {
            var user = http.User.Identity!.Name!;
            var t = new Localization.Texts(Core.Presentation.Language.En);
            if (!await CheckIns.MayWrite(http, db, body.Unit)) return Results.Forbid();
            if (CheckIns.Problem(site, body.Goal, body.Unit, body.Period, t) is { } problem) return Results.BadRequest(new ErrorDto(problem));
            if (CheckIns.Invalid(body.Analysis, (body.Actions ?? []).Select(a => new CheckInAction { What = a.What ?? "", Who = a.Who ?? "", State = a.State ?? "" }).ToList(),
                    http.RequestServices.GetRequiredService<WebLimits>(), t) is { } invalid) return Results.BadRequest(new ErrorDto(invalid));
            // A script may leave out the analysis or the actions (JSON null).
            var saved = await CheckIns.SaveAsync(db, site, body.Goal, body.Unit, body.Period, body.Analysis ?? "",
                (body.Actions ?? []).Select(a => new CheckInAction { What = a.What ?? "", Who = a.Who ?? "", Due = a.Due, State = a.State ?? ActionStates.Open }).ToList(),
                user, body.Version);
            return saved switch
            {
                CheckInSave.Saved s => Results.Ok(ToDto(s.CheckIn)),
                CheckInSave.Stale stale => Results.Conflict(new CheckInConflictDto(
                    $"{CheckIns.StaleMessage(stale, t)}; send \"version\": {stale.Latest.Number} to save over it", ToDto(stale.Latest))),
                _ => throw new InvalidOperationException(),
            };
        }).RequireAuthorization(Policies.CheckIn);

        api.MapGet("/imports", (SiteState site) => site.Read(w => w.Imports(1000)).Select(ToDto).ToList());

        // The import is queued work: 202 and where to follow it; ?wait=true waits for it and answers with the batches
        // (200) or the errors (422). A waiting client has tied itself to the job: when it goes away, the job is cancelled
        // (nothing is changed), so that abandoned work does not hold the queue.
        api.MapPost("/imports", async (HttpContext http, ImportService imports, JobQueue jobs, IFormFileCollection files, bool? wait) =>
        {
            Job job;
            try
            {
                job = imports.Enqueue(files.Select(f => new UploadedFile(f.FileName, f.OpenReadStream())).ToList(), http.User.Identity!.Name!);
            }
            catch (StyrkortException e)
            {
                return Results.UnprocessableEntity(new ErrorDto(e.Message));
            }
            if (wait != true) return Results.Accepted($"/api/jobs/{job.Id}", new JobAcceptedDto(job.Id, $"/api/jobs/{job.Id}"));
            try
            {
                await job.Completion.WaitAsync(http.RequestAborted);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                jobs.Cancel(job.Id);
                return Results.Empty;
            }
            return job.State switch
            {
                JobState.Succeeded => Results.Ok(job.Batches.Select(ToDto).ToList()),
                JobState.Cancelled => Results.Conflict(new ErrorDto("the import was cancelled, nothing was changed", job.Errors)),
                _ => Results.UnprocessableEntity(new ErrorDto("the input was refused, nothing was changed", job.Errors)),
            };
        }).RequireAuthorization(Policies.Control);

        // A job is visible to who started it and to admins and controllers; to anyone else it does not exist.
        api.MapGet("/jobs/{id}", (HttpContext http, JobQueue jobs, string id) =>
            jobs.Find(id) is { } job && job.VisibleTo(http.User) ? Results.Ok(ToDto(job)) : Results.NotFound(new ErrorDto($"no job '{id}'")));

        api.MapPost("/jobs/{id}/cancel", (HttpContext http, JobQueue jobs, string id) =>
        {
            if (jobs.Find(id) is not { } job || !job.VisibleTo(http.User)) return Results.NotFound(new ErrorDto($"no job '{id}'"));
            if (!job.MayCancel(http.User)) return job.Finished ? Results.Conflict(new ErrorDto("the job has finished")) : Results.Forbid();
            jobs.Cancel(id);
            return Results.Accepted($"/api/jobs/{job.Id}", new JobAcceptedDto(job.Id, $"/api/jobs/{job.Id}"));
        });
    }

    private static bool TryPeriod(SiteState site, string? text, out Period period, out bool sane)
    {
        period = site.DefaultQuarter;
        sane = true;
        return text is null || site.TryPeriod(text, out period, out sane);
    }

    private static IResult BadPeriod(string? text) =>
        Results.BadRequest(new ErrorDto(Period.MissingWeek(text) ?? $"'{text}' is not a period; expected 2026-Q2, 2026-03, 2026 or 2026-W12"));

    private static OutcomeDto ToDto(Outcome o) => new(o.Goal, o.Unit, o.Value?.AsDouble, o.Comparison, Ui.StatusKey(o.Status), o.Scheduled,
        new TargetDto(Core.GoalFiles.TargetRuleKinds.Key(o.Target.Rule), o.Target.Source, o.Target.Level, o.Target.AnnualLevel, o.Target.Min, o.Target.Max, o.Target.Phased, o.Target.Warning),
        o.Band is { } band ? new BandDto(band.Swedish, band.English) : null);

    /// <summary>The outcome with its forecast, anomaly and change where the snapshot's insights have them; nothing is added otherwise.</summary>
    private static OutcomeDto WithInsights(OutcomeDto dto, SnapshotInsights? insights, Period period)
    {
        if (insights is null) return dto;
        var f = insights.Forecast(period, dto.Goal, dto.Unit)?.Forecast;
        var a = insights.Anomaly(period, dto.Goal, dto.Unit);
        var c = insights.Change(period, dto.Goal, dto.Unit);
        var b = insights.BoardChange(period, dto.Goal, dto.Unit);
        return dto with
        {
            Forecast = f is null ? null : new ForecastDto(f.Year.ToString(), f.Value, f.Low, f.High, f.ProbabilityMet, f.Method.ToString().ToLowerInvariant(), f.Months),
            Anomaly = a is null ? null : new AnomalyDto(true, a.Month.ToString(), a.Value, a.Expected, Math.Round(a.Score, 2), new TextDto(a.Reason.Swedish, a.Reason.English)),
            Change = c is null ? null : ToDto(c),
            BoardChange = b is null ? null : ToDto(b),
        };
    }

    private static ChangeDto ToDto(Core.Insights.ChangeExplanation c) =>
        new(c.From.ToString(), c.Before, c.After, c.Change, c.Decomposed, new TextDto(c.Sentence.Swedish, c.Sentence.English),
            c.Contributors.Select(x => new ChangePartDto(x.Dimension, x.Key is null ? null : Convert.ToString(x.Key, System.Globalization.CultureInfo.InvariantCulture),
                x.Label, x.Kind.ToString().ToLowerInvariant(), x.Effect, x.Share, x.Rest)).ToList());

    private static ImportBatchDto ToDto(Core.Warehouse.ImportRecord b) => new(b.Batch, b.Dataset, b.File, b.Sha256, b.Rows, b.ImportedBy, b.ImportedAt);

    private static JobDto ToDto(Job j) => new(j.Id, j.Kind, j.State.ToString().ToLowerInvariant(), j.Owner, j.Subject, j.CreatedAtUtc, j.FinishedAtUtc,
        j.Step, j.Message, j.Errors, j.Batches.Select(ToDto).ToList());

    private static CheckInDto ToDto(CheckIn c) => new(c.GoalId, c.UnitId, c.Period, c.Analysis,
        c.Actions.Select(a => new ActionDto(a.What, a.Who, a.Due, a.State)).ToList(), c.UpdatedBy, c.UpdatedAtUtc, c.Version);

    private static CheckInVersionDto ToDto(CheckInVersion v) => new(v.Number, v.Analysis,
        CheckInVersions.Actions(v).Select(a => new ActionDto(a.What, a.Who, a.Due, a.State)).ToList(), v.SavedBy, v.SavedAtUtc);
}
