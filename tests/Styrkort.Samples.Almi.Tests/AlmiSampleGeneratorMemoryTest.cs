namespace Styrkort.Samples.Almi.Tests;

[CollectionDefinition(nameof(AlmiSampleGeneratorMemoryTest), DisableParallelization = true)]
public sealed class AlmiSampleGeneratorMemoryCollection;

/// <summary>Runs alone: it measures the process's live heap, which other tests would disturb.</summary>
[Collection(nameof(AlmiSampleGeneratorMemoryTest))]
public sealed class AlmiSampleGeneratorMemoryTest
{
    // Holding 200 000 companies or their million financial rows would take far more; the generator's
    // own state (writer buffers, a few years of relations) is a few megabytes.
    private const long LiveHeapBound = 32L * 1024 * 1024;

    [Fact]
    public void Write_TwoHundredThousandCompanies_KeepsTheLiveHeapBounded()
    {
        string dir = TempFolder.Create();
        try
        {
            long baseline = GC.GetTotalMemory(forceFullCollection: true);
            var peak = new PeakLiveHeap();
            var summary = AlmiSampleGenerator.Write(dir, new AlmiSampleOptions(Companies: 200_000), peak);
            Assert.Equal(200_000, summary.RowsPerFile["companies.csv"]);
            Assert.True(peak.Samples >= 20, $"only {peak.Samples} progress reports");
            Assert.True(peak.Bytes - baseline < LiveHeapBound,
                $"live heap grew by {(peak.Bytes - baseline) / 1024 / 1024} MB while generating");
        }
        finally
        {
            TempFolder.Delete(dir);
        }
    }

    private sealed class PeakLiveHeap : IProgress<GenerationProgress>
    {
        public long Bytes { get; private set; }
        public int Samples { get; private set; }

        public void Report(GenerationProgress value)
        {
            Samples++;
            Bytes = Math.Max(Bytes, GC.GetTotalMemory(forceFullCollection: true));
        }
    }
}
