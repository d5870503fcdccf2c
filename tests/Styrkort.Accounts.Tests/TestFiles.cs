using System.Text;
using Styrkort.Accounts.Sie;

namespace Styrkort.Accounts.Tests;

/// <summary>
/// Where the test data lies. The fifteen real SIE files are not part of the repository: they are read from
/// STYRKORT_SIE_FILES, by default ../shared/data/sie beside the repository (see that folder's README.md).
/// </summary>
public static class TestFiles
{
    public static string RepoRoot { get; } = FindRoot();

    public static string SieFolder { get; } =
        Environment.GetEnvironmentVariable("STYRKORT_SIE_FILES") is { Length: > 0 } folder
            ? folder
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "sie"));

    public static string Real(string name)
    {
        var path = Path.Combine(SieFolder, name);
        Assert.True(File.Exists(path), $"the real SIE file {path} is missing; set STYRKORT_SIE_FILES to the folder of shared/data/sie");
        return path;
    }

    public static IEnumerable<string> RealNames() =>
        Directory.GetFiles(SieFolder).Select(Path.GetFileName).OfType<string>()
            .Where(n => n.EndsWith(".se", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);

    /// <summary>The hand-written example company of samples/smb (its figures are worked out in docs/sie.md).</summary>
    public static string Example => Path.Combine(RepoRoot, "samples", "smb", "exempelbolaget.se");

    public static string IndustrySample => Path.Combine(RepoRoot, "samples", "smb", "industry.csv");

    public static string Library => Path.Combine(RepoRoot, "libraries", "bas-nyckeltal.yaml");

    public static string MonthlyLibrary => Path.Combine(RepoRoot, "libraries", "bas-nyckeltal-manad.yaml");

    static TestFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>SIE text written in C# (one item a line), as the bytes of an encoding: CP437 unless said.</summary>
    public static byte[] Bytes(string text, int codePage = 437) => Encoding.GetEncoding(codePage).GetBytes(text.ReplaceLineEndings("\r\n"));

    public static SieReadResult Read(string text, int codePage = 437) => SieReader.Read(Bytes(text, codePage), "test.se");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Styrkort.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Styrkort.sln not found above " + AppContext.BaseDirectory);
    }
}
