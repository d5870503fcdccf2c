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
        if (!site.UseWarehouse(w => w.HasUnits)) return Redirect("/");
        Quarters = site.Quarters.OrderByDescending(q => q.End).Select(q => q.ToString()).ToList();
        DefaultQuarter = site.DefaultQuarter.ToString();
        Units = site.Outcomes(site.DefaultQuarter).Units;
        return Page();
    }

    public static async Task<IResult> DownloadAsync(SiteState site, AppDb db, string? period, string? unit, string? format, string? lang)
    {
        if (!Period.TryParse(period, out var quarter) || quarter.Kind != PeriodKind.Quarter)
            return Results.BadRequest($"'{period}' is not a quarter; expected e.g. 2026-Q2");
        ReportFileFormat kind;
        try { kind = ReportFiles.Parse(format ?? "pdf"); }
        catch (ArgumentException e) { return Results.BadRequest(e.Message); }
        if (!site.UseWarehouse(w => w.HasUnits)) return Results.NotFound("no data has been imported yet");
        if (unit is not null && !site.UseWarehouse(w => w.UnitIds()).Contains(unit)) return Results.NotFound($"unknown unit '{unit}'");
        var checkIns = (await db.CheckIns.AsNoTracking().Include(c => c.Actions).Where(c => c.Period == quarter.ToString()).ToListAsync())
            .Select(c => new GoalCheckIn(c.GoalId, c.UnitId, quarter, c.Analysis,
                c.Actions.Select(a => new GoalAction(a.What, a.Who, a.Due, Reports.ActionStates.Parse(a.State))).ToList(),
                c.UpdatedBy, DateOnly.FromDateTime(c.UpdatedAtUtc)))
            .ToList();
        var options = new BoardReportOptions
        {
            Unit = unit, Language = lang == "en" ? "en" : "sv", Clock = site.Clock, CheckIns = checkIns,
            DecidedLevels = AppStoreSetup.DecidedLevels(db),
        };
        // The report reads the warehouse; DuckDB connections are used by one thread at a time.
        var model = site.UseWarehouse(w => BoardReport.Build(site.Goals, w, quarter, options));
        var buffer = new MemoryStream();
        ReportFiles.Render(model, kind, buffer);
        return Results.File(buffer.ToArray(), ReportFiles.ContentType(kind), ReportFiles.FileName(model, kind));
    }
}
