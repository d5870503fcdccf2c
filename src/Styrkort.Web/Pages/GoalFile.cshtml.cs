using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
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
    /// <summary>Every error of a refused text in file order, the first of them being <see cref="Error"/>'s; empty for other refusals.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];
    /// <summary>Every error of a refused text with its place, so that the page links each to its line in the editor.</summary>
    public IReadOnlyList<Finding> Findings { get; private set; } = [];
    /// <summary>An error at a place, its file named as the user knows it; <see cref="InEditor"/> when that place is in the text below.</summary>
    public sealed record Finding(SourceLocation At, string Reason, bool InEditor);
    /// <summary>Lines the gutter numbers: the text's, at least one.</summary>
    public int LineCount => Math.Max(1, Text.Split('\n').Length);
    /// <summary>The pitfalls of the goal structure in force (or of the refused text): shown, never refused.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public bool MayEdit => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Controller);

    public async Task OnGetAsync()
    {
        Latest = await GoalFileStore.LatestAsync(db, HttpContext.RequestAborted);
        Text = Latest?.Text ?? "";
        Version = Latest?.Number ?? 0;
        // Read from the working copy of the latest version: the snapshot's locations name the file it was checked as.
        if (Latest is not null && GoalFileReader.ReadAll(store.WorkingCopy).File is { } file)
            Warnings = GoalPitfalls.Of(file).Select(w => Shown(w.Location, "warning: " + w.Message)).ToList();
    }

    /// <summary>A finding named by the goal file's name, not the data folder's path to its working copy.</summary>
    private string Shown(SourceLocation at, string message) =>
        $"{at with { File = store.Shown(at.File) }}: {message}";

    public async Task<IActionResult> OnPostAsync(string? text, int version)
    {
        if (!MayEdit) return Forbid();
        Latest = await GoalFileStore.LatestAsync(db, HttpContext.RequestAborted);
        Text = text ?? "";
        Version = version;
        if (Latest is not null && Latest.Number != version)
        {
            // The text stays in the form; the next save is over the latest version, knowingly.
            Error = GoalFileStore.Stale(Latest, version, Localization.Texts.For(HttpContext));
            Version = Latest.Number;
            return Page();
        }
        try
        {
            var file = store.Check(Text, out var warnings);
            Warnings = warnings.Select(w => w.ToString()).ToList();
            var job = store.Enqueue(file, Text, version, User.Identity!.Name!, "save", AuditActions.GoalFileSave);
            if (job is null)
            {
                Error = Localization.Texts.For(HttpContext)["goalfile_busy"];
                return Page();
            }
            return Redirect($"/jobs/{job.Id}");
        }
        catch (StyrkortException e)
        {
            Error = e.Message;
            var ordered = e.Errors.Count > 1 ? Core.Compilation.GoalFileCheck.InFileOrder(e.Errors, x => x.Location).ToList() : [e];
            if (e.Errors.Count > 1) Errors = ordered.Select(x => x.Message).ToList();
            // The reasons in the user's language where the engine's catalogue has them (Core.Presentation.Messages).
            var lang = Localization.Texts.For(HttpContext).Lang;
            Findings = ordered.Select(x => new Finding(x.Location, x.ReasonIn(lang), x.Location.File == store.Name && x.Location.Line > 0)).ToList();
            return Page();
        }
    }
}
