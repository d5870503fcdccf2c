using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Web.Api;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;
using Styrkort.Web.Localization;
using Styrkort.Web.Presentation;

namespace Styrkort.Web.Pages;

/// <summary>
/// The goal owner's analysis and actions for a goal, unit and quarter. The form carries the version it was opened on:
/// a save over an older version is refused and the form keeps the user's text beside the newer one. A preview shows the
/// text as the goal page and the board report will, without saving.
/// </summary>
[Authorize(Policy = Policies.CheckIn)]
public sealed class CheckInModel(SiteState site, AppDb db, WebLimits limits) : PageModel
{
    public sealed record ActionRow(string What = "", string Who = "", DateOnly? Due = null, string State = ActionStates.Open);

    public string GoalId { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public string Period { get; private set; } = "";
    public string Analysis { get; private set; } = "";
    public List<ActionRow> Actions { get; private set; } = [];
    /// <summary>The version the form saves over (0: none yet).</summary>
    public int Version { get; private set; }
    /// <summary>The latest saved version, for the line above the form.</summary>
    public CheckInVersion? Latest { get; private set; }
    public string? Error { get; private set; }
    /// <summary>A refused save's newer version, and what the user's text changes in it.</summary>
    public CheckInVersion? Newer { get; private set; }
    public IReadOnlyList<LineDiff.Line?> NewerDiff { get; private set; } = [];
    /// <summary>The text as it will look, when the preview was asked for.</summary>
    public bool Previewing { get; private set; }
    public string UnitName => site.Current.Units.FirstOrDefault(u => u.Id == Unit)?.Name ?? Unit;
    public string GoalName(Core.Presentation.Language lang) => site.Goals.Goals.First(g => g.Id == GoalId).Name.For(lang);

    public async Task<IActionResult> OnGetAsync(string id, string unit, string period)
    {
        if (site.Goals.Goals.All(g => g.Id != id)) return NotFound();
        // Who may write comes first: a unit manager learns nothing about another unit's goals.
        if (!await CheckIns.MayWrite(HttpContext, db, unit)) return Forbid();
        if (CheckIns.Problem(site, id, unit, period, Texts.For(HttpContext), limits) is { } problem) return ErrorResponses.RefusePage(HttpContext, StatusCodes.Status400BadRequest, problem);
        (GoalId, Unit, Period) = (id, unit, period);
        var existing = await db.CheckIns.AsNoTracking().Include(c => c.Actions).FirstOrDefaultAsync(c => c.GoalId == id && c.UnitId == unit && c.Period == period);
        Analysis = existing?.Analysis ?? "";
        Actions = existing?.Actions.OrderBy(a => a.Id).Select(a => new ActionRow(a.What, a.Who, a.Due, a.State)).ToList() ?? [];
        Actions.AddRange(Enumerable.Range(0, 3).Select(_ => new ActionRow()));
        Version = existing?.Version ?? 0;
        Latest = await CheckIns.LatestAsync(db, id, unit, period);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string unit, string period, string? analysis, List<ActionRow>? actions, int? version)
    {
        var t = Texts.For(HttpContext);
        if (await RefuseAsync(id, unit, period, t) is { } refused) return refused;
        var rows = Rows(actions);
        if (Invalid(id, unit, period, analysis, actions, rows, version, t) is { } invalid) return invalid;
        var saved = await CheckIns.SaveAsync(db, site, id, unit, period, analysis ?? "", rows, User.Identity!.Name!, version, limits);
        if (saved is CheckInSave.Stale stale)
        {
            // Nothing is lost: the user's text stays in the form, the newer version and the difference are shown, and
            // the next save is over the newer version, knowingly.
            Keep(id, unit, period, analysis, actions, stale.Latest.Number);
            Latest = Newer = stale.Latest;
            NewerDiff = CheckInVersions.Diff(CheckInVersions.Text(stale.Latest, t), CheckInVersions.Text(Analysis, Written(rows), t));
            Error = CheckIns.StaleMessage(stale, t) + " " + t["checkin_stale_form"];
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return Redirect($"/goals/{Uri.EscapeDataString(id)}?period={Uri.EscapeDataString(period)}&unit={Uri.EscapeDataString(unit)}");
    }

    /// <summary>The form as it was sent, shown as the goal page and the report will show it; nothing is saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string id, string unit, string period, string? analysis, List<ActionRow>? actions, int? version)
    {
        var t = Texts.For(HttpContext);
        if (await RefuseAsync(id, unit, period, t) is { } refused) return refused;
        var rows = Rows(actions);
        if (Invalid(id, unit, period, analysis, actions, rows, version, t) is { } invalid) return invalid;
        Keep(id, unit, period, analysis, actions, version ?? 0);
        Latest = await CheckIns.LatestAsync(db, id, unit, period);
        Previewing = true;
        return Page();
    }

    /// <summary>The actions as the preview shows them: the written ones, as a save would keep them.</summary>
    public IReadOnlyList<CheckInVersions.Action> PreviewActions => Written(Rows(Actions));

    /// <summary>The analysis and actions as the board report prints them (its HTML form).</summary>
    public string ReportHtml(Core.Presentation.Language lang) => Reports.HtmlRenderer.CheckIn(new Reports.GoalCheckIn(GoalId, Unit, Core.Periods.Period.Parse(Period), Analysis,
        PreviewActions.Select(a => new Reports.GoalAction(a.What, a.Who, a.Due, Reports.ActionStates.Parse(a.State))).ToList(),
        User.Identity?.Name, DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime)), lang);

    private async Task<IActionResult?> RefuseAsync(string id, string unit, string period, Texts t)
    {
        if (!await CheckIns.MayWrite(HttpContext, db, unit)) return Forbid();
        if (CheckIns.Problem(site, id, unit, period, t, limits) is { } problem) return ErrorResponses.RefusePage(HttpContext, StatusCodes.Status400BadRequest, problem);
        return null;
    }

    private IActionResult? Invalid(string id, string unit, string period, string? analysis, List<ActionRow>? actions, List<CheckInAction> rows, int? version, Texts t)
    {
        if (CheckIns.Invalid(analysis, rows, limits, t) is not { } invalid) return null;
        // The form comes back as it was sent, with the reason, and nothing is saved.
        Keep(id, unit, period, analysis, actions, version ?? 0);
        Error = invalid;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void Keep(string id, string unit, string period, string? analysis, List<ActionRow>? actions, int version)
    {
        (GoalId, Unit, Period, Analysis, Version) = (id, unit, period, analysis ?? "", version);
        Actions = (actions ?? []).Take(limits.MaxActions + 3).ToList();
        if (Actions.Count(a => string.IsNullOrWhiteSpace(a.What)) == 0) Actions.Add(new ActionRow());
    }

    private static List<CheckInAction> Rows(List<ActionRow>? actions) =>
        (actions ?? []).Select(a => new CheckInAction { What = a.What ?? "", Who = a.Who ?? "", Due = a.Due, State = a.State ?? ActionStates.Open }).ToList();

    private static List<CheckInVersions.Action> Written(List<CheckInAction> rows) =>
        rows.Where(a => !string.IsNullOrWhiteSpace(a.What))
            .Select(a => new CheckInVersions.Action(a.What.Trim(), a.Who.Trim(), a.Due, ActionStates.All.Contains(a.State) ? a.State : ActionStates.Open)).ToList();
}
