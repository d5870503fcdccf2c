namespace Styrkort.Samples.Smb.Tests;

public sealed class SmbSampleDeterminismTest : IDisposable
{
    private readonly string _root = TempFolder.Create();

    [Fact]
    public void Write_SameSeed_GivesByteIdenticalFiles_TheSieFileAndItsDatasetsToo()
    {
        var a = Generate("a", 3);
        var b = Generate("b", 3);
        var files = Directory.GetFiles(a).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(b).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains(SmbSampleGenerator.SieFile, files);
        Assert.Contains("sie_transactions.csv", files);
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(a, file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, file!))), file);
    }

    [Fact]
    public void Write_DifferentSeeds_GiveDifferentActivity_InTheSameCompany()
    {
        var a = Generate("a", 3);
        var b = Generate("b", 4);
        foreach (var file in new[] { "units.csv", "regions.csv", "product_lines.csv", "channels.csv" })
            Assert.Equal(File.ReadAllText(Path.Combine(a, file)), File.ReadAllText(Path.Combine(b, file)));
        foreach (var file in new[] { "customers.csv", "invoices.csv", "leads.csv", "web_visits.csv", SmbSampleGenerator.SieFile })
            Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
    }

    [Fact]
    public void Write_ReportsProgressForEveryFile_AndCountsTheRows()
    {
        var seen = new List<SmbProgress>();
        var summary = SmbSampleGenerator.Write(Path.Combine(_root, "p"), new SmbSampleOptions(5), new Recorder(seen));
        Assert.Equal(SmbSampleGenerator.CsvFiles, summary.RowsPerFile.Keys);
        Assert.Equal(seen.Count, seen[^1].Total);
        Assert.Equal(Enumerable.Range(1, seen.Count), seen.Select(p => p.Done));
        foreach (var (file, rows) in summary.RowsPerFile)
            Assert.Equal(rows, File.ReadLines(Path.Combine(_root, "p", file)).LongCount() - 1);
    }

    public void Dispose() => TempFolder.Delete(_root);

    private string Generate(string name, int seed)
    {
        var dir = Path.Combine(_root, name);
        SmbSampleGenerator.Write(dir, new SmbSampleOptions(seed));
        return dir;
    }

    private sealed class Recorder(List<SmbProgress> into) : IProgress<SmbProgress>
    {
        public void Report(SmbProgress value) => into.Add(value);
    }
}
