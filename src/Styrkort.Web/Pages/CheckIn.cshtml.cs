using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Pages;

/// <summary>The goal owner's analysis and actions for a goal, unit and quarter.</summary>
[Authorize(Policy = Policies.CheckIn)]
public sealed class CheckInModel(SiteState site, AppDb db) : PageModel
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
        if (Api.CheckIns.Problem(site, id, unit, period) is not null) return NotFound();
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
        if (Api.CheckIns.Problem(site, id, unit, period) is { } problem) return BadRequest(problem);
        if (!await Api.CheckIns.MayWrite(HttpContext, db, unit)) return Forbid();
        await Api.CheckIns.SaveAsync(db, site, id, unit, period, analysis ?? "",
            (actions ?? []).Select(a => new CheckInAction { What = a.What ?? "", Who = a.Who ?? "", Due = a.Due, State = a.State }).ToList(),
            User.Identity!.Name!);
        return Redirect($"/goals/{Uri.EscapeDataString(id)}?period={Uri.EscapeDataString(period)}&unit={Uri.EscapeDataString(unit)}");
    }
}
