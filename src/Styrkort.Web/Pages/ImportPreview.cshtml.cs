using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;
using Styrkort.Web.Imports;
using Styrkort.Web.Localization;

namespace Styrkort.Web.Pages;

/// <summary>
/// An upload before it is imported: each file's detected encoding and separator, its first rows as read, and the
/// column mapping (pre-filled by name) to confirm. "Importera" queues the import; nothing is imported before it. A
/// plain form: works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.Control)]
public sealed class ImportPreviewModel(SiteState site, ImportService imports, PendingUploads pending, WebLimits limits) : PageModel
{
    public string Token { get; private set; } = "";
    public IReadOnlyList<UploadPreview> Files { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    /// <summary>The mapping as chosen, when the page is shown again after a refused one; else the proposal.</summary>
    public IReadOnlyList<IReadOnlyList<string?>>? Chosen { get; private set; }

    public IActionResult OnGet(string token) => Load(token) is { } ? Page() : Gone();

    public IActionResult OnPost(string token)
    {
        if (Load(token) is not { } upload) return Gone();
        var t = Texts.For(HttpContext);
        var chosen = Files.Select((f, i) => (IReadOnlyList<string?>)f.Header.Select((_, c) => Request.Form[$"map_{i}_{c}"].ToString() is { Length: > 0 } v ? v : null).ToList()).ToList();
        var errors = Files.Where(f => f.Problem is not null).Select(f => ImportTexts.Located(f.Problem!, t)).ToList();
        for (var i = 0; i < Files.Count; i++)
            errors.AddRange(Files[i].Check(chosen[i]).Select(p => ImportTexts.Mapping(Files[i].File.UserFileName, p.Column, p.Problem, t)));
        if (errors.Count > 0)
        {
            Errors = errors;
            Chosen = chosen;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        // A mapping that reads every column by its own name needs no rewriting of the header.
        var columns = new Dictionary<string, IReadOnlyList<string?>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Files.Count; i++)
            if (!chosen[i].SequenceEqual(Files[i].Header)) columns[Files[i].Dataset.Name] = chosen[i].Select(c => c is null ? null : Files[i].Dataset.Find(c)!.Name).ToList();
        try
        {
            var job = imports.Confirm(upload, columns, User.Identity!.Name!);
            return Redirect($"/jobs/{job.Id}");
        }
        catch (DirectoryNotFoundException)
        {
            return Gone(); // confirmed twice at once: the other confirmation took the files
        }
        catch (Core.Diagnostics.StyrkortException e)
        {
            // The queue is full: the upload is gone with the refused job, and the page says why.
            Errors = [e.Message];
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }

    public IActionResult OnPostDiscard(string token)
    {
        if (pending.Find(token, User.Identity!.Name!) is { } upload) pending.Discard(upload);
        return Redirect("/imports");
    }

    private PendingUpload? Load(string token)
    {
        var upload = pending.Find(token, User.Identity!.Name!);
        if (upload is null) return null;
        Token = upload.Token;
        var files = new List<UploadPreview>();
        foreach (var file in upload.Files)
        {
            // The goal file in force now: a dataset removed since the upload cannot be imported.
            if (site.Goals.Datasets.Values.FirstOrDefault(d => d.Name.Equals(file.Dataset, StringComparison.OrdinalIgnoreCase)) is not { } dataset) return null;
            files.Add(UploadPreview.Read(file, dataset, pending.PathOf(upload, file), limits.PreviewRows));
        }
        Files = files;
        return upload;
    }

    private IActionResult Gone()
    {
        var t = Texts.For(HttpContext);
        return ErrorResponses.RefusePage(HttpContext, StatusCodes.Status404NotFound, t.English
            ? "This upload is not waiting any more (it expired after an hour, was imported or discarded); upload the file again."
            : "Den här uppladdningen väntar inte längre (den gick ut efter en timme, importerades eller kastades); ladda upp filen igen.");
    }

    public string? Selected(int file, int column) => Chosen is { } c ? c[file][column] : Files[file].Proposed[column];
}
