using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Styrkort.Web.Jobs;

namespace Styrkort.Web.Pages;

/// <summary>
/// A queued job as its owner follows it: waiting, running (with the step), done with what it did, or failed with the
/// errors by file, line and column. The page reloads itself while the job is not finished (no script).
/// </summary>
public sealed class JobModel(JobQueue jobs) : PageModel
{
    public Job Job { get; private set; } = null!;
    public bool English { get; private set; }

    public IActionResult OnGet(string id)
    {
        if (jobs.Find(id) is not { } job || !job.VisibleTo(User)) return NotFound();
        Job = job;
        English = Localization.Texts.For(HttpContext).English;
        return Page();
    }

    public IActionResult OnPostCancel(string id)
    {
        if (jobs.Find(id) is not { } job || !job.VisibleTo(User)) return NotFound();
        if (!job.MayCancel(User)) return job.Finished ? Redirect($"/jobs/{id}") : Forbid();
        jobs.Cancel(id);
        return Redirect($"/jobs/{id}");
    }

    public string StateText => (Job.State, English) switch
    {
        (JobState.Queued, true) => "Waiting in the queue",
        (JobState.Queued, false) => "Väntar i kön",
        (JobState.Running, true) => "Running",
        (JobState.Running, false) => "Pågår",
        (JobState.Succeeded, true) => "Done",
        (JobState.Succeeded, false) => "Klart",
        (JobState.Failed, true) => "Failed",
        (JobState.Failed, false) => "Misslyckades",
        (_, true) => "Cancelled",
        _ => "Avbrutet",
    };

    public string KindText => (Job.Kind, English) switch
    {
        ("import", true) => "Import",
        ("import", false) => "Import",
        ("goalfile", true) => "Goal file",
        ("goalfile", false) => "Målfil",
        (_, true) => "Recomputing the outcomes",
        _ => "Omräkning av utfallen",
    };

    public string ErrorTitle => Job.Kind == "import"
        ? English ? "The file was refused; nothing was imported." : "Filen avvisades; inget importerades."
        : English ? "Refused; nothing was changed." : "Avvisades; inget ändrades.";
}
