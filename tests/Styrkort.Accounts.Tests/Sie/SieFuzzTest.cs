using System.Diagnostics;
using System.Text;
using Styrkort.Accounts.Datasets;
using Styrkort.Accounts.Sie;
using Styrkort.Core.Diagnostics;
using static Styrkort.Accounts.Tests.TestFiles;

namespace Styrkort.Accounts.Tests.Sie;

/// <summary>
/// Whatever the bytes, the reader returns a document or refuses the input with located errors: it never throws
/// anything else, and its time stays linear. Random and mutated files (fixed seeds, so a failure can be replayed),
/// and inputs built to be pathological.
/// </summary>
public sealed class SieFuzzTest
{
    private static readonly byte[][] Tokens =
        [.. new[] { "{", "}", "\"", "\\\"", "\\", " ", "\t", "\r\n", "\n", "\r", "#VER A 1 20230101", "#TRANS 1930 {} ", "#RTRANS ", "#BTRANS ",
            "#KSUMMA", "#KSUMMA 123", "#RAR 0 20230101 20231231", "#RAR -1 20231231 20230101", "#UB 0 1930 ", "#PSALDO 0 ", "#OIB 0 1930 {",
            "-", ".", ",", "99999999999999999999", "20230231", "{1 \"10\"", "Ö", "\u00f6" }
            .Select(Encoding.UTF8.GetBytes), [0x00], [0xFF], [0x94], [0xF6], [0xC3], [0x1A]];

    private static void Survives(byte[] bytes, string what)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var result = SieReader.Read(bytes, "fuzz.se");
            Assert.NotNull(result.Document);
        }
        catch (InputErrorsException e)
        {
            Assert.NotEmpty(e.Errors);
            Assert.All(e.Errors, error => Assert.True(error.Location.Line >= 1, $"{what}: an error without a line: {error}"));
        }
        catch (Exception e)
        {
            Assert.Fail($"{what}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{what}: {watch.Elapsed.TotalSeconds:0.0} s for {bytes.Length} bytes");
    }

    private static List<byte[]> Seeds()
    {
        var seeds = new List<byte[]> { File.ReadAllBytes(Example) };
        foreach (var name in new[] { "visma-compact-6_sie1.se", "magenta-bokforing-2011_SIE4E.se", "bl-admin-2011_BL0001_typ4.SE" })
            if (File.Exists(Path.Combine(SieFolder, name))) seeds.Add(File.ReadAllBytes(Path.Combine(SieFolder, name)));
        return seeds;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        for (var n = random.Next(1, 12); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]); break;
                case 2: bytes.RemoveRange(at, Math.Min(random.Next(1, 200), bytes.Count - at)); break;
                case 3: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 400), bytes.Count - at))); break;
                case 4: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes[at] = (byte)"{}\"\\#\n \t"[random.Next(8)]; break;
            }
        }
        return [.. bytes];
    }

    [Fact]
    public void MutatedFiles_AreReadOrRefused()
    {
        var seeds = Seeds();
        var random = new Random(20240601);
        var written = 0;
        for (var i = 0; i < 1200; i++)
        {
            var bytes = Mutate(seeds[i % seeds.Count], random);
            Survives(bytes, $"mutation {i}");
            // Now and then, carry a readable mutant on through the datasets too.
            if (i % 40 == 0 && TryRead(bytes) is { } document) { WriteDatasets(document); written++; }
        }
        Assert.True(written > 0);
    }

    [Fact]
    public void RandomBytes_AreReadOrRefused()
    {
        var random = new Random(7);
        for (var i = 0; i < 600; i++)
        {
            var bytes = new List<byte>();
            for (var n = random.Next(0, 300); n > 0; n--)
                if (random.Next(3) == 0) bytes.Add((byte)random.Next(256));
                else bytes.AddRange(Tokens[random.Next(Tokens.Length)]);
            Survives([.. bytes], $"random {i}");
        }
    }

    [Theory]
    [InlineData("{", 2_000_000)]
    [InlineData("\"", 2_000_000)]
    [InlineData("\\\"", 1_000_000)]
    [InlineData("#VER A 1 20230101\n{\n", 100_000)]
    [InlineData("#TRANS 1930 {", 200_000)]
    [InlineData("{1 ", 500_000)]
    [InlineData("#RAR 0 20230101 20231231\n#UB 0 1930 1\n", 100_000)]
    [InlineData("\n", 3_000_000)]
    public void PathologicalInput_TakesLinearTime(string unit, int times) =>
        Survives(Encoding.ASCII.GetBytes(new StringBuilder(unit.Length * times).Insert(0, unit, times).ToString()), $"{times} × '{unit}'");

    private static SieDocument? TryRead(byte[] bytes)
    {
        try { return SieReader.Read(bytes, "fuzz.se").Document; }
        catch (InputErrorsException) { return null; }
    }

    private static void WriteDatasets(SieDocument document)
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-fuzz-").FullName;
        try
        {
            SieDatasets.Write(CompanyBooks.From([document]), folder);
        }
        catch (StyrkortException)
        {
            // Overlapping fiscal years are refused with a location; anything else is a failure.
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
