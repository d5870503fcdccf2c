using System.Text;
using Styrkort.Accounts.Sie;
using static Styrkort.Accounts.Tests.TestFiles;

namespace Styrkort.Accounts.Tests.Sie;

/// <summary>The encoding is sniffed from the bytes: CP437 (the standard), UTF-8, ISO-8859-15, Windows-1252; #FORMAT is not trusted.</summary>
public sealed partial class SieReaderTest
{
    private const string Swedish = "#FLAGGA 0\n#FORMAT PC8\n#FNAMN \"Åkeri & Växthus i Göteborg AB\"\n#RAR 0 20230101 20231231\n#KONTO 1930 \"Företagskonto\"\n";

    [Theory]
    [InlineData(437, "CP437")]
    [InlineData(65001, "UTF-8")]
    [InlineData(28605, "ISO-8859-15")]
    [InlineData(28591, "ISO-8859-15")]
    public void Encoding_IsSniffed(int codePage, string name)
    {
        var result = Read(Swedish, codePage);
        Assert.Equal(name, result.Document.Header.Encoding);
        Assert.Equal("Åkeri & Växthus i Göteborg AB", result.Document.Header.CompanyName);
        Assert.Equal("Företagskonto", result.Document.Accounts.Single().Name);
        Assert.Equal(name != "CP437", result.Warnings.Any(w => w is { Kind: SieWarningKind.Encoding, Line: 2 }));
    }

    [Fact]
    public void Encoding_Windows1252WhenItsPunctuationIsUsed()
    {
        var result = Read(Swedish + "#PROSA \"Priser i € – exklusive moms\"\n", 1252);
        Assert.Equal("Windows-1252", result.Document.Header.Encoding);
        Assert.Equal("Priser i € – exklusive moms", result.Document.Header.Comments.Single());
    }

    [Fact]
    public void Encoding_ByteOrderMarks()
    {
        var utf8 = SieReader.Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Swedish)], "bom.se");
        Assert.Equal("Åkeri & Växthus i Göteborg AB", utf8.Document.Header.CompanyName);
        var utf16 = SieReader.Read(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Swedish)).ToArray(), "utf16.se");
        Assert.Equal("Åkeri & Växthus i Göteborg AB", utf16.Document.Header.CompanyName);
    }

    [Fact]
    public void Encoding_AStrayLatin1LetterInCp437IsRepairedWithAWarning()
    {
        var bytes = Bytes(Swedish + "#KONTO 1931 \"Xretagskonto 2\"\n");
        bytes[Array.LastIndexOf(bytes, (byte)'X')] = 0xF6; // ö in Latin-1, ÷ in CP437
        var result = SieReader.Read(bytes, "stray.se");
        Assert.Equal("CP437", result.Document.Header.Encoding);
        Assert.Equal("öretagskonto 2", result.Document.Accounts.Single(a => a.Number == "1931").Name);
        Assert.Equal(6, Assert.Single(result.Warnings, w => w.Kind == SieWarningKind.Encoding).Line);
    }

    [Fact]
    public void Encoding_ControlCharactersInTextBecomeSpaces()
    {
        var bytes = Bytes(Swedish + "#KONTO 1931 \"Bank_konto\"\n");
        bytes[Array.LastIndexOf(bytes, (byte)'_')] = 0x07;
        Assert.Equal("Bank konto", SieReader.Read(bytes, "bell.se").Document.Accounts.Single(a => a.Number == "1931").Name);
    }
}
