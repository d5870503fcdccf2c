using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Pages;

/// <summary>The goal owner's analysis and actions for a goal, unit and quarter.</summary>
[Authorize(Policy = Policies.CheckIn)]
public sealed class CheckInModel(SiteState site, AppDb db, WebLimits limits) : PageModel
{
    public sealed record ActionRow(string What = "", string Who = "", DateOnly? Due = null, string State = ActionStates.Open);

    public string GoalId { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public string Period { get; private set; } = "";
    public string Analysis { get; private set; } = "";
    public List<ActionRow> Actions { get; private set; } = [];
    public string? Error { get; private set; }
    public string UnitName => site.Outcomes(Core.Periods.Period.Parse(Period)).Units.FirstOrDefault(u => u.Id == Unit)?.Name ?? Unit;
    public string GoalName(string lang) => site.Goals.Goals.First(g => g.Id == GoalId).Name.For(lang);

    public async Task<IActionResult> OnGetAsync(string id, string unit, string period)
    {
        if (Api.CheckIns.Problem(site, id, unit, period, limits) is not null) return NotFound();
        if (!await Api.CheckIns.MayWrite(HttpContext, db, unit)) return Forbid();
        (GoalId, Unit, Period) = (id, unit, period);
        var existing = await db.CheckIns.AsNoTracking().Include(c => c.Actions).FirstOrDefaultAsync(c => c.GoalId == id && c.UnitId == unit && c.Period == period);
        Analysis = existing?.Analysis ?? "";
        Actions = existing?.Actions.Select(a => new ActionRow(a.What, a.Who, a.Due, a.State)).ToList() ?? [];
        Actions.AddRange(Enumerable.Range(0, 3).Select(_ => new ActionRow()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string unit, string period, string? analysis, List<ActionRow>? actions)
    {
        if (Api.CheckIns.Problem(site, id, unit, period, limits, Localization.Texts.For(HttpContext)) is { } problem) return ErrorResponses.RefusePage(HttpContext, StatusCodes.Status400BadRequest, problem);
        if (!await Api.CheckIns.MayWrite(HttpContext, db, unit)) return Forbid();
        var rows = (actions ?? []).Select(a => new CheckInAction { What = a.What ?? "", Who = a.Who ?? "", Due = a.Due, State = a.State ?? ActionStates.Open }).ToList();
        if (Api.CheckIns.Invalid(analysis, rows, limits, Localization.Texts.For(HttpContext)) is { } invalid)
        {
            // The form comes back as it was sent, with the reason, and nothing is saved.
            (GoalId, Unit, Period, Analysis, Error) = (id, unit, period, analysis ?? "", invalid);
            Actions = (actions ?? []).Take(limits.MaxActions + 3).ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await Api.CheckIns.SaveAsync(db, site, id, unit, period, analysis ?? "", rows, User.Identity!.Name!, limits);
        return Redirect($"/goals/{Uri.EscapeDataString(id)}?period={Uri.EscapeDataString(period)}&unit={Uri.EscapeDataString(unit)}");
    }
}
