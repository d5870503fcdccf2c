using System.Text.Json;
using System.Text.RegularExpressions;
using Styrkort.Accounts.Sie;
using static Styrkort.Accounts.Tests.TestFiles;

namespace Styrkort.Accounts.Tests.Sie;

/// <summary>What the writer writes, the reader reads back as the same document: every real file and the example.</summary>
public sealed partial class SieWriterTest
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string> { Example };
        foreach (var name in RealNames()) data.Add(Path.Combine(SieFolder, name));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void RoundTrip_GivesTheSameDocument(string path)
    {
        var read = SieReader.Read(path);
        var original = read.Document;
        using var stream = new MemoryStream();
        SieWriter.Write(original, stream);
        var again = SieReader.Read(stream.ToArray(), "again.se");
        Assert.Equal(Canonical(original), Canonical(again.Document));
        // The output is standard SIE: nothing in it needs a tolerant reading, beyond what the content itself brings ('DIFF' is no account number).
        var tolerated = read.Warnings.Select(w => w.Message).ToHashSet();
        Assert.DoesNotContain(again.Warnings, w => w.Kind is SieWarningKind.Syntax or SieWarningKind.Encoding or SieWarningKind.DuplicateBalance && !tolerated.Contains(w.Message));
    }

    [Fact]
    public void Output_IsCp437WithCrLfAndQuotedTexts()
    {
        using var stream = new MemoryStream();
        SieWriter.Write(SieReader.Read(Example).Document, stream);
        var bytes = stream.ToArray();
        Assert.Contains((byte)0x8F, bytes); // Å in CP437
        var text = System.Text.Encoding.GetEncoding(437).GetString(bytes);
        Assert.StartsWith("#FLAGGA 0\r\n#PROGRAM \"Styrkort exempel\" \"1.0\"\r\n#FORMAT PC8\r\n", text, StringComparison.Ordinal);
        Assert.Contains("#VER \"A\" \"3\" 20231115 \"Försäkringsersättning, \\\"skadan i lagret\\\"\" \"\" \"\"\r\n{\r\n", text, StringComparison.Ordinal);
        Assert.Contains("#RTRANS \"5010\" {\"1\" \"10\"} 120000.00 20230105 \"\" \"\" \"Anna Ek\"\r\n#TRANS \"5010\" {\"1\" \"10\"} 120000.00", text, StringComparison.Ordinal);
    }

    /// <summary>The document as JSON, without what the file does not carry over: lines, its name, how it was encoded and flagged.</summary>
    private static string Canonical(SieDocument d)
    {
        var neutral = d with
        {
            Source = "",
            Header = d.Header with { Encoding = "", Checksum = Checksum.Absent, Flag = 0, DeclaredFormat = "PC8" },
        };
        return LinePattern().Replace(JsonSerializer.Serialize(neutral), "\"Line\":0");
    }

    [GeneratedRegex("\"Line\":\\d+")]
    private static partial Regex LinePattern();
}
