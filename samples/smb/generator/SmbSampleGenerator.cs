using Styrkort.Samples.Smb.Internal;

namespace Styrkort.Samples.Smb;

/// <summary>What to generate: the company is fixed (about 40 staff, 2024-01-01 to 2026-03-31); the seed decides what happens in it.</summary>
/// <param name="Seed">The same seed gives byte-identical files.</param>
public sealed record SmbSampleOptions(int Seed = 10);

/// <summary>Progress of a run, one step per file; <paramref name="File"/> names the file just written.</summary>
public sealed record SmbProgress(string File, int Done, int Total);

/// <summary>The data rows (header excluded) of each CSV file written, in the order of samples/smb/README.md.</summary>
public sealed record SmbSummary(IReadOnlyDictionary<string, long> RowsPerFile);

/// <summary>
/// Generates the small-company sample of samples/smb/README.md: Nordvik Analys AB, a Swedish B2B software company, its
/// staff, customers, invoices, funnel, marketing, surveys, sales plan and its accounts as an SIE file together with the
/// datasets the program's SIE conversion writes from it.
/// </summary>
public static class SmbSampleGenerator
{
    public const string SieFile = SmbFiles.Sie;

    /// <summary>The CSV files written besides the SIE file and its datasets (sie_*.csv).</summary>
    public static IReadOnlyList<string> CsvFiles => SmbFiles.Csv;

    public static SmbSummary Write(string outDir, SmbSampleOptions options, IProgress<SmbProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        ArgumentNullException.ThrowIfNull(options);
        ct.ThrowIfCancellationRequested();
        Directory.CreateDirectory(outDir);
        var seed = options.Seed;
        var run = new RunState(progress, SmbFiles.Csv.Length + 1, ct);
        var books = new Books();
        var actuals = new Actuals();

        Catalogue.Write(seed, outDir, run);
        var people = Staff.Hire(seed);
        Staff.Write(seed, outDir, people, books, run);
        var campaigns = Marketing.Plan(seed, books, outDir, run);
        var sources = Marketing.Visits(seed, campaigns, people, outDir, run);
        var (leads, customers) = Funnel.Run(seed, sources);
        Billing.Write(seed, customers, books, actuals, outDir, run);
        CustomerFiles.Write(seed, leads, customers, actuals, outDir, run);
        Overheads.Book(seed, books, people);
        using (var csv = new CsvWriter(outDir, SmbFiles.Costs, "month", "unit_id", "department", "category", "account", "channel", "amount"))
        {
            foreach (var c in books.Costs)
                csv.Month(c.Month.Year, c.Month.Month).Text(c.Unit).Text(c.Department).Text(c.Category).Text(c.Account).Text(c.Channel).Money(c.Amount).EndRow();
            run.Done(csv);
        }
        SalesPlan.WriteActivities(seed, actuals, outDir, run);
        SalesPlan.WriteBudgets(seed, actuals, outDir, run);
        SieBook.Close(books);
        SieBook.Write(books, outDir);
        run.Step(SmbFiles.Sie);

        var ordered = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in SmbFiles.Csv) ordered[file] = run.RowsPerFile[file];
        return new SmbSummary(ordered);
    }
}
