using Styrkort.Core.Diagnostics;
using Styrkort.Web.AppStore;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Imports;

public sealed record UploadedFile(string FileName, Stream Content);

/// <summary>
/// Imports uploaded CSV or Excel files, each matched to a dataset by its file name (loans.csv, loans.xlsx), through the
/// same all-or-nothing warehouse import as the command line; records the batch and recomputes the outcomes.
/// </summary>
public sealed class ImportService(SiteState site, AppDb db)
{
    public IReadOnlyList<ImportBatch> Import(IReadOnlyList<UploadedFile> files, string user)
    {
        if (files.Count == 0) throw new StyrkortException(new SourceLocation("upload", 0, 0), "no file was uploaded");
        var folder = Directory.CreateTempSubdirectory("styrkort-upload-").FullName;
        try
        {
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in files)
            {
                var stem = Path.GetFileNameWithoutExtension(file.FileName);
                var dataset = site.Goals.Datasets.Values.FirstOrDefault(d =>
                    Path.GetFileNameWithoutExtension(d.File).Equals(stem, StringComparison.OrdinalIgnoreCase) || d.Name.Equals(stem, StringComparison.OrdinalIgnoreCase))
                    ?? throw new StyrkortException(new SourceLocation(file.FileName, 0, 0),
                        $"no dataset is called '{stem}'; name the file after one of: {string.Join(", ", site.Goals.Datasets.Values.Select(d => d.File))}");
                var target = Path.Combine(folder, dataset.File);
                if (Path.GetExtension(file.FileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase)) ExcelToCsv.Convert(file.Content, target);
                else using (var output = File.Create(target)) file.Content.CopyTo(output);
                names[dataset.File] = file.FileName;
            }
            var imported = site.UseWarehouse(w => w.Import(site.Goals, folder, site.Clock));
            var now = site.Clock.GetUtcNow().UtcDateTime;
            var batches = imported.Select(i => new ImportBatch
            {
                Dataset = i.Dataset, FileName = names[Path.GetFileName(i.File)], Sha256 = i.Sha256, Rows = i.Rows, ImportedBy = user, ImportedAtUtc = now,
            }).ToList();
            db.ImportBatches.AddRange(batches);
            db.SaveChanges();
            site.Recompute(AppStoreSetup.DecidedLevels(db));
            return batches;
        }
        catch (InputErrorsException e)
        {
            // The user uploaded files under their own names; point at those, not at the temporary copies.
            throw new InputErrorsException(e.Errors.Select(x => x with { Location = x.Location with { File = Path.GetFileName(x.Location.File) } }).ToList());
        }
        catch (StyrkortException e)
        {
            throw new StyrkortException(e.Location with { File = Path.GetFileName(e.Location.File) }, e.Reason);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
