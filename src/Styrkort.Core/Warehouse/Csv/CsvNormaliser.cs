using System.Security.Cryptography;
using System.Text;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Warehouse.Csv;

/// <summary>
/// Rewrites a CSV file in any format the import reads (<see cref="CsvSniffer"/>) as the one the loader reads: UTF-8
/// without a byte-order mark, comma-separated, one record for each record of the file, fields in their columns, so
/// that every error the loader finds names the same line and column as in the user's file. Streams: memory is one
/// record, whatever the file's size.
/// </summary>
/// <remarks>
/// Numbers in a semicolon-separated file are read the Swedish way: a decimal comma ("12,5"), spaces (also no-break
/// and thin spaces) between digit groups ("1 234 567"), a minus sign (U+2212); a decimal point is read as well. That
/// applies only to the columns the dataset declares integer, decimal or number, and only to cells that are a number
/// once read so; any other cell is passed on as written, for the loader to refuse with the user's own text. A
/// comma-separated file's numbers are read as written (a decimal point).
/// </remarks>
public static class CsvNormaliser
{
    /// <param name="columns">When given, the dataset column each of the file's columns (by position) is read as, or
    /// null for a column to ignore: the import's column mapping. Without it the header is kept.</param>
    /// <returns>The original file's SHA-256, as the import history records it.</returns>
    public static string Normalise(string source, string target, CsvFormat format, Dataset dataset, string displayName, IReadOnlyList<string?>? columns = null)
    {
        using var input = File.OpenRead(source);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var hashing = new HashingStream(input, hash))
        using (var reader = CsvSniffer.OpenText(hashing, format.Encoding))
        using (var writer = new StreamWriter(target, false, new UTF8Encoding(false), 1 << 16))
        {
            if (format.Encoding is TextEncoding.Utf8Bom or TextEncoding.Utf16LE or TextEncoding.Utf16BE && reader.Peek() == '\uFEFF') reader.Read();
            var records = new CsvRecordReader(reader, format.SeparatorChar, displayName);
            var header = records.Next();
            if (header is null) return Finish(hashing, hash);
            var names = header.Select((h, i) => columns is null ? h.Text : i < columns.Count && columns[i] is { } c ? c : $"_ignored_{i + 1}").ToList();
            Write(writer, names.Select(n => new CsvField(n, false)));
            var numeric = names.Select(n => format.Separator == FieldSeparator.Semicolon && dataset.Find(n.Trim()) is { Type: ColumnType.Integer or ColumnType.Decimal or ColumnType.Number }).ToArray();
            while (records.Next() is { } record)
            {
                for (var i = 0; i < record.Count && i < numeric.Length; i++)
                    if (numeric[i] && SwedishNumber(record[i].Text) is { } number) record[i] = new CsvField(number, false);
                Write(writer, record);
            }
            hashing.ReadToEnd();
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Finish(HashingStream hashing, IncrementalHash hash)
    {
        hashing.ReadToEnd();
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A cell read by the semicolon file's rule (see the remarks), as the loader's plain number; null when it is not one.</summary>
    public static string? SwedishNumber(string text)
    {
        if (text.Length == 0 || text.Length > 64) return null;
        var clean = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is ' ' or '\u00A0' or '\u202F') continue;
            clean.Append(ch switch { ',' => '.', '\u2212' => '-', _ => ch });
        }
        var s = clean.ToString();
        var digits = s.StartsWith('-') ? s.AsSpan(1) : s.AsSpan();
        var point = digits.IndexOf('.');
        bool AllDigits(ReadOnlySpan<char> t) => t.Length > 0 && !t.ContainsAnyExcept("0123456789");
        var ok = point < 0 ? AllDigits(digits) : AllDigits(digits[..point]) && AllDigits(digits[(point + 1)..]);
        return ok ? s : null;
    }

    private static void Write(StreamWriter writer, IEnumerable<CsvField> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first) writer.Write(',');
            first = false;
            if (f.Quoted || f.Text.AsSpan().IndexOfAny(",\"\n\r") >= 0)
            {
                writer.Write('"');
                writer.Write(f.Text.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else writer.Write(f.Text);
        }
        writer.Write('\n');
    }

    /// <summary>Hashes the bytes as they are read: the original file's hash without reading it twice.</summary>
    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            hash.AppendData(buffer, offset, n);
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            hash.AppendData(buffer[..n]);
            return n;
        }

        /// <summary>Reads what the text reader left, so that the hash covers the whole file.</summary>
        public void ReadToEnd()
        {
            var buffer = new byte[1 << 16];
            while (Read(buffer, 0, buffer.Length) > 0) { }
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
