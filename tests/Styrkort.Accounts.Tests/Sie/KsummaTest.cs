using Styrkort.Accounts.Sie;
using Styrkort.Accounts.Sie.Internal;
using static Styrkort.Accounts.Tests.TestFiles;

namespace Styrkort.Accounts.Tests.Sie;

/// <summary>#KSUMMA: CRC-32 as SIE 4B §10 gives it, checked on real files, on a damaged copy and on our own output.</summary>
public sealed class KsummaTest
{
    [Fact]
    public void Crc32_OfTheStandardCheckString()
    {
        var crc = new Ksumma();
        crc.Add("123456789"u8);
        Assert.Equal(0xCBF43926u, crc.Value);
    }

    [Fact]
    public void ChangedByte_MakesTheSumWrong()
    {
        var bytes = File.ReadAllBytes(Real("visma-compact-6_sie1.se"));
        var at = Array.IndexOf(bytes, (byte)'#', bytes.Length / 2);
        var digit = Array.FindIndex(bytes, at, b => b is >= (byte)'1' and <= (byte)'8');
        bytes[digit]++;
        var result = SieReader.Read(bytes, "damaged.se");
        Assert.Equal(Checksum.Invalid, result.Document.Header.Checksum);
        Assert.Contains(result.Warnings, w => w.Kind == SieWarningKind.Checksum && w.Message.Contains("does not match", StringComparison.Ordinal));
    }

    [Fact]
    public void SeparatorsAndQuotes_AreNotPartOfTheSum()
    {
        static uint Sum(string body)
        {
            var crc = new Ksumma();
            foreach (var line in body.Split('\n')) crc.Add(SieLexer.Lex(System.Text.Encoding.ASCII.GetBytes(line), 1));
            return crc.Value;
        }
        const string plain = "#KONTO 1915 \"Kassa \\\"special\\\"\"\n#RAR 0 20230101 20231231\n#TRANS 1930 {1 \"10\"} 5";
        const string spaced = "#KONTO\t1915\t\t\"Kassa \\\"special\\\"\"\n#RAR  0  \"20230101\" 20231231\n#TRANS 1930 { \"1\" 10 } 5";
        Assert.Equal(Sum(plain), Sum(spaced));
        var file = Bytes($"#FLAGGA 0\n#KSUMMA\n{spaced}\n#KSUMMA {Sum(plain)}\n");
        Assert.Equal(Checksum.Valid, SieReader.Read(file, "k.se").Document.Header.Checksum);
    }

    [Fact]
    public void OwnOutput_WithAControlSumIsValid()
    {
        var document = SieReader.Read(Example).Document;
        using var stream = new MemoryStream();
        SieWriter.Write(document, stream, checksum: true);
        Assert.Equal(Checksum.Valid, SieReader.Read(stream.ToArray(), "own.se").Document.Header.Checksum);
    }
}
