using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Core.Diagnostics;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;
using Styrkort.Web.Imports;
using Styrkort.Web.Jobs;

namespace Styrkort.Web.Pages;

/// <summary>Upload CSV or Excel files: queued as a job, whose page lists the errors by file, line and column (and nothing is imported).</summary>
[Authorize(Policy = Policies.Control)]
public sealed class ImportsModel(SiteState site, ImportService imports, JobQueue jobs) : PageModel
{
    /// <summary>The imports of the last while that this user may follow: waiting, running or done.</summary>
    public IReadOnlyList<Job> Jobs => jobs.All().Where(j => j.Kind == "import" && j.VisibleTo(User)).Take(20).ToList();
    /// <summary>The import history, newest first: the command line's imports as well as the web app's.</summary>
    public IReadOnlyList<Core.Warehouse.ImportRecord> Batches { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string ErrorTitle { get; private set; } = "";
    public IEnumerable<string> DatasetFiles => site.Goals.Datasets.Values.Select(d => d.File);

    public void OnGet() => Batches = site.Read(w => w.Imports(200));

    /// <summary>The datasets, each with its template files (<see cref="Imports.ImportTemplates"/>).</summary>
    public IEnumerable<Core.GoalFiles.Dataset> Datasets => site.Goals.Datasets.Values;

    /// <summary>
    /// Quick checks answer at once; the files then wait for their preview (/imports/preview/TOKEN), where the column
    /// mapping is confirmed and the import queued.
    /// </summary>
    public IActionResult OnPost(List<IFormFile> files)
    {
        var english = Localization.Texts.For(HttpContext).English;
        try
        {
            var upload = imports.Keep(files.Select(f => new UploadedFile(f.FileName, f.OpenReadStream())).ToList(), User.Identity!.Name!);
            return Redirect($"/imports/preview/{upload.Token}");
        }
        catch (Exception e) when (e is StyrkortException or InvalidDataException)
        {
            ErrorTitle = english ? "The file was refused; nothing was imported." : "Filen avvisades; inget importerades.";
            Errors = [e.Message];
        }
        OnGet();
        return Page();
    }
}
