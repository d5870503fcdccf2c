using System.Buffers;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Unicode;

namespace Styrkort.Core.Warehouse.DuckDb;

/// <summary>
/// What one read of a CSV file's bytes shows, beside DuckDB's load of it: the file's SHA-256, how many records it has,
/// whether it is plain (see <see cref="CsvScan.Run"/>) and whether its keys are distinct as text.
/// </summary>
/// <param name="Plain">Every record is well formed and has the header's number of fields, the file is valid UTF-8,
/// and every cell of a typed column (<see cref="CsvScan.Form"/>) has its form exactly, or is empty where that is allowed.</param>
/// <param name="KeysDistinct">No two records have the same key texts (proved; false also when not known).</param>
internal sealed record CsvFacts(string Sha256, long Records, bool Plain, bool KeysDistinct);

/// <summary>
/// Reads a CSV file once, as DuckDB reads it (',' between fields, '"' quotes and escapes, LF or CRLF), to prove what
/// DuckDB's typed reader cannot: that every typed cell has the form the checked path requires (DuckDB's reader also
/// takes ' 5', '+5', '1e3', '0x10', '1.5' for a whole number, and '2024-1-5' for a date) and that no key repeats.
/// Anything unusual (a bare CR, a quote inside an unquoted field, a blank line, a long line) makes the file not plain:
/// it is then loaded by the checked path, so a scan never needs to agree with DuckDB about an odd file.
/// </summary>
internal static class CsvScan
{
    /// <summary>The exact form a typed column's cells must have; <see cref="Any"/> is not looked at.</summary>
    internal enum Form : byte { Any, Integer, Decimal, Year, Date, Boolean }

    /// <summary>Past this a record is not plain: well below DuckDB's own limit, so that no plain file can reach it.</summary>
    private const int RecordBytes = Limits.CsvLineBytes / 2;

    private const int Chunk = 1 << 20;

    private static readonly SearchValues<byte> Ends = SearchValues.Create(",\n\"\r"u8);

    /// <param name="forms">Per field of the header, in order.</param>
    /// <param name="required">Per field: an empty cell is refused.</param>
    /// <param name="keys">The fields of the key, in the key's order.</param>
    public static CsvFacts Run(string path, IReadOnlyList<Form> forms, IReadOnlyList<bool> required, IReadOnlyList<int> keys, CancellationToken cancellation = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var state = new Reader(forms.ToArray(), required.ToArray(), keys.ToArray());
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk + RecordBytes + 16);
        try
        {
            var filled = 0;
            var first = true;
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                var read = stream.Read(buffer, filled, Chunk);
                sha.AppendData(buffer, filled, read);
                var start = 0;
                if (first && read + filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) start = 3;
                first = false;
                filled += read;
                var end = read == 0;
                if (state.Plain)
                {
                    var used = state.Records(buffer.AsSpan(start, filled - start), end) + start;
                    if (!end && filled - used >= RecordBytes) state.Plain = false; // one record longer than any plain one
                    // A record cut by the chunk's end moves to the front, to be read whole with the next chunk.
                    buffer.AsSpan(used, filled - used).CopyTo(buffer);
                    filled -= used;
                }
                if (!state.Plain) filled = 0; // only the hash goes on
                if (end) break;
            }
            return new CsvFacts(Convert.ToHexStringLower(sha.GetHashAndReset()), state.Count, state.Plain && state.Count >= 0, state.Plain && state.Distinct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The state of one scan: records are read whole; a record cut by the end of a chunk is read again with the next.</summary>
    private sealed class Reader(Form[] forms, bool[] required, int[] keys)
    {
        public bool Plain = true;
        public bool Distinct = true;
        /// <summary>Data records so far; the header is record -1.</summary>
        public long Count = -1;
        private readonly KeySet? _seen = keys.Length > 0 ? new KeySet() : null;
        private readonly ulong[] _keyHashes = new ulong[keys.Length];

        /// <summary>Reads every whole record of <paramref name="data"/> (the last one too when <paramref name="end"/>); returns the bytes used.</summary>
        public int Records(ReadOnlySpan<byte> data, bool end)
        {
            var pos = 0;
            while (Plain && pos < data.Length)
            {
                var next = Record(data, pos, end);
                if (next < 0) break; // cut by the chunk's end
                if (next - pos > RecordBytes) Plain = false;
                pos = next;
            }
            // Records end at a line feed, never inside a UTF-8 sequence.
            if (Plain && !Utf8.IsValid(data[..pos])) Plain = false;
            return Plain ? pos : data.Length;
        }

        /// <summary>Reads one record from <paramref name="pos"/>; returns where the next starts, or -1 when the data ends first.</summary>
        private int Record(ReadOnlySpan<byte> data, int pos, bool end)
        {
            var header = Count < 0;
            var field = 0;
            while (true)
            {
                int contentStart, contentEnd, after;
                var quoted = pos < data.Length && data[pos] == (byte)'"';
                if (quoted)
                {
                    contentStart = pos + 1;
                    var at = contentStart;
                    while (true)
                    {
                        var q = data[at..].IndexOf((byte)'"');
                        if (q < 0) return end ? Refuse() : -1;
                        at += q + 1;
                        if (at < data.Length && data[at] == (byte)'"') { at++; continue; }
                        if (at == data.Length && !end) return -1;
                        break;
                    }
                    contentEnd = at - 1;
                    after = at;
                }
                else
                {
                    var e = data[pos..].IndexOfAny(Ends);
                    if (e < 0)
                    {
                        if (!end) return -1;
                        e = data.Length - pos;
                    }
                    contentStart = pos;
                    contentEnd = pos + e;
                    after = contentEnd;
                }
                // What follows a field: a comma, a line feed, CR LF, or the end of the file.
                int next;
                var last = true;
                if (after == data.Length) next = after;
                else if (data[after] == (byte)',') { next = after + 1; last = false; }
                else if (data[after] == (byte)'\n') next = after + 1;
                else if (data[after] == (byte)'\r' && after + 1 < data.Length && data[after + 1] == (byte)'\n') next = after + 2;
                else if (data[after] == (byte)'\r' && after + 1 == data.Length && !end) return -1;
                else return Refuse(); // a quote inside an unquoted field, text after a closing quote, a bare CR
                if (field >= forms.Length) return Refuse();
                if (!header) Cell(field, data[contentStart..contentEnd], quoted);
                field++;
                if (last)
                {
                    // A blank line, or a record with another number of fields than the header.
                    if (field != forms.Length || (field == 1 && contentEnd == contentStart && !quoted)) return Refuse();
                    if (!header && _seen is not null && !_seen.Add(Combine(_keyHashes))) Distinct = false;
                    Count++;
                    return next;
                }
                if (next == data.Length && !end) return -1;
                pos = next;
            }
        }

        private int Refuse()
        {
            Plain = false;
            return int.MaxValue;
        }

        private void Cell(int field, ReadOnlySpan<byte> text, bool quoted)
        {
            var k = Array.IndexOf(keys, field);
            // An unquoted empty cell is NULL to DuckDB, a quoted one ''.
            if (k >= 0) _keyHashes[k] = text.Length == 0 && !quoted ? 0x6E756C6C : Hash(text);
            if (text.Length == 0)
            {
                if (required[field]) Plain = false;
                return;
            }
            if (!Fits(forms[field], text)) Plain = false;
        }

        private static ulong Combine(ulong[] hashes)
        {
            var h = 0x243F6A8885A308D3UL;
            foreach (var x in hashes) h = Mix(h ^ x);
            return h;
        }
    }

    /// <summary>Whether a (non-empty) cell has its form exactly, the form the checked path's regular expressions demand.</summary>
    internal static bool Fits(Form form, ReadOnlySpan<byte> t) => form switch
    {
        // At most 18 digits always fit in 64 bits; longer ones the checked path judges.
        Form.Integer => Digits(t[(t[0] == (byte)'-' ? 1 : 0)..], 1, 18),
        Form.Decimal => Amount(t[(t[0] == (byte)'-' ? 1 : 0)..]),
        Form.Year => t.Length == 4 && Digits(t, 4, 4),
        Form.Date => Date(t),
        Form.Boolean => t.SequenceEqual("true"u8) || t.SequenceEqual("false"u8),
        _ => true,
    };

    private static bool Digits(ReadOnlySpan<byte> t, int min, int max)
    {
        if (t.Length < min || t.Length > max) return false;
        foreach (var b in t)
            if (b is < (byte)'0' or > (byte)'9') return false;
        return true;
    }

    /// <summary>[0-9]{1,14}(\.[0-9]{1,4})?</summary>
    private static bool Amount(ReadOnlySpan<byte> t)
    {
        var point = t.IndexOf((byte)'.');
        return point < 0 ? Digits(t, 1, 14) : Digits(t[..point], 1, 14) && Digits(t[(point + 1)..], 1, 4);
    }

    /// <summary>YYYY-MM-DD, a day of the calendar from year 1 on.</summary>
    private static bool Date(ReadOnlySpan<byte> t)
    {
        if (t.Length != 10 || t[4] != (byte)'-' || t[7] != (byte)'-' || !Digits(t[..4], 4, 4) || !Digits(t[5..7], 2, 2) || !Digits(t[8..], 2, 2)) return false;
        int year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0'), month = (t[5] - '0') * 10 + (t[6] - '0'), day = (t[8] - '0') * 10 + (t[9] - '0');
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    /// <summary>A 64-bit hash of a cell's bytes; a collision only costs the exact check, never a missed repeat.</summary>
    private static ulong Hash(ReadOnlySpan<byte> t)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)t.Length;
        while (t.Length >= 8)
        {
            h = Mix(h ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(t));
            t = t[8..];
        }
        ulong tail = 0;
        for (var i = 0; i < t.Length; i++) tail |= (ulong)t[i] << (8 * i);
        return Mix(h ^ tail ^ 0xA5);
    }

    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }

    /// <summary>A set of 64-bit hashes, open addressing: about 10 bytes a key.</summary>
    private sealed class KeySet
    {
        private ulong[] _slots = new ulong[1 << 16];
        private int _count;

        /// <summary>False when the hash is there already.</summary>
        public bool Add(ulong h)
        {
            if (h == 0) h = 1; // 0 marks a free slot
            if (_count >= _slots.Length / 5 * 4) Grow();
            var mask = _slots.Length - 1;
            var i = (int)(h & (ulong)mask);
            while (_slots[i] != 0)
            {
                if (_slots[i] == h) return false;
                i = (i + 1) & mask;
            }
            _slots[i] = h;
            _count++;
            return true;
        }

        private void Grow()
        {
            var old = _slots;
            _slots = new ulong[old.Length * 2];
            var mask = _slots.Length - 1;
            foreach (var h in old)
            {
                if (h == 0) continue;
                var i = (int)(h & (ulong)mask);
                while (_slots[i] != 0) i = (i + 1) & mask;
                _slots[i] = h;
            }
        }
    }
}
