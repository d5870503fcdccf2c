using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Styrkort.Core.Periods;
using Styrkort.Reports.Xlsx;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;
using Styrkort.Web.Localization;

namespace Styrkort.Web.Exports;

/// <summary>
/// Excel downloads of what the overview and a goal page show, with the same filters and the same readers (any role):
/// <c>/export/overview.xlsx?period=&amp;unit=&amp;area=</c> and <c>/goals/{id}/export.xlsx?period=&amp;unit=</c>.
/// </summary>
public static partial class ExportEndpoints
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/export/overview.xlsx", Overview).RequireAuthorization(Policies.Read);
        app.MapGet("/goals/{id}/export.xlsx", Goal).RequireAuthorization(Policies.Read);
    }

    private static IResult Overview(HttpContext http, SiteState site, string? period, string? unit, string? area)
    {
        var t = Texts.For(http);
        if (Choose(site, period, t) is not { } p) return Refused(http, site, period, t);
        var snapshot = site.Current;
        if (!snapshot.HasData) return ErrorResponses.Refuse(http, StatusCodes.Status404NotFound, t["nodata"]);
        if (!string.IsNullOrEmpty(unit) && !snapshot.UnitIds.Contains(unit)) return ErrorResponses.Refuse(http, StatusCodes.Status404NotFound, t.Format("unknown_unit", unit));
        if (!string.IsNullOrEmpty(area) && site.Goals.Areas.All(a => a.Id != area)) return ErrorResponses.Refuse(http, StatusCodes.Status404NotFound, t.Format("unknown_area", area));
        var evaluation = site.Outcomes(p);
        var units = string.IsNullOrEmpty(unit) ? evaluation.Units : evaluation.Units.Where(u => snapshot.IsWithin(u.Id, unit)).ToList();
        var book = OverviewWorkbook.Build(snapshot.Goals, evaluation, units, string.IsNullOrEmpty(area) ? null : area, t, Today(site), string.IsNullOrEmpty(unit) ? null : unit);
        return File(book, $"{(t.English ? "overview" : "oversikt")}-{p}{Suffix(unit)}{Suffix(area)}.xlsx");
    }

    private static IResult Goal(HttpContext http, SiteState site, string id, string? period, string? unit)
    {
        var t = Texts.For(http);
        var snapshot = site.Current;
        var goal = snapshot.Goals.Goals.FirstOrDefault(g => g.Id == id);
        if (goal is null) return ErrorResponses.Refuse(http, StatusCodes.Status404NotFound, t.Format("unknown_goal", id));
        if (Choose(site, period, t) is not { } p) return Refused(http, site, period, t);
        if (!snapshot.HasData) return ErrorResponses.Refuse(http, StatusCodes.Status404NotFound, t["nodata"]);
        if (!string.IsNullOrEmpty(unit) && !snapshot.UnitIds.Contains(unit)) return ErrorResponses.Refuse(http, StatusCodes.Status404NotFound, t.Format("unknown_unit", unit));
        // The periods of the goal page's chart: the chosen one and the seven before it.
        var periods = new List<Period> { p };
        while (periods.Count < 8) periods.Insert(0, periods[0].Previous());
        var history = site.Outcomes(periods);
        var book = GoalWorkbook.Build(snapshot.Goals, goal, history[^1], history, string.IsNullOrEmpty(unit) ? null : unit, t, Today(site));
        return File(book, $"{(t.English ? "goal" : "mal")}-{Safe(goal.Id)}-{p}{Suffix(unit)}.xlsx");
    }

    /// <summary>The period asked for, or the pages' default when none is given; null for one that is not a period or is out of range.</summary>
    private static Period? Choose(SiteState site, string? period, Texts t)
    {
        if (string.IsNullOrEmpty(period)) return site.DefaultQuarter;
        return site.TryPeriod(period, out var p, out var sane) && sane ? p : null;
    }

    private static IResult Refused(HttpContext http, SiteState site, string? period, Texts t) =>
        ErrorResponses.Refuse(http, StatusCodes.Status400BadRequest, t.English
            ? $"'{period}' is not a period between {site.SaneYears.First} and {site.SaneYears.Last}; expected e.g. 2026-Q2, 2026-03 or 2026"
            : $"'{period}' är ingen period mellan {site.SaneYears.First} och {site.SaneYears.Last}; skriv till exempel 2026-Q2, 2026-03 eller 2026");

    private static IResult File(XlsxWorkbook book, string name)
    {
        var buffer = new MemoryStream();
        book.Write(buffer);
        return Results.File(buffer.ToArray(), ContentType, name);
    }

    private static DateOnly Today(SiteState site) => DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime);

    private static string Suffix(string? part) => string.IsNullOrEmpty(part) ? "" : "-" + Safe(part);

    /// <summary>An id as part of a file name: letters, digits, '-' and '_' only.</summary>
    internal static string Safe(string id) => Unsafe().Replace(id, "_");

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex Unsafe();
}
