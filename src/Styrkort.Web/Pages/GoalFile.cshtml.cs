using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Pages;

/// <summary>
/// The goal file as text: everyone reads it; controllers save a new version, which is checked exactly as on the command
/// line (file, line, column) and against the warehouse before it replaces the old one. Earlier versions are kept.
/// </summary>
public sealed class GoalFileModel(SiteState site, WebOptions options) : PageModel
{
    public string Path => System.IO.Path.GetFileName(options.GoalFile);
    public string Text { get; private set; } = "";
    public string? Error { get; private set; }
    public bool Saved { get; private set; }
    public bool MayEdit => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Controller);

    public void OnGet(bool saved = false)
    {
        Text = System.IO.File.ReadAllText(options.GoalFile);
        Saved = saved;
    }

    public IActionResult OnPost(string? text)
    {
        if (!MayEdit) return Forbid();
        Text = text ?? "";
        // Checked beside the real file, so that its includes resolve the same way.
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.GoalFile))!;
        var candidate = System.IO.Path.Combine(folder, $".{Path}.{Guid.NewGuid():N}.candidate");
        try
        {
            System.IO.File.WriteAllText(candidate, Text.Replace("\r\n", "\n", StringComparison.Ordinal));
            var file = GoalFileReader.Read(candidate);
            MetricCompiler.CheckAll(file);
            site.ReplaceGoals(file with { Path = options.GoalFile }, Path);
            var history = Directory.CreateDirectory(System.IO.Path.Combine(options.DataDirectory, "goalfile-history"));
            var stamp = site.Clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
            System.IO.File.Copy(options.GoalFile, System.IO.Path.Combine(history.FullName, $"{stamp}-{User.Identity!.Name}-{Path}"), overwrite: true);
            System.IO.File.Move(candidate, options.GoalFile, overwrite: true);
            return Redirect("/goalfile?saved=true");
        }
        catch (StyrkortException e)
        {
            Error = e.Message.Replace(System.IO.Path.GetFileName(candidate), Path, StringComparison.Ordinal)
                .Replace(candidate, Path, StringComparison.Ordinal);
            return Page();
        }
        finally
        {
            if (System.IO.File.Exists(candidate)) System.IO.File.Delete(candidate);
        }
    }
}
