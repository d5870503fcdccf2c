using System.Text;

namespace Styrkort.Accounts.Sie.Internal;

/// <summary>
/// Decodes the text fields of an SIE file. The standard says CP437 (#FORMAT PC8), but real files are also UTF-8 or
/// ISO-8859-15/Windows-1252 while still saying PC8, so the encoding is sniffed from the bytes, never taken from #FORMAT.
/// The structure (labels, quotes, braces, separators) is ASCII in all of them, so it is read from the bytes.
/// </summary>
internal sealed class SieText
{
    static SieText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // Swedish letters (and é, ü) in each encoding: which set the high bytes fall in tells the encodings apart.
    private static readonly bool[] Cp437Letters = Table(0x81, 0x82, 0x84, 0x86, 0x8E, 0x8F, 0x90, 0x94, 0x99, 0x9A);
    private static readonly bool[] LatinLetters = Table(0xC4, 0xC5, 0xC9, 0xD6, 0xDC, 0xE4, 0xE5, 0xE9, 0xF6, 0xFC);

    private static bool[] Table(params int[] bytes)
    {
        var table = new bool[256];
        foreach (var b in bytes) table[b] = true;
        return table;
    }

    private readonly Encoding _encoding;
    private readonly bool _repairLatin;
    private readonly Encoding _latin1 = Encoding.Latin1;

    private SieText(string name, Encoding encoding, bool repairLatin)
    {
        Name = name;
        _encoding = encoding;
        _repairLatin = repairLatin;
    }

    /// <summary>The encoding the file was read as: CP437, UTF-8, ISO-8859-15 or Windows-1252.</summary>
    public string Name { get; }

    public bool IsCp437 => _repairLatin;

    /// <summary>Chooses the encoding of a file's bytes; a byte-order mark, if any, is skipped by the caller (see <see cref="Prepare"/>).</summary>
    public static SieText Sniff(ReadOnlySpan<byte> bytes)
    {
        if (HasMultiByteUtf8(bytes)) return new SieText("UTF-8", new UTF8Encoding(false, false), false);
        int cp437 = 0, latin = 0, c1 = 0;
        foreach (var b in bytes)
        {
            if (b < 0x80) continue;
            if (Cp437Letters[b]) cp437++;
            else if (LatinLetters[b]) latin++;
            if (b <= 0x9F) c1++;
        }
        if (latin > cp437)
            // In ISO-8859-x, 0x80–0x9F are control codes; text that uses them is Windows-1252 (€, „, –).
            return c1 > 0 ? new SieText("Windows-1252", Encoding.GetEncoding(1252), false) : new SieText("ISO-8859-15", Encoding.GetEncoding("iso-8859-15"), false);
        return new SieText("CP437", Encoding.GetEncoding(437), true);
    }

    /// <summary>Strips a UTF-8 byte-order mark and turns UTF-16 (with its mark) into UTF-8, so that the rest reads bytes.</summary>
    public static byte[] Prepare(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return bytes[3..];
        if (bytes is [0xFF, 0xFE, ..]) return Encoding.UTF8.GetBytes(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2));
        if (bytes is [0xFE, 0xFF, ..]) return Encoding.UTF8.GetBytes(Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2));
        return bytes;
    }

    /// <summary>
    /// Decodes a field. In a CP437 file, a byte that is a Swedish letter in Latin-1 but a box-drawing or maths sign in
    /// CP437 (Ö as ╓, ö as ÷) is a stray Latin-1 byte — no accounting text holds ÷ — and is read as the letter.
    /// </summary>
    public string Decode(ReadOnlySpan<byte> bytes, out bool repaired)
    {
        repaired = false;
        if (!_repairLatin) return _encoding.GetString(bytes);
        var needsRepair = false;
        foreach (var b in bytes)
            if (LatinLetters[b]) { needsRepair = true; break; }
        if (!needsRepair) return _encoding.GetString(bytes);
        repaired = true;
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
            sb.Append(LatinLetters[b] ? _latin1.GetString([b]) : _encoding.GetString([b]));
        return sb.ToString();
    }

    /// <summary>The number of characters the bytes decode to, for column numbers in lines with multi-byte text.</summary>
    public int CharCount(ReadOnlySpan<byte> bytes) => _encoding.GetCharCount(bytes);

    private static bool HasMultiByteUtf8(ReadOnlySpan<byte> bytes)
    {
        var multi = false;
        for (var i = 0; i < bytes.Length;)
        {
            var b = bytes[i];
            if (b < 0x80) { i++; continue; }
            var length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length == 0 || i + length > bytes.Length) return false;
            for (var k = 1; k < length; k++)
                if ((bytes[i + k] & 0xC0) != 0x80) return false;
            multi = true;
            i += length;
        }
        return multi;
    }
}
