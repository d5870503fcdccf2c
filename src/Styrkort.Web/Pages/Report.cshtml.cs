using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Core.Evaluation;
using Styrkort.Core.Periods;
using Styrkort.Reports;
using Styrkort.Web.AppStore;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Pages;

/// <summary>The quarterly board report of a unit, with the goal owners' check-ins, as PDF, Excel or HTML.</summary>
public sealed class ReportModel(SiteState site) : PageModel
{
    public IReadOnlyList<string> Quarters { get; private set; } = [];
    public string DefaultQuarter { get; private set; } = "";
    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];

    public IActionResult OnGet()
    {
        var snapshot = site.Current;
        if (!snapshot.HasData) return Redirect("/");
        Quarters = site.Quarters.OrderByDescending(q => q.End).Select(q => q.ToString()).ToList();
        DefaultQuarter = site.DefaultQuarter.ToString();
        Units = snapshot.Units;
        return Page();
    }

    public static async Task<IResult> DownloadAsync(HttpContext http, SiteState site, AppDb db, string? period, string? unit, string? format, string? lang)
    {
        // Refusals are in the user's language, on the error page; the report itself in the language asked for.
        var t = Localization.Texts.For(http);
        if (!site.TryPeriod(period, out var quarter, out var sane) || quarter.Kind != PeriodKind.Quarter)
            return ErrorResponses.Refuse(http, StatusCodes.Status400BadRequest, t.Format("not_a_quarter", period));
        ReportFileFormat kind;
        try { kind = ReportFiles.Parse(format ?? "pdf"); }
        catch (ArgumentException) { return ErrorResponses.Refuse(http, StatusCodes.Status400BadRequest, t.Format("report_format_bad", format)); }
        if (!sane) return ErrorResponses.Refuse(http, StatusCodes.Status400BadRequest, t.Format("period_range", period, site.SaneYears.First, site.SaneYears.Last));
        var snapshot = site.Current;
        if (!snapshot.HasData) return ErrorResponses.Refuse(http, StatusCodes.Status404NotFound, t["no_data_yet"]);
        if (unit is not null && !snapshot.UnitIds.Contains(unit)) return ErrorResponses.Refuse(http, StatusCodes.Status404NotFound, t.Format("unknown_unit", unit));
        var checkIns = (await db.CheckIns.AsNoTracking().Include(c => c.Actions).Where(c => c.Period == quarter.ToString()).ToListAsync())
            .Select(c => new GoalCheckIn(c.GoalId, c.UnitId, quarter, c.Analysis,
                c.Actions.OrderBy(a => a.Id).Select(a => new GoalAction(a.What, a.Who, a.Due, Reports.ActionStates.Parse(a.State))).ToList(),
                c.UpdatedBy, DateOnly.FromDateTime(c.UpdatedAtUtc)))
            .ToList();
        var options = new BoardReportOptions
        {
            Unit = unit, Language = Core.Presentation.Language.Parse(lang), Clock = site.Clock, CheckIns = checkIns, ListMissingCheckIns = true,
            DecidedLevels = snapshot.DecidedLevels,
            // What drove each goal's change, where the background job has explained the quarter (never computed in a request).
            ExplainChanges = snapshot.Insights?.Period == quarter,
            Changes = snapshot.Insights?.BoardChanges,
        };
        // The goal file and levels of the snapshot, the data on a reader connection of its own: never waits for an import.
        var model = site.Read(w => BoardReport.Build(snapshot.Goals, w, quarter, options));
        // The warehouse knows the files it read (in a job folder since removed); the report names the files the users uploaded.
        model = model with
        {
            Sources = model.Sources.Select(s => s with { File = snapshot.Lineage.TryGetValue(s.Dataset, out var l) && l.File is { } f ? f : Path.GetFileName(s.File) }).ToList(),
        };
        var buffer = new MemoryStream();
        ReportFiles.Render(model, kind, buffer);
        return Results.File(buffer.ToArray(), ReportFiles.ContentType(kind), ReportFiles.FileName(model, kind));
    }
}
