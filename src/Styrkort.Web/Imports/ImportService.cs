using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Warehouse;
using Styrkort.Core.Warehouse.Csv;
using Styrkort.Web.AppStore;
using Styrkort.Web.Audit;
using Styrkort.Web.Hosting;
using Styrkort.Web.Jobs;

namespace Styrkort.Web.Imports;

public sealed record UploadedFile(string FileName, Stream Content);

/// <summary>Hooks into an import's unit of work, for tests: runs inside the warehouse transaction, before the app store commits.</summary>
public sealed class ImportHooks
{
    public Action<IReadOnlyList<ImportedFile>>? InsideTransaction { get; set; }
}

/// <summary>
/// Imports uploaded CSV or Excel files, each matched to a dataset by its file name (loans.csv, loans.xlsx). The request
/// does the quick checks and keeps the files in a job folder inside the data folder; the job queue does the rest, as
/// one unit of work: the warehouse import, the batches and the audit entries commit together or not at all, and only
/// then does the new snapshot go in force.
/// </summary>
public sealed class ImportService(SiteState site, WebOptions options, JobQueue jobs, ImportHooks hooks, WebLimits limits, PendingUploads pending)
{
    /// <param name="Format">The file's format when known (an upload previewed), else detected when the job runs.</param>
    /// <param name="Columns">The dataset column each file column is read as (the preview's mapping); null: by the header's names.</param>
    private sealed record Staged(string Dataset, string UserFileName, string StoredPath, bool Excel, CsvFormat? Format = null, IReadOnlyList<string?>? Columns = null);

    /// <summary>The quick checks (a file at all, each named after a dataset, one file per dataset).</summary>
    private List<(UploadedFile File, Dataset Dataset)> Matched(IReadOnlyList<UploadedFile> files)
    {
        if (files.Count == 0) throw new StyrkortException(new SourceLocation("upload", 0, 0), "no file was uploaded");
        var goals = site.Goals;
        var matched = files.Select(f => (File: f, Dataset: PendingUploads.Match(goals, f.FileName))).ToList();
        var twice = matched.GroupBy(m => m.Dataset.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new StyrkortException(new SourceLocation(twice.Last().File.FileName, 0, 0),
                $"two files for the dataset '{twice.Key}': {string.Join(", ", twice.Select(m => m.File.FileName))}");
        return matched;
    }

    /// <summary>The quick checks, then the files kept for their preview: nothing is queued until it is confirmed (<see cref="Confirm"/>).</summary>
    public PendingUpload Keep(IReadOnlyList<UploadedFile> files, string user) => pending.Keep(Matched(files), user);

    /// <summary>
    /// Queues the import of a previewed upload with its column mapping (per file, the dataset column each file column is
    /// read as, or null to ignore it; a file left out is read by its header's names).
    /// </summary>
    public Job Confirm(PendingUpload upload, IReadOnlyDictionary<string, IReadOnlyList<string?>> columns, string user)
    {
        var id = JobQueue.NewId();
        var folder = JobFolder(id);
        pending.MoveTo(upload, Path.Combine(folder, "upload"));
        var staged = upload.Files.Select(f => new Staged(f.Dataset, f.UserFileName, Path.Combine(folder, "upload", f.Stored), false, f.CsvFormat,
            columns.GetValueOrDefault(f.Dataset))).ToList();
        var subject = string.Join(", ", staged.Select(s => s.UserFileName));
        return jobs.Enqueue("import", user, subject, ctx => RunAsync(ctx, staged, folder, user), () => Remove(folder), id)
               ?? Refuse(folder);
    }

    /// <summary>The quick checks, then the files kept and the import queued at once (the API: no preview).</summary>
    public Job Enqueue(IReadOnlyList<UploadedFile> files, string user)
    {
        var matched = Matched(files);
        var id = JobQueue.NewId();
        var folder = JobFolder(id);
        var staged = new List<Staged>();
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "upload"));
            for (var i = 0; i < matched.Count; i++)
            {
                var (file, dataset) = matched[i];
                var excel = Path.GetExtension(file.FileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);
                // Stored under a name of our own: the user's file name is only ever shown, never used as a path.
                var stored = Path.Combine(folder, "upload", $"{i}{(excel ? ".xlsx" : ".csv")}");
                using (var output = File.Create(stored)) file.Content.CopyTo(output);
                staged.Add(new Staged(dataset.Name, Path.GetFileName(file.FileName), stored, excel));
            }
        }
        catch
        {
            Remove(folder);
            throw;
        }
        var subject = string.Join(", ", staged.Select(s => s.UserFileName));
        return jobs.Enqueue("import", user, subject, ctx => RunAsync(ctx, staged, folder, user), () => Remove(folder), id)
               ?? Refuse(folder);
    }

    private static Job Refuse(string folder)
    {
        Remove(folder);
        throw new StyrkortException(new SourceLocation("upload", 0, 0), "too many imports are waiting; try again in a while");
    }

    private async Task RunAsync(JobContext ctx, IReadOnlyList<Staged> staged, string folder, string user)
    {
        // The goal file in force when the job runs: a version saved meanwhile is the one the data must fit.
        var goals = site.Goals;
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var formats = new Dictionary<string, CsvFormat>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in staged)
        {
            ctx.Cancellation.ThrowIfCancellationRequested();
            var dataset = goals.Datasets.Values.FirstOrDefault(d => d.Name.Equals(file.Dataset, StringComparison.OrdinalIgnoreCase))
                ?? throw new StyrkortException(new SourceLocation(file.UserFileName, 0, 0), $"the goal file in force has no dataset '{file.Dataset}' any more");
            var target = Inside(data, dataset, file.UserFileName);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var source = file.StoredPath;
            var format = file.Format;
            if (file.Excel)
            {
                ctx.Report($"{file.UserFileName}: Excel → CSV");
                source = Path.ChangeExtension(file.StoredPath, ".converted.csv");
                using (var input = File.OpenRead(file.StoredPath)) ExcelToCsv.Convert(input, source, limits);
                format = CsvFormat.Excel;
            }
            format ??= CsvSniffer.Detect(source);
            // Read by the loader as it is, or rewritten as it reads (encoding, separator, decimal commas, the mapping).
            if (file.Columns is null && format.Encoding == TextEncoding.Utf8 && format.Separator == FieldSeparator.Comma) File.Move(source, target);
            else
            {
                ctx.Report($"{file.UserFileName}: {format.Describe()} → CSV");
                CsvNormaliser.Normalise(source, target, format, dataset, file.UserFileName, file.Columns);
            }
            names[dataset.Name] = file.UserFileName;
            formats[dataset.Name] = format;
        }
        var db = ctx.Services.GetRequiredService<AppDb>();
        var batches = Commit(db, goals, data, names, user, new StepProgress(ctx), ctx.Cancellation, formats);
        ctx.Report("computing the outcomes");
        var snapshot = await site.BuildAsync(db, goals, site.Current.Version, CancellationToken.None);
        site.Publish(snapshot);
        Jobs.InsightsJob.Enqueue(ctx.Services.GetRequiredService<Jobs.JobQueue>(), site, snapshot, user);
        ctx.Job.Batches = batches;
        ctx.Job.Message = string.Join(", ", batches.Select(b => $"{b.File} ({b.Rows} rows)"));
    }

    /// <summary>
    /// The unit of work of an import: the warehouse import, which records it in the one import history (with the user's
    /// file names and who imported), and the audit entries saved inside the warehouse's transaction. A failed audit save
    /// rolls the warehouse back; a failed warehouse commit after the audit committed (unlikely) is said in the trail.
    /// </summary>
    /// <param name="names">The user's file name per dataset, shown in the history and errors.</param>
    /// <param name="formats">The formats of files already rewritten in the loader's form, as the history records them.</param>
    public IReadOnlyList<ImportRecord> Commit(AppDb db, GoalFile goals, string folder, IReadOnlyDictionary<string, string> names, string user,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellation = default, IReadOnlyDictionary<string, CsvFormat>? formats = null)
    {
        IReadOnlyList<ImportedFile> audited = [];
        try
        {
            return site.Write(w =>
            {
                var imported = w.Import(goals, folder, site.Clock, progress, imported =>
                {
                    hooks.InsideTransaction?.Invoke(imported);
                    foreach (var i in imported)
                        AuditTrail.Record(db, site.Clock, user, AuditActions.Import, i.Dataset,
                            $"{i.Rows} rows from {i.File} ({(i.Format is { } f ? f.Describe() + ", " : "")}sha256 {i.Sha256})");
                    db.SaveChanges();
                    audited = imported;
                }, cancellation, names, importedBy: user, sourceFormats: formats);
                // Writes take turns (the write gate): the newest records are this import's.
                return w.Imports(imported.Count);
            });
        }
        catch (Exception) when (audited.Count > 0)
        {
            // The audit committed, the warehouse did not: say so in the trail.
            db.ChangeTracker.Clear();
            foreach (var i in audited)
                AuditTrail.Record(db, site.Clock, "system", "import.undone", i.Dataset, $"the warehouse did not commit; the import of {i.File} did not happen");
            db.SaveChanges();
            throw;
        }
        catch (InputErrorsException e)
        {
            throw new InputErrorsException(e.Errors.Select(x => x with { Location = Rename(x.Location, folder, goals, names), Message = Rename(x.Message, folder, goals, names) }).ToList());
        }
        catch (StyrkortException e)
        {
            throw new StyrkortException(Rename(e.Location, folder, goals, names), Rename(e.Reason, folder, goals, names));
        }
        catch (DbUpdateException)
        {
            throw new StyrkortException(new SourceLocation("upload", 0, 0), "the import could not be recorded; nothing was changed");
        }
    }

    /// <summary>Where the warehouse reads a dataset's file in the job folder; never outside it, whatever the goal file says.</summary>
    private static string Inside(string folder, Dataset dataset, string userFileName)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var target = Path.GetFullPath(Path.Combine(folder, dataset.File));
        if (!target.StartsWith(root, StringComparison.Ordinal))
            throw new StyrkortException(new SourceLocation(userFileName, 0, 0),
                $"the dataset '{dataset.Name}' names the file '{dataset.File}', which is outside the data folder; fix the goal file first");
        return Path.Combine(folder, dataset.File);
    }

    private static SourceLocation Rename(SourceLocation location, string folder, GoalFile goals, IReadOnlyDictionary<string, string> names) =>
        location with { File = Rename(location.File, folder, goals, names) };

    /// <summary>Errors name the user's own files, never the job folder.</summary>
    private static string Rename(string text, string folder, GoalFile goals, IReadOnlyDictionary<string, string> names)
    {
        foreach (var (dataset, name) in names)
            if (goals.Datasets.TryGetValue(dataset, out var d)) text = text.Replace(Path.Combine(folder, d.File), name, StringComparison.Ordinal);
        return text.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Replace(folder, "upload", StringComparison.Ordinal);
    }

    private string JobFolder(string id) => Path.Combine(options.DataDirectory, "jobs", id);

    private static void Remove(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>Reports the warehouse's steps as the job's step, at once (Progress&lt;T&gt; would post them later).</summary>
    private sealed class StepProgress(JobContext ctx) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => ctx.Report($"{value.Index} of {value.Count}: {value.Dataset}");
    }
}
