using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Styrkort.Core.Diagnostics;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Pages;

/// <summary>
/// The goal file as text: everyone reads the latest version; controllers save a new one, which is checked exactly as on
/// the command line (file, line, column) and against the warehouse, then applied through the job queue. A save names the
/// version it started from and is refused when someone saved since: no silent overwrite of a colleague's work.
/// </summary>
public sealed class GoalFileModel(GoalFileStore store, AppDb db) : PageModel
{
    public string Path => store.Name;
    public string Text { get; private set; } = "";
    public GoalFileVersion? Latest { get; private set; }
    /// <summary>The version the form saves over.</summary>
    public int Version { get; private set; }
    public string? Error { get; private set; }
    public bool MayEdit => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Controller);

    public async Task OnGetAsync()
    {
        Latest = await GoalFileStore.LatestAsync(db, HttpContext.RequestAborted);
        Text = Latest?.Text ?? "";
        Version = Latest?.Number ?? 0;
    }

    public async Task<IActionResult> OnPostAsync(string? text, int version)
    {
        if (!MayEdit) return Forbid();
        Latest = await GoalFileStore.LatestAsync(db, HttpContext.RequestAborted);
        Text = text ?? "";
        Version = version;
        if (Latest is not null && Latest.Number != version)
        {
            // The text stays in the form; the next save is over the latest version, knowingly.
            Error = GoalFileStore.Stale(Latest, version);
            Version = Latest.Number;
            return Page();
        }
        try
        {
            var file = store.Check(Text);
            var job = store.Enqueue(file, Text, version, User.Identity!.Name!, "save", AuditActions.GoalFileSave);
            if (job is null)
            {
                Error = "too many changes are waiting; try again in a while";
                return Page();
            }
            return Redirect($"/jobs/{job.Id}");
        }
        catch (StyrkortException e)
        {
            Error = e.Message;
            return Page();
        }
    }
}
