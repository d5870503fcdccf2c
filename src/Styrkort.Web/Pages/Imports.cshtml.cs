using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Core.Diagnostics;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;
using Styrkort.Web.Imports;

namespace Styrkort.Web.Pages;

/// <summary>Upload CSV or Excel files; errors are listed by file, line and column and nothing is imported.</summary>
[Authorize(Policy = Policies.Control)]
public sealed class ImportsModel(SiteState site, AppDb db, ImportService imports) : PageModel
{
    public IReadOnlyList<ImportBatch> Batches { get; private set; } = [];
    public IReadOnlyList<ImportBatch> Imported { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string ErrorTitle { get; private set; } = "";
    public IEnumerable<string> DatasetFiles => site.Goals.Datasets.Values.Select(d => d.File);

    public async Task OnGetAsync() => Batches = await db.ImportBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(200).ToListAsync();

    public async Task OnPostAsync(List<IFormFile> files)
    {
        var english = Localization.Texts.For(HttpContext).English;
        try
        {
            Imported = imports.Import(files.Select(f => new UploadedFile(f.FileName, f.OpenReadStream())).ToList(), User.Identity!.Name!);
        }
        catch (InputErrorsException e)
        {
            ErrorTitle = english ? "The file was refused; nothing was imported." : "Filen avvisades; inget importerades.";
            Errors = e.Errors.Select(x => x.ToString()).ToList();
        }
        catch (StyrkortException e)
        {
            ErrorTitle = english ? "The file was refused; nothing was imported." : "Filen avvisades; inget importerades.";
            Errors = [e.Message];
        }
        catch (InvalidDataException e)
        {
            ErrorTitle = english ? "The file could not be read." : "Filen kunde inte läsas.";
            Errors = [e.Message];
        }
        await OnGetAsync();
    }
}
