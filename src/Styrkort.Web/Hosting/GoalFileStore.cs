using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Web.AppStore;
using Styrkort.Web.Audit;
using Styrkort.Web.Jobs;

namespace Styrkort.Web.Hosting;

/// <summary>
/// The goal file belongs to the data folder: its versions are rows in the app store (the file given with --goals only
/// seeds version 1), and the latest is written as DATA/goals/NAME.yaml, the working copy that includes resolve beside.
/// The file given at start is never written.
/// </summary>
public sealed class GoalFileStore(WebOptions options, SiteState site, JobQueue jobs)
{
    /// <summary>The goal file's name, as the user knows it (goals.yaml).</summary>
    public string Name => Path.GetFileName(options.GoalFile);

    public string Folder => Path.Combine(options.DataDirectory, "goals");

    public string WorkingCopy => Path.Combine(Folder, Name);

    public static Task<GoalFileVersion?> LatestAsync(AppDb db, CancellationToken cancellation = default) =>
        db.GoalFileVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellation);

    /// <summary>The latest version, seeding version 1 from the file given at start when there is none yet.</summary>
    public async Task<GoalFileVersion> EnsureSeededAsync(AppDb db)
    {
        if (await LatestAsync(db) is { } latest) return latest;
        if (!File.Exists(options.GoalFile)) throw new StyrkortException(new SourceLocation(options.GoalFile, 0, 0), "goal file not found");
        var text = Normalise(await File.ReadAllTextAsync(options.GoalFile));
        var seed = NewVersion(1, text, "system", "seed");
        db.GoalFileVersions.Add(seed);
        AuditTrail.Record(db, site.Clock, "system", AuditActions.GoalFileSave, $"{Name} version 1", $"seeded from {Name} ({Encoding.UTF8.GetByteCount(text)} bytes, sha256 {seed.Sha256})");
        await db.SaveChangesAsync();
        // The libraries the seed includes go beside the working copy, where its includes resolve from now on.
        var from = Path.GetDirectoryName(Path.GetFullPath(options.GoalFile))!;
        CopyIncludes(Path.GetFullPath(options.GoalFile), from, new HashSet<string>(StringComparer.Ordinal));
        return seed;
    }

    /// <summary>Copies the files a goal file includes (and they include), those inside its folder; others are left to the reader's error.</summary>
    private void CopyIncludes(string file, string from, HashSet<string> seen)
    {
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        try { yaml.Load(new StringReader(File.ReadAllText(file))); }
        catch (YamlDotNet.Core.YamlException) { return; } // the reader says where, when the working copy is loaded
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlDotNet.RepresentationModel.YamlMappingNode root
            || !root.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode("include"), out var node)
            || node is not YamlDotNet.RepresentationModel.YamlSequenceNode list) return;
        foreach (var item in list.OfType<YamlDotNet.RepresentationModel.YamlScalarNode>())
        {
            if (string.IsNullOrEmpty(item.Value)) continue;
            var source = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, item.Value));
            if (!source.StartsWith(from + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(source) || !seen.Add(source)) continue;
            var target = Path.Combine(Folder, Path.GetRelativePath(from, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            CopyIncludes(source, from, seen);
        }
    }

    /// <summary>Reads the working copy of a version (written first), checked like the command line.</summary>
    public GoalFile Load(GoalFileVersion version)
    {
        WriteWorkingCopy(version.Text);
        return GoalFileCheck.Run(WorkingCopy).Accepted();
    }

    /// <summary>
    /// Checks a text exactly as the command line does (located errors) and against the warehouse (every dataset loaded),
    /// beside the working copy so that its includes resolve the same way. Throws <see cref="StyrkortException"/> naming
    /// the goal file, never the candidate.
    /// </summary>
    public GoalFile Check(string text) => Check(text, out _);

    /// <inheritdoc cref="Check(string)"/>
    /// <param name="warnings">The pitfalls of its goal structure, named after the goal file: shown, never refused.</param>
    public GoalFile Check(string text, out IReadOnlyList<GoalFileWarning> warnings)
    {
        Directory.CreateDirectory(Folder);
        var candidate = Path.Combine(Folder, $".{Name}.{Guid.NewGuid():N}.candidate");
        try
        {
            File.WriteAllText(candidate, Normalise(text));
            var check = GoalFileCheck.Run(candidate);
            warnings = check.Warnings.Select(w => new GoalFileWarning(Renamed(w.Location, candidate), Renamed(w.Message, candidate))).ToList();
            var file = check.Accepted();
            site.Read(w =>
            {
                if (w.HasUnits) w.RequireLoaded(file, Name);
                return 0;
            });
            return file with { Path = WorkingCopy };
        }
        catch (StyrkortException e)
        {
            throw StyrkortException.Of(e.Errors.Select(error => new StyrkortException(Renamed(error.Location, candidate), Renamed(error.Reason, candidate)) { Said = error.Said }).ToList());
        }
        finally
        {
            if (File.Exists(candidate)) File.Delete(candidate);
        }
    }

    // The candidate itself is the goal file, by its name alone: a path relative to the working directory
    // (data/goals/…) would name a folder the user never sees.
    // An included file is named relative to the goal file (lib/parameters.yaml), as its include: line names it: the
    // server's absolute path to the data folder is neither the user's business nor something to publish.
    private SourceLocation Renamed(SourceLocation location, string candidate) => location with
    {
        File = Path.GetFileName(location.File) == Path.GetFileName(candidate) ? Name : Shown(location.File),
    };

    private string Renamed(string text, string candidate)
    {
        var renamed = text.Replace(candidate, Name, StringComparison.Ordinal).Replace(Path.GetFileName(candidate), Name, StringComparison.Ordinal);
        var folder = Path.GetFullPath(Folder);
        // Longest first: the goals folder lies inside the data folder.
        renamed = renamed.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
            .Replace(Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        var data = Path.GetFullPath(options.DataDirectory);
        return renamed.Replace(data + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }

    /// <summary>An engine's message as the user may read it: the data folder's place on the server left out.</summary>
    private string WithoutServerPaths(string message) =>
        message.Replace(Path.GetFullPath(Folder) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
            .Replace(Path.GetFullPath(options.DataDirectory) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    /// <summary>A file as the user knows it: relative to the goal file's folder when inside it, else by its name alone.</summary>
    public string Shown(string file)
    {
        if (file.Length == 0 || file == Name) return file;
        var relative = Path.GetRelativePath(Path.GetFullPath(Folder), Path.GetFullPath(file));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFileName(file) : relative.Replace('\\', '/');
    }

    /// <summary>
    /// Queues a checked text as a new version: the job evaluates the default quarters under it first (a formula that fails
    /// in the warehouse changes nothing), then adds the version and its audit entry, writes the working copy and puts the
    /// new snapshot in force. Refused when <paramref name="basedOn"/> is no longer the latest version.
    /// </summary>
    public Job? Enqueue(GoalFile file, string text, int basedOn, string user, string origin, string auditAction)
    {
        text = Normalise(text);
        return jobs.Enqueue("goalfile", user, $"{Name} ({origin})", async ctx =>
        {
            var db = ctx.Services.GetRequiredService<AppDb>();
            var latest = await LatestAsync(db, ctx.Cancellation);
            if (latest is not null && latest.Number != basedOn)
                throw new StyrkortException(new SourceLocation(Name, 0, 0), Stale(latest, basedOn));
            var number = (latest?.Number ?? 0) + 1;
            ctx.Report("computing the outcomes");
            SiteSnapshot snapshot;
            try
            {
                snapshot = await site.BuildAsync(db, file, number, ctx.Cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException and not StyrkortException)
            {
                throw new StyrkortException(new SourceLocation(Name, 0, 0), "the goal file does not evaluate against the warehouse: " + WithoutServerPaths(e.Message.Split('\n')[0]));
            }
            ctx.Cancellation.ThrowIfCancellationRequested();
            var version = NewVersion(number, text, user, origin);
            db.GoalFileVersions.Add(version);
            AuditTrail.Record(db, site.Clock, user, auditAction, $"{Name} version {number}",
                $"{origin}: {Encoding.UTF8.GetByteCount(text)} bytes, sha256 {version.Sha256}");
            await db.SaveChangesAsync(CancellationToken.None);
            WriteWorkingCopy(text);
            site.Publish(snapshot);
            Jobs.InsightsJob.Enqueue(jobs, site, snapshot, user);
            ctx.Job.Message = $"{Name} version {number}";
        });
    }

    /// <summary>Why a save that started from an older version is refused: who saved since, and when.</summary>
    public static string Stale(GoalFileVersion latest, int basedOn, Localization.Texts? t = null) =>
        (t ?? new Localization.Texts(Core.Presentation.Language.En)).Format("goalfile_stale", latest.Number, latest.SavedBy,
            latest.SavedAtUtc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), basedOn);

    private GoalFileVersion NewVersion(int number, string text, string user, string origin) => new()
    {
        Number = number, Text = text, Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
        SavedBy = user, SavedAtUtc = site.Clock.GetUtcNow().UtcDateTime, Origin = origin,
    };

    private void WriteWorkingCopy(string text)
    {
        Directory.CreateDirectory(Folder);
        var temporary = WorkingCopy + ".writing";
        File.WriteAllText(temporary, text);
        File.Move(temporary, WorkingCopy, overwrite: true);
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
