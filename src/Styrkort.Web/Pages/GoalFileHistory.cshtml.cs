using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Core.Diagnostics;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;
using Styrkort.Web.Presentation;

namespace Styrkort.Web.Pages;

/// <summary>
/// The goal file's versions: who saved which, when and how; what each changed against the one before; and for
/// controllers a restore, which adds the old text as a new version after the same checks as a save.
/// </summary>
public sealed class GoalFileHistoryModel(GoalFileStore store, AppDb db) : PageModel
{
    public sealed record Row(int Number, string SavedBy, DateTime SavedAtUtc, string Origin, int Bytes);

    public string Path => store.Name;
    public IReadOnlyList<Row> Versions { get; private set; } = [];
    public int? Shown { get; private set; }
    public IReadOnlyList<LineDiff.Line?> Diff { get; private set; } = [];
    public string? Error { get; private set; }
    public bool MayRestore => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Controller);

    public async Task<IActionResult> OnGetAsync(int? diff)
    {
        await LoadAsync();
        if (diff is not { } number) return Page();
        var pair = await db.GoalFileVersions.AsNoTracking().Where(v => v.Number == number || v.Number == number - 1).ToListAsync();
        if (pair.FirstOrDefault(v => v.Number == number) is not { } version) return NotFound();
        Shown = number;
        Diff = LineDiff.WithContext(LineDiff.Compute(pair.FirstOrDefault(v => v.Number == number - 1)?.Text ?? "", version.Text));
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int number)
    {
        if (!MayRestore) return Forbid();
        var version = await db.GoalFileVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Number == number);
        var latest = await GoalFileStore.LatestAsync(db);
        if (version is null || latest is null) return NotFound();
        try
        {
            var file = store.Check(version.Text);
            var job = store.Enqueue(file, version.Text, latest.Number, User.Identity!.Name!, $"restore of {number}", AuditActions.GoalFileRestore);
            if (job is null) throw new StyrkortException(new SourceLocation(store.Name, 0, 0), "too many changes are waiting; try again in a while");
            return Redirect($"/jobs/{job.Id}");
        }
        catch (StyrkortException e)
        {
            Error = $"version {number}: {e.Message}";
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync() =>
        Versions = (await db.GoalFileVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync())
            .Select(v => new Row(v.Number, v.SavedBy, v.SavedAtUtc, v.Origin, Encoding.UTF8.GetByteCount(v.Text))).ToList();
}
