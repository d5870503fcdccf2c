using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Styrkort.Core.Warehouse.Csv;

/// <summary>
/// Detects how a CSV file was written. Encoding: a byte-order mark names UTF-8 or UTF-16 (LE/BE); without one, a file
/// that is valid UTF-8 throughout is UTF-8, anything else Windows-1252 (what Swedish Excel writes as "CSV"). Separator:
/// the one of comma and semicolon that the header row (outside quotes) has more of; a tie is a comma.
/// </summary>
public static class CsvSniffer
{
    private const int Chunk = 1 << 20;

    static CsvSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static CsvFormat Detect(string path)
    {
        var encoding = DetectEncoding(path);
        using var reader = OpenText(path, encoding);
        return new CsvFormat(encoding, DetectSeparator(reader));
    }

    /// <summary>The file as text in its encoding, after any byte-order mark.</summary>
    public static StreamReader OpenText(string path, TextEncoding encoding) => OpenText(File.OpenRead(path), encoding);

    public static StreamReader OpenText(Stream stream, TextEncoding encoding) =>
        new(stream, Of(encoding), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);

    /// <summary>The .NET encoding; the byte-order mark is skipped by <see cref="OpenText(Stream, TextEncoding)"/> (a BOM-aware preamble).</summary>
    public static Encoding Of(TextEncoding encoding) => encoding switch
    {
        TextEncoding.Utf8 or TextEncoding.Utf8Bom => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true),
        TextEncoding.Utf16LE => new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true),
        TextEncoding.Utf16BE => new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true),
        _ => Encoding.GetEncoding(1252),
    };

    public static TextEncoding DetectEncoding(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[3];
        var n = stream.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) return TextEncoding.Utf8Bom;
        if (n >= 2 && head[0] == 0xFF && head[1] == 0xFE) return TextEncoding.Utf16LE;
        if (n >= 2 && head[0] == 0xFE && head[1] == 0xFF) return TextEncoding.Utf16BE;
        stream.Position = 0;
        return IsUtf8(stream) ? TextEncoding.Utf8 : TextEncoding.Windows1252;
    }

    /// <summary>Whether the whole stream is valid UTF-8, read a chunk at a time (a sequence cut by a chunk's end is carried over).</summary>
    private static bool IsUtf8(Stream stream)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Chunk + 4);
        var chars = ArrayPool<char>.Shared.Rent(Chunk + 4);
        try
        {
            var carried = 0;
            while (true)
            {
                var read = stream.ReadAtLeast(bytes.AsSpan(carried, Chunk), Chunk, throwOnEndOfStream: false);
                var final = read < Chunk;
                var data = bytes.AsSpan(0, carried + read);
                var status = Utf8.ToUtf16(data, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                if (status == System.Buffers.OperationStatus.InvalidData) return false;
                if (final) return status == System.Buffers.OperationStatus.Done;
                carried = data.Length - consumed;
                data[consumed..].CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Counts commas and semicolons in the first record, outside quotes; reads at most the header's limit.</summary>
    private static FieldSeparator DetectSeparator(TextReader reader)
    {
        int commas = 0, semicolons = 0, length = 0, next;
        var quoted = false;
        while ((next = reader.Read()) >= 0 && ++length <= Limits.CsvHeaderChars)
        {
            var ch = (char)next;
            if (ch == '"') quoted = !quoted;
            else if (!quoted && ch == '\n') break;
            else if (!quoted && ch == ',') commas++;
            else if (!quoted && ch == ';') semicolons++;
        }
        return semicolons > commas ? FieldSeparator.Semicolon : FieldSeparator.Comma;
    }
}
