using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Warehouse.Csv;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Imports;

/// <summary>One uploaded file waiting for its preview to be confirmed: the user's name, its dataset, where it is kept, its format.</summary>
public sealed record PendingFile(string UserFileName, string Dataset, string Stored, string Format)
{
    public CsvFormat CsvFormat => CsvFormat.Parse(Format) ?? CsvFormat.Plain;
}

/// <summary>An upload waiting to be confirmed; its token is the folder's name, known only to its owner.</summary>
public sealed record PendingUpload(string Token, string Owner, DateTime CreatedAtUtc, IReadOnlyList<PendingFile> Files);

/// <summary>
/// Uploads kept between the preview and the confirmation: on disk, not in memory, so a restart loses nothing but what
/// has expired. Each waits in a folder of its own under the owner's folder (<c>DATA/uploads/OWNER/TOKEN</c>) with a
/// manifest; the token is random, and a token of another user's upload is not found. An upload expires after
/// <see cref="WebLimits.PendingUploadMinutes"/>; a user keeps at most <see cref="WebLimits.MaxPendingUploadsPerUser"/>
/// (the oldest go first); expired ones are removed whenever an upload is kept.
/// </summary>
public sealed class PendingUploads(WebOptions options, WebLimits limits, TimeProvider clock)
{
    private const string Manifest = "upload.json";

    /// <summary>Keeps the files (each already matched to its dataset), an Excel workbook as the CSV it is read as, and detects each file's format.</summary>
    public PendingUpload Keep(IReadOnlyList<(UploadedFile File, Dataset Dataset)> files, string owner)
    {
        Sweep();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var folder = Folder(owner, token);
        Directory.CreateDirectory(folder);
        try
        {
            var kept = new List<PendingFile>();
            for (var i = 0; i < files.Count; i++)
            {
                var (file, dataset) = files[i];
                // Stored under a name of our own: the user's file name is only ever shown, never used as a path.
                var stored = $"{i}.csv";
                var path = Path.Combine(folder, stored);
                CsvFormat format;
                if (Path.GetExtension(file.FileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
                {
                    var workbook = Path.Combine(folder, $"{i}.xlsx");
                    using (var output = File.Create(workbook)) file.Content.CopyTo(output);
                    using (var input = File.OpenRead(workbook)) ExcelToCsv.Convert(input, path, limits);
                    File.Delete(workbook);
                    format = CsvFormat.Excel;
                }
                else
                {
                    using (var output = File.Create(path)) file.Content.CopyTo(output);
                    format = CsvSniffer.Detect(path);
                }
                kept.Add(new PendingFile(Path.GetFileName(file.FileName), dataset.Name, stored, format.ToString()));
            }
            var upload = new PendingUpload(token, owner, clock.GetUtcNow().UtcDateTime, kept);
            File.WriteAllText(Path.Combine(folder, Manifest), JsonSerializer.Serialize(upload));
            Trim(owner);
            return upload;
        }
        catch
        {
            Remove(folder);
            throw;
        }
    }

    /// <summary>The owner's upload of that token, or null: unknown, expired, someone else's, or not a token at all.</summary>
    public PendingUpload? Find(string? token, string owner)
    {
        if (token is null || token.Length != 32 || !token.All(char.IsAsciiHexDigitLower)) return null;
        var manifest = Path.Combine(Folder(owner, token), Manifest);
        if (!File.Exists(manifest)) return null;
        var upload = JsonSerializer.Deserialize<PendingUpload>(File.ReadAllText(manifest));
        if (upload is null || upload.Owner != owner || Expired(upload.CreatedAtUtc)) return null;
        return upload;
    }

    /// <summary>Where a kept file lies.</summary>
    public string PathOf(PendingUpload upload, PendingFile file) => Path.Combine(Folder(upload.Owner, upload.Token), file.Stored);

    /// <summary>Hands the upload's files over to <paramref name="target"/> (the import's job folder) and forgets the upload.</summary>
    public void MoveTo(PendingUpload upload, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Directory.Move(Folder(upload.Owner, upload.Token), target);
    }

    public void Discard(PendingUpload upload) => Remove(Folder(upload.Owner, upload.Token));

    private bool Expired(DateTime createdAtUtc) => clock.GetUtcNow().UtcDateTime - createdAtUtc > TimeSpan.FromMinutes(limits.PendingUploadMinutes);

    private string Root => Path.Combine(options.DataDirectory, "uploads");

    /// <summary>The owner's folder is named by a hash of the user name: any name, never a path.</summary>
    private string Folder(string owner, string token) =>
        Path.Combine(Root, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(owner)))[..24], token);

    /// <summary>Removes every expired upload, by the folder's time (a manifest unreadable or missing counts as its folder's age).</summary>
    private void Sweep()
    {
        if (!Directory.Exists(Root)) return;
        foreach (var folder in Directory.EnumerateDirectories(Root).SelectMany(Directory.EnumerateDirectories).ToList())
            if (Expired(Directory.GetCreationTimeUtc(folder))) Remove(folder);
    }

    /// <summary>The owner's oldest uploads past the limit.</summary>
    private void Trim(string owner)
    {
        var mine = Path.GetDirectoryName(Folder(owner, new string('0', 32)))!;
        foreach (var folder in Directory.EnumerateDirectories(mine).OrderByDescending(Directory.GetCreationTimeUtc).Skip(limits.MaxPendingUploadsPerUser).ToList())
            Remove(folder);
    }

    private static void Remove(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next sweep.
        }
    }

    /// <summary>The dataset a file is for: its name without extension is the dataset's name or its file's name.</summary>
    public static Dataset Match(GoalFile goals, string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return goals.Datasets.Values.FirstOrDefault(d => d.Name.Equals(stem, StringComparison.OrdinalIgnoreCase))
            ?? goals.Datasets.Values.FirstOrDefault(d => Path.GetFileNameWithoutExtension(d.File).Equals(stem, StringComparison.OrdinalIgnoreCase))
            ?? throw new StyrkortException(new SourceLocation(Path.GetFileName(fileName), 0, 0),
                $"no dataset is called '{stem}'; name the file after one of: {string.Join(", ", goals.Datasets.Values.Select(d => Path.GetFileName(d.File)))}");
    }
}
