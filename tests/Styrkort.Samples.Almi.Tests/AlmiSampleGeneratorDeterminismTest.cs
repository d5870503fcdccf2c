namespace Styrkort.Samples.Almi.Tests;

public sealed class AlmiSampleGeneratorDeterminismTest : IDisposable
{
    private readonly string _root = TempFolder.Create();

    [Fact]
    public void Write_SameOptions_GiveByteIdenticalFiles()
    {
        var options = new AlmiSampleOptions(Companies: 3_000, Seed: 11);
        string a = Generate("a", options), b = Generate("b", options);
        foreach (string file in SampleFormat.Headers.Keys)
            Assert.True(File.ReadAllBytes(Path.Combine(a, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, file))), file);
    }

    [Fact]
    public void Write_DifferentSeeds_GiveDifferentFiles()
    {
        string a = Generate("a", new AlmiSampleOptions(Companies: 3_000, Seed: 11));
        string b = Generate("b", new AlmiSampleOptions(Companies: 3_000, Seed: 12));
        foreach (string file in SampleFormat.Headers.Keys.Where(f => f != "units.csv"))
            Assert.False(File.ReadAllBytes(Path.Combine(a, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, file))), file);
    }

    [Fact]
    public void Write_MoreCompanies_KeepTheFirstCompaniesUnchanged()
    {
        // Each company depends only on (seed, index), so a larger stock extends a smaller one.
        string small = Generate("small", new AlmiSampleOptions(Companies: 1_000));
        string large = Generate("large", new AlmiSampleOptions(Companies: 2_000));
        var smallLines = File.ReadAllLines(Path.Combine(small, "companies.csv"));
        Assert.Equal(smallLines, File.ReadLines(Path.Combine(large, "companies.csv")).Take(smallLines.Length));
    }

    public void Dispose() => TempFolder.Delete(_root);

    private string Generate(string name, AlmiSampleOptions options)
    {
        string dir = Path.Combine(_root, name);
        AlmiSampleGenerator.Write(dir, options);
        return dir;
    }
}
