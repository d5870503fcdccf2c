using Styrkort.Samples.Almi.Internal;

namespace Styrkort.Samples.Almi;

/// <summary>What to generate: the size of the company stock, the seed, and the span of activity.</summary>
/// <param name="Companies">
/// Companies in the regional company stock (1 to 10 000 000). From 20 000 up, the lender's own volumes
/// (about 4 000 loans and 11 000 efforts a year) stay the same; below, they shrink in proportion.
/// </param>
/// <param name="Seed">The same options give byte-identical files.</param>
/// <param name="FirstYear">First fiscal year and first year of activity.</param>
/// <param name="LastMonth">Last month with activity, <c>yyyy-MM</c>; fiscal years end the year before.</param>
public sealed record AlmiSampleOptions(int Companies = 20000, int Seed = 7, int FirstYear = 2020, string LastMonth = "2026-09");

/// <summary>
/// Progress of a run in steps: one per company of the stock, one per month of activity and one for each
/// later file. <paramref name="Done"/> only grows; <paramref name="File"/> names the file being written.
/// </summary>
public sealed record GenerationProgress(string File, long Done, long Total);

/// <summary>The data rows (header excluded) written to each file.</summary>
public sealed record GenerationSummary(IReadOnlyDictionary<string, long> RowsPerFile);

/// <summary>Generates the eleven CSV files of the Företagspartner sample (docs: almi-goals.md, "Input files").</summary>
public static class AlmiSampleGenerator
{
    /// <summary>
    /// Writes the eleven files into <paramref name="outDir"/>, creating it if missing. Streams company by
    /// company, so memory stays bounded whatever the company count.
    /// </summary>
    public static GenerationSummary Write(
        string outDir, AlmiSampleOptions options, IProgress<GenerationProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        var ctx = SampleContext.Create(options);
        ct.ThrowIfCancellationRequested();
        Directory.CreateDirectory(outDir);
        var run = new RunState(progress, ctx.Companies + ctx.MonthCount + 3);

        run.RowsPerFile[Files.Units] = Catalogue.WriteUnits(outDir);
        CompanyWriter.Write(ctx, outDir, run, ct);
        var relations = ActivityWriter.Write(ctx, outDir, run, ct);
        EngagementWriter.Write(ctx, outDir, run);
        ct.ThrowIfCancellationRequested();
        KycWriter.Write(ctx, outDir, relations, run);
        ct.ThrowIfCancellationRequested();
        TargetWriter.Write(ctx, outDir, run);

        var ordered = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string file in AllFiles)
            ordered[file] = run.RowsPerFile[file];
        return new GenerationSummary(ordered);
    }

    // The order of almi-goals.md, "Input files".
    private static readonly string[] AllFiles =
    [
        Files.Units, Files.Companies, Files.Financials, Files.Loans, Files.Efforts, Files.LoanLedger,
        Files.OperatingCosts, Files.NpsResponses, Files.EngagementResponses, Files.KycSnapshots, Files.Targets,
    ];
}
